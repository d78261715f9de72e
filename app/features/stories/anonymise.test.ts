import { describe, expect, it } from "vitest";
import { applyReplacements, findPiiCandidates, type PiiCandidate, type PiiKind } from "./anonymise";

/** The candidates as [kind, text] pairs: short to read in tables. */
function found(text: string): [PiiKind, string][] {
  return findPiiCandidates(text).map((c) => [c.kind, c.text]);
}

function ofKind(text: string, kind: PiiKind): string[] {
  return findPiiCandidates(text)
    .filter((c) => c.kind === kind)
    .map((c) => c.text);
}

/** Replaces every candidate found: what "anonymise all" would do. */
function anonymiseAll(text: string): string {
  return applyReplacements(text, findPiiCandidates(text));
}

const STORY =
  "Het pad naar de bushalte aan de Glipperweg is 's avonds donker. Mijn buurman Jan de Vries " +
  "op nummer 12 is daar vorige week gevallen. Bel hem maar: 06-12345678.";

describe("findPiiCandidates: the example story", () => {
  it("finds the name, the house number and the phone number with exact offsets", () => {
    expect(findPiiCandidates(STORY)).toEqual([
      { kind: "name", start: 77, end: 89, text: "Jan de Vries", replacement: "[naam]" },
      { kind: "address", start: 93, end: 102, text: "nummer 12", replacement: "[adres]" },
      {
        kind: "phone",
        start: 147,
        end: 158,
        text: "06-12345678",
        replacement: "[telefoonnummer]",
      },
    ]);
  });

  it("leaves the street in the public-space description alone", () => {
    expect(findPiiCandidates(STORY).some((c) => c.text.includes("Glipperweg"))).toBe(false);
  });
});

describe("phone numbers", () => {
  it.each([
    "06-12345678",
    "06 12345678",
    "06 12 34 56 78",
    "06-12 34 56 78",
    "06 1234 5678",
    "0612345678",
    "06 - 12345678",
    "+31 6 12345678",
    "+316 12345678",
    "+31612345678",
    "+31 (0)6 12345678",
    "+31 06 12345678",
    "0031 6 12345678",
    "0031612345678",
    "023-5123456",
    "023 512 34 56",
    "023 5123456",
    "020-1234567",
    "0235123456",
    "(023) 5123456",
    "(023)5123456",
    "0252-123456",
    "0252 12 34 56",
    "+31 23 5123456",
  ])("finds %s in a sentence, with exact offsets", (phone) => {
    const text = `Bel ${phone} na zes uur.`;
    expect(findPiiCandidates(text)).toEqual([
      {
        kind: "phone",
        start: 4,
        end: 4 + phone.length,
        text: phone,
        replacement: "[telefoonnummer]",
      },
    ]);
  });

  it.each([
    ["a year", "In 2024 is het pad aangelegd."],
    ["an amount", "Het kostte € 50.000 en dat is veel."],
    ["a large amount", "Budget: 1.250.000 euro."],
    ["a date", "Op 12-05-2026 is de buurtborrel."],
    ["a date starting with 0", "Op 05-12-2026 is de buurtborrel."],
    ["a date with 06 as day", "Op 06-05-2026 om 14:00 begint het."],
    ["a date with a time that adds up to 10 digits", "Op 06-05-2026 14:00 begint het."],
    ["a slash date", "Sinds 01/02/2024 is het donker."],
    ["a date and an hour that add up to 10 digits", "Op 06-05-2026 14 uur begint het."],
    ["a postcode", "Mijn postcode is 2101 AB."],
    ["a time", "Om 10:30 gaat de bus."],
    ["too few digits", "Bel 06-1234567 niet."],
    ["too many digits", "Bel 06-123456789 niet."],
    ["a long reference number", "Zaaknummer 0123456789012 is bekend."],
    ["an IBAN (digits glued to letters)", "Rekening NL91ABNA0417164300 graag."],
    ["a decimal number", "Het is 0612345678,5 meter."],
    ["single-digit groups", "Het scoreverloop was 0 6 1 2 3 4 5 6 7 8."],
    ["a number without the national 0", "Klantnummer 612345678 staat op de brief."],
  ])("ignores %s", (_label, text) => {
    expect(ofKind(text, "phone")).toEqual([]);
  });

  it("takes only the first 10 digits when more numbers follow", () => {
    expect(found("Bel 06 12345678 12 keer.")).toEqual([["phone", "06 12345678"]]);
  });

  it("finds two numbers side by side", () => {
    expect(found("Bel 06-12345678 of 023-5123456.")).toEqual([
      ["phone", "06-12345678"],
      ["phone", "023-5123456"],
    ]);
  });

  it("finds a number after a rejected run of digits", () => {
    expect(found("Code 0612 0612345678 gebruiken.")).toEqual([["phone", "0612345678"]]);
  });
});

describe("e-mail addresses", () => {
  it.each([
    ["Mail jan.devries@example.nl als je wilt.", "jan.devries@example.nl"],
    ["Mail jan.devries@example.nl.", "jan.devries@example.nl"],
    ["(buurt+agenda@mail.heemstede.nl)", "buurt+agenda@mail.heemstede.nl"],
    ["Mail: FATIMA_72@Hotmail.com", "FATIMA_72@Hotmail.com"],
  ])("finds the address in %j", (text, email) => {
    expect(found(text)).toEqual([["email", email]]);
  });

  it.each([
    "Twitter: @buurtagenda",
    "Stuur het naar jan@ of zo.",
    "info at example dot nl",
    "Het kost 5@stuk.",
  ])("ignores %j", (text) => {
    expect(ofKind(text, "email")).toEqual([]);
  });

  it("does not report the digits inside an e-mail address as a phone number", () => {
    expect(found("Mail 0612345678@example.nl")).toEqual([["email", "0612345678@example.nl"]]);
  });
});

describe("postcodes", () => {
  it.each([
    ["Ik woon in 2101 AB.", "2101 AB", 11],
    ["Ik woon in 2101AB.", "2101AB", 11],
    ["2101 AB Heemstede", "2101 AB", 0],
    ["Postcode: 6131 BJ Sittard", "6131 BJ", 10],
  ])("finds the postcode in %j", (text, postcode, start) => {
    expect(findPiiCandidates(text)).toEqual([
      {
        kind: "postcode",
        start,
        end: start + postcode.length,
        text: postcode,
        replacement: "[postcode]",
      },
    ]);
  });

  it.each([
    ["more letters after it", "Code 1234 ABC is het."],
    ["a leading zero", "Code 0123 AB is het."],
    ["lower-case letters", "Ik woon in 2101 ab."],
    ["a combination that is never issued", "Ik woon in 2101 SS."],
    ["five digits", "Ik woon in 21012 AB."],
    ["letters glued to the front", "Model X2101 AB."],
  ])("ignores a postcode with %s", (_label, text) => {
    expect(ofKind(text, "postcode")).toEqual([]);
  });
});

describe("addresses", () => {
  it.each([
    ["Ik woon op de Glipperweg 12.", "Glipperweg 12"],
    ["Ik woon op de Glipperweg 12a.", "Glipperweg 12a"],
    ["Ik woon op de Glipperweg 12-A.", "Glipperweg 12-A"],
    ["Ik woon op de Glipperweg 12 B.", "Glipperweg 12 B"],
    ["Ik woon op de Glipperweg 12 bis.", "Glipperweg 12 bis"],
    ["Ik woon op de Glipperweg 12 hs.", "Glipperweg 12 hs"],
    ["Ik woon op de Glipperweg 12-II.", "Glipperweg 12-II"],
    ["Ik woon op de Glipperweg 3-5.", "Glipperweg 3-5"],
    ["Ik woon op de Glipperweg nummer 12.", "Glipperweg nummer 12"],
    ["Ik woon aan de Van Merlenlaan 4.", "Van Merlenlaan 4"],
    ["Ik woon aan de Heemsteedse Dreef 180.", "Heemsteedse Dreef 180"],
    ["Ik woon in de Jan van Goyenstraat 7.", "Jan van Goyenstraat 7"],
    ["Ik woon op de Dr. Schaepmanstraat 2.", "Dr. Schaepmanstraat 2"],
    ["Hij woont aan de Oude Gracht 40, vlakbij.", "Oude Gracht 40"],
    ["Ik woon op de 's-Gravendijkwal 9.", "'s-Gravendijkwal 9"],
    ["Op de Glipperweg 12 woont hij.", "Glipperweg 12"],
    ["Glipperweg 12 is mijn huis.", "Glipperweg 12"],
    ["Ze woont op nummer 12.", "nummer 12"],
    ["Ze woont op nr. 12a.", "nr. 12a"],
    ["Ze woont op nr.7.", "nr.7"],
    ["Haar huisnummer 14 staat op de deur.", "huisnummer 14"],
    ["Nummer 3 is leeg.", "Nummer 3"],
    ["Alle straten: Plantsoen, Markt, Marktplein 1.", "Marktplein 1"],
  ])("finds the address in %j", (text, address) => {
    expect(found(text)).toEqual([["address", address]]);
  });

  it("reports exact offsets for the address fragment", () => {
    expect(findPiiCandidates("Ze woont op nummer 12a.")).toEqual([
      { kind: "address", start: 12, end: 22, text: "nummer 12a", replacement: "[adres]" },
    ]);
  });

  it.each([
    ["a street without number", "Het pad aan de Glipperweg is donker."],
    ["a street at the start", "Glipperweg is 's avonds donker."],
    ["a multiword street without number", "De Heemsteedse Dreef is druk."],
    ["a street followed by a quantity", "Ik loop de Glipperweg 3 keer per dag."],
    ["a street followed by a duration", "De Glipperweg 10 jaar geleden was anders."],
    ["a street followed by a distance", "De Glipperweg 2 km verderop."],
    ["a street followed by a decimal", "De Glipperweg 2,5 km verderop."],
    ["a street followed by a time", "Glipperweg 12:30 afgesloten."],
    ["a bus line", "Neem lijn nummer 5 naar het station."],
    ["a bus line at a sentence start", "Lijn nummer 5 rijdt niet."],
    ["an agenda item", "Dat is agendapunt nr. 3."],
    ["a phone number word", "Mijn telefoonnummer 12 ken je niet."],
    ["a lower-case street-like word", "Het fietspad 2 keer overgestoken."],
    ["number zero", "Glipperweg 0 bestaat niet."],
  ])("ignores %s", (_label, text) => {
    expect(ofKind(text, "address")).toEqual([]);
  });
});

describe("names", () => {
  it.each([
    // (a) after a relation or title word
    ["Mijn buurman Jan is aardig.", "Jan"],
    ["Mijn buurvrouw Fatima El Amrani kookt.", "Fatima El Amrani"],
    ["Ik sprak mevrouw Van den Berg.", "Van den Berg"],
    ["Ik sprak meneer de Vries.", "de Vries"],
    ["Ik sprak mijnheer Bakker gisteren.", "Bakker"],
    ["Ik sprak dhr. J. de Vries.", "J. de Vries"],
    ["Ik sprak mw. Jansen-Bakker.", "Jansen-Bakker"],
    ["Ik sprak mevr. Özdemir.", "Özdemir"],
    ["Buurman Piet helpt altijd.", "Piet"],
    ["Onze overbuurvrouw Els zwaait.", "Els"],
    ["De wijkagent Peters kwam langs.", "Peters"],
    ["Dokter Visser is verhuisd.", "Visser"],
    ["Mijn oma Bep en opa Kees wonen hier.", "Bep", "Kees"],
    ["Haar dochter Sanne en zoon Ahmed spelen.", "Sanne", "Ahmed"],
    ["Mijn man Ahmed rijdt.", "Ahmed"],
    ["Zijn vrouw Ingrid van 't Hof lacht.", "Ingrid van 't Hof"],
    ["Tante Riet en oom Henk.", "Riet", "Henk"],
    ["Juffrouw Anneke is lief.", "Anneke"],
    // the name stops at a word that cannot be part of it
    ["Buurvrouw Els Maandag al gezien.", "Els"],
    ["Buurvrouw Els Heemstede uit.", "Els"],
    // (b) a full name anywhere
    ["Ik zag Jan de Vries bij de bakker.", "Jan de Vries"],
    ["Ik zag Piet van der Berg bij de bakker.", "Piet van der Berg"],
    ["Ik zag Anna Maria van Dijk bij de bakker.", "Anna Maria van Dijk"],
    ["Jan de Vries woont hier al lang.", "Jan de Vries"],
    ["Toen Jan de Vries kwam, was het feest.", "Jan de Vries"],
    ["Op de Markt zag ik Kees van den Hout.", "Kees van den Hout"],
    // (c) naming phrases
    ["Hallo, ik ben Fatima.", "Fatima"],
    ["Ik heet Anna de Boer.", "Anna de Boer"],
    ["Een man genaamd Klaas hielp.", "Klaas"],
    ["Mijn naam is Sanne.", "Sanne"],
  ])("finds the name(s) in %j", (text, ...names) => {
    expect(found(text)).toEqual(names.map((name) => ["name", name]));
  });

  it("reports the name part only, with exact offsets", () => {
    expect(findPiiCandidates("Buurman Jan de Vries zwaait.")).toEqual([
      { kind: "name", start: 8, end: 20, text: "Jan de Vries", replacement: "[naam]" },
    ]);
  });

  it.each([
    ["a single capitalised word at the start", "Jan zwaait altijd."],
    ["a single capitalised word after a full stop", "Het regent. Piet zwaait."],
    ["a capitalised word without trigger", "Gisteren zag ik Piet bij de bakker."],
    ["a relation word without a name", "Mijn man is ziek en mijn buurvrouw ook."],
    ["a relation word followed by punctuation", "Mijn buurman. Hij is aardig."],
    ["a relation word followed by a sentence word", "Zijn vrouw Ik weet het niet."],
    ["a relation word followed by a month", "De buurvrouw Januari heeft geen idee."],
    ["a relation word inside a word", "De buurmannen Piet en Kees."],
    ["a place after a relation word", "Mijn oma Heemstede vindt het mooi."],
    ["a phrase that starts with a preposition", "Op de Markt is het druk."],
    ["an organisation with a particle", "Buurthuis de Hoeksteen is open."],
    ["a school with a particle", "Basisschool de Ark is dicht."],
    ["a street with a particle", "De Jan van Goyenstraat is mooi."],
    ["a supermarket", "Bij de Albert Heijn en de Jumbo."],
    ["organisations", "De Gemeente Heemstede, WIJ Heemstede en de GGD."],
    ["acronyms after a trigger", "Mijn zoon GGD werkt."],
    ["months and days", "In Januari en op Maandag gaat de Bibliotheek open."],
    ["a royal title", "Koning van Oranje kwam langs."],
    ["ik ben with a lower-case word", "Ik ben blij met de buurt."],
    ["lower-case words with a particle", "Het huis van de buren."],
  ])("ignores %s", (_label, text) => {
    expect(ofKind(text, "name")).toEqual([]);
  });
});

describe("overlaps", () => {
  it("reports an address and its postcode as two separate candidates", () => {
    expect(findPiiCandidates("Glipperweg 12, 2101 AB Heemstede")).toEqual([
      { kind: "address", start: 0, end: 13, text: "Glipperweg 12", replacement: "[adres]" },
      { kind: "postcode", start: 15, end: 22, text: "2101 AB", replacement: "[postcode]" },
    ]);
  });

  it("keeps the longest candidate when two detectors overlap", () => {
    // "nummer 12" on its own is also an address fragment, but lies inside the longer one.
    expect(found("Ik woon op de Glipperweg nummer 12.")).toEqual([
      ["address", "Glipperweg nummer 12"],
    ]);
    // "2101 AB" would be a postcode, but it overlaps the longer address "Glipperweg 2101".
    expect(found("Ik woon op de Glipperweg 2101 AB.")).toEqual([["address", "Glipperweg 2101"]]);
  });

  it("cuts a name off where a street begins", () => {
    expect(found("Ik sprak mevrouw De Groot van de Heemsteedse Dreef gisteren.")).toEqual([
      ["name", "De Groot"],
    ]);
    expect(found("Ik sprak mevrouw De Groot van de Heemsteedse Dreef 12.")).toEqual([
      ["name", "De Groot"],
      ["address", "Heemsteedse Dreef 12"],
    ]);
  });

  it("does not pull a relation word into a street name", () => {
    expect(found("Buurvrouw Kees Glipperweg 12")).toEqual([["address", "Kees Glipperweg 12"]]);
    expect(found("Buurman Kees woont op de Glipperweg 12.")).toEqual([
      ["name", "Kees"],
      ["address", "Glipperweg 12"],
    ]);
  });

  it("reports a name found by two rules once", () => {
    expect(found("Mijn buurman Jan de Vries.")).toEqual([["name", "Jan de Vries"]]);
  });

  it.each([
    STORY,
    "Glipperweg 12, 2101 AB Heemstede, tel. 023-5123456, mail jan@example.nl, buurman Jan.",
    "Buurvrouw Anna Glipperweg 12 en Piet van Dam op nr. 4, 06 12 34 56 78.",
    "Mevrouw Van den Berg (Van Merlenlaan 4, 2103 AB) belt 0612345678 of +31 6 87654321.",
  ])("returns text-ordered, non-overlapping candidates whose text matches: %j", (text) => {
    const candidates = findPiiCandidates(text);
    expect(candidates.length).toBeGreaterThan(1);
    candidates.forEach((c, index) => {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      const next = candidates[index + 1];
      if (next) expect(c.end).toBeLessThanOrEqual(next.start);
    });
  });
});

describe("offsets", () => {
  it("counts UTF-16 code units, so slices work after emoji", () => {
    expect(findPiiCandidates("🏠 buurman Piet")).toEqual([
      { kind: "name", start: 11, end: 15, text: "Piet", replacement: "[naam]" },
    ]);
  });

  it("handles long runs of digits and capitals without finding anything", () => {
    expect(findPiiCandidates("0 1 2 3 4 5 6 7 8 9 ".repeat(2000))).toEqual([]);
    expect(findPiiCandidates("Heemsteedse Oude Nieuwe ".repeat(2000))).toEqual([]);
  });

  it("finds nothing in an empty or harmless text", () => {
    expect(findPiiCandidates("")).toEqual([]);
    expect(findPiiCandidates("Het park is mooi en de bankjes zijn nieuw.")).toEqual([]);
  });
});

describe("applyReplacements", () => {
  it("anonymises the example story", () => {
    expect(anonymiseAll(STORY)).toBe(
      "Het pad naar de bushalte aan de Glipperweg is 's avonds donker. Mijn buurman [naam] " +
        "op [adres] is daar vorige week gevallen. Bel hem maar: [telefoonnummer].",
    );
  });

  it("anonymises a story with every kind of candidate", () => {
    const text =
      "Sinds maandag staat er een bankje in het Plantsoen. Mevrouw De Groot van de " +
      "Heemsteedse Dreef 12a (2102 LK) had het gevraagd. Vragen? Mail haar via " +
      "groot.a@example.nl of bel (023) 5123456. Ook Kees van der Linden op nr. 14 vindt het fijn.";
    expect(anonymiseAll(text)).toBe(
      "Sinds maandag staat er een bankje in het Plantsoen. Mevrouw [naam] van de " +
        "[adres] ([postcode]) had het gevraagd. Vragen? Mail haar via " +
        "[e-mailadres] of bel [telefoonnummer]. Ook [naam] op [adres] vindt het fijn.",
    );
  });

  it("leaves HTML and script-looking text untouched apart from real candidates", () => {
    const xss = `<script>alert(1)</script><img src=x onerror="alert('06')">`;
    expect(findPiiCandidates(xss)).toEqual([]);
    expect(anonymiseAll(xss)).toBe(xss);
    const mixed = `<b>Buurman Piet</b> <script>alert(1)</script> belt 06-12345678`;
    expect(anonymiseAll(mixed)).toBe(
      `<b>Buurman [naam]</b> <script>alert(1)</script> belt [telefoonnummer]`,
    );
  });

  it("applies only the chosen candidates, in any order", () => {
    const candidates = findPiiCandidates(STORY);
    const chosen = candidates.filter((c) => c.kind !== "address").reverse();
    expect(applyReplacements(STORY, chosen)).toBe(
      "Het pad naar de bushalte aan de Glipperweg is 's avonds donker. Mijn buurman [naam] " +
        "op nummer 12 is daar vorige week gevallen. Bel hem maar: [telefoonnummer].",
    );
  });

  it("returns the text unchanged when nothing is chosen", () => {
    expect(applyReplacements(STORY, [])).toBe(STORY);
  });

  it("uses the replacement on the candidate, so a moderator can adjust it", () => {
    const [name] = findPiiCandidates("Buurman Piet zwaait.");
    expect(name).toBeDefined();
    const adjusted = { ...name!, replacement: "[buurman]" };
    expect(applyReplacements("Buurman Piet zwaait.", [adjusted])).toBe("Buurman [buurman] zwaait.");
  });

  it("counts the same candidate chosen twice once", () => {
    const candidates = findPiiCandidates(STORY);
    expect(applyReplacements(STORY, [...candidates, ...candidates])).toBe(anonymiseAll(STORY));
  });

  const piet: PiiCandidate = {
    kind: "name",
    start: 8,
    end: 12,
    text: "Piet",
    replacement: "[naam]",
  };

  it.each<[string, PiiCandidate[], RegExp]>([
    ["a candidate from an edited text", [{ ...piet, start: 7, end: 11 }], /no longer matches/],
    ["a candidate with other text", [{ ...piet, text: "Kees" }], /no longer matches/],
    ["an empty candidate", [{ ...piet, end: 8, text: "" }], /no longer matches/],
    ["a candidate past the end", [{ ...piet, start: 30, end: 34 }], /outside the text/],
    ["a negative offset", [{ ...piet, start: -1 }], /outside the text/],
    [
      "overlapping candidates",
      [piet, { ...piet, start: 10, end: 19, text: "et zwaait" }],
      /overlaps/,
    ],
  ])("refuses %s instead of publishing it half-anonymised", (_label, candidates, error) => {
    expect(() => applyReplacements("Buurman Piet zwaait.", candidates)).toThrow(error);
  });
});
