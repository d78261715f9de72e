/**
 * Finds personal data in a resident's story so a moderator can anonymise it with one click.
 *
 * Everything here is a heuristic: there is no name list and no address register. The aim is to
 * offer candidates (false positives are fine, the moderator decides) without drowning the
 * moderator in noise, so street names alone, years, amounts and dates are deliberately left alone.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), so `text.slice(start, end)` is the
 * candidate's text. Nothing is escaped here: rendering the story safely is the caller's job.
 */

export type PiiKind = "phone" | "email" | "address" | "postcode" | "name";

export interface PiiCandidate {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  replacement: string;
}

/** Plain Dutch placeholders, in square brackets so readers see something was left out. */
const REPLACEMENTS: Record<PiiKind, string> = {
  phone: "[telefoonnummer]",
  email: "[e-mailadres]",
  address: "[adres]",
  postcode: "[postcode]",
  name: "[naam]",
};

/** On an exact tie in length, the more reliable detector wins. */
const KIND_PRIORITY: Record<PiiKind, number> = {
  email: 0,
  phone: 1,
  postcode: 2,
  address: 3,
  name: 4,
};

interface Span {
  kind: PiiKind;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/** Horizontal whitespace only: a name or address never continues onto the next line. */
const H = String.raw`[ \t\u00A0]`;

/** Tussenvoegsels that sit inside Dutch (and some Arabic/Romance) surnames: "Jan de Vries". */
const PARTICLES = [
  "van",
  "von",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "’t",
  "ter",
  "ten",
  "la",
  "le",
  "du",
  "da",
  "di",
  "del",
  "dos",
  "el",
];
const PARTICLE = `(?:${PARTICLES.join("|")})(?![\\p{L}])`;

/**
 * One capitalised name word: "Jan", "Vries", "El", "Jansen-Bakker", "Özdemir". Requires lower
 * case after the capital so acronyms (WIJ, GGD) never count as names.
 */
const NAME_WORD = String.raw`\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?![\p{L}\p{N}])`;

/** Initials such as "J." or "A.B." before a surname ("dhr. J. de Vries"). */
const INITIALS = String.raw`(?:\p{Lu}\.${H}?){1,4}`;

/**
 * A name after a trigger word: optional initials, optional leading particles ("meneer de Vries"),
 * then up to three name words with particles in between ("Jan de Vries", "Fatima El Amrani").
 */
const NAME_BODY =
  `(?:${INITIALS})?(?:${PARTICLE}${H}+)*${NAME_WORD}` +
  `(?:${H}+(?:${PARTICLE}${H}+)*${NAME_WORD}){0,2}`;

/** Relation and title words that are followed by a name: "buurman Jan", "mevrouw De Groot". */
const NAME_TRIGGERS = [
  "buurman",
  "buurvrouw",
  "overbuurman",
  "overbuurvrouw",
  "buurjongen",
  "buurmeisje",
  "meneer",
  "mevrouw",
  "mijnheer",
  "juffrouw",
  "juf",
  "meester",
  "dokter",
  "wijkagent",
  "oom",
  "tante",
  "opa",
  "oma",
  "zoon",
  "dochter",
  "broer",
  "zus",
  "neef",
  "nicht",
  "vriend",
  "vriendin",
  "man",
  "vrouw",
];

/** Street name endings (Dutch street types); matched at the end of a capitalised word. */
const STREET_SUFFIXES = [
  "weg",
  "straat",
  "laan",
  "plein",
  "dreef",
  "kade",
  "gracht",
  "singel",
  "pad",
  "dijk",
  "hof",
  "park",
  "plantsoen",
  "steeg",
  "wal",
  "markt",
  "erf",
  "baan",
  "veld",
  "hout",
  "polder",
];
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
/** Matches the word with or without a capital first letter ("Buurman" at a sentence start). */
const caseInsensitiveFirst = (word: string) =>
  `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`;

/**
 * Words that are capitalised only because they start a sentence. They must never start a street
 * name ("Op de Glipperweg 12") or count as a first name ("Toen Jan de Vries ...").
 */
const FUNCTION_WORDS = [
  "aan",
  "achter",
  "al",
  "alle",
  "als",
  "altijd",
  "bel",
  "bij",
  "daar",
  "dan",
  "dat",
  "de",
  "deze",
  "die",
  "dit",
  "door",
  "dus",
  "een",
  "elke",
  "en",
  "er",
  "even",
  "ga",
  "geen",
  "gelukkig",
  "gisteren",
  "graag",
  "haar",
  "helaas",
  "het",
  "hier",
  "hij",
  "hoe",
  "hun",
  "ik",
  "in",
  "iedere",
  "je",
  "jij",
  "jouw",
  "kijk",
  "langs",
  "later",
  "maar",
  "met",
  "mijn",
  "misschien",
  "morgen",
  "na",
  "naar",
  "naast",
  "niet",
  "nooit",
  "nu",
  "of",
  "om",
  "ons",
  "onze",
  "ook",
  "op",
  "over",
  "samen",
  "sinds",
  "soms",
  "tegenover",
  "tijdens",
  "toen",
  "tot",
  "tussen",
  "u",
  "uit",
  "uw",
  "vaak",
  "vanaf",
  "vandaag",
  "veel",
  "via",
  "volgende",
  "voor",
  "vorige",
  "vroeger",
  "waar",
  "waarom",
  "wanneer",
  "want",
  "wat",
  "we",
  "welke",
  "wie",
  "wij",
  "woont",
  "zij",
  "zijn",
  "ze",
  "zo",
  "zonder",
];

/** Months and days: capitalised in English habit ("Januari", "Maandag") but never names. */
const CALENDAR_WORDS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
];

/**
 * Places, organisations and other proper nouns that appear in neighbourhood stories but are not
 * people. Small on purpose: it only has to stop the common false positives.
 */
const PLACE_AND_ORG_WORDS = [
  "aldi",
  "allah",
  "amsterdam",
  "bibliotheek",
  "bloemendaal",
  "brabant",
  "brandweer",
  "buurthuis",
  "europa",
  "gemeente",
  "geleen",
  "ggd",
  "god",
  "haarlem",
  "heemstede",
  "hema",
  "holland",
  "huis",
  "jezus",
  "jumbo",
  "kerk",
  "kerst",
  "kerstmis",
  "koning",
  "koningin",
  "kruidvat",
  "lidl",
  "limburg",
  "nederland",
  "oranje",
  "pasen",
  "pinksteren",
  "politie",
  "prins",
  "prinses",
  "rabobank",
  "ramadan",
  "rotterdam",
  "sint",
  "sinterklaas",
  "sittard",
  "stichting",
  "utrecht",
  "vereniging",
  "wij",
  "wijkcentrum",
  "zandvoort",
];
/** Multi-word organisations whose words may each be a normal first name ("Albert"). */
const STOP_PHRASES = ["albert heijn", "den haag"];

const BLOCKED_NAME_WORDS = new Set([...FUNCTION_WORDS, ...CALENDAR_WORDS, ...PLACE_AND_ORG_WORDS]);

/**
 * A compound ending in a street type ("Glipperweg", "Goyenstraat"). A bare "Hout" or "Veld" is
 * not matched: those are common surnames ("van den Hout").
 */
const STREET_COMPOUND_WORD = new RegExp(
  String.raw`^\p{Lu}[\p{L}'’-]+(?:${STREET_SUFFIXES.join("|")})$`,
  "u",
);

/** Word endings of organisations: "Buurthuis de Hoeksteen", "Basisschool de Ark". */
const ORGANISATION_WORD = /(?:school|vereniging|huis|centrum|kerk|club|stichting)$/i;

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

/**
 * local@domain.tld. The lookbehind keeps us from starting in the middle of a longer token; the
 * domain must end in a letters-only TLD, so a trailing full stop is not swallowed.
 */
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@` +
    String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])`,
  "gu",
);

function findEmails(text: string): Span[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: "email",
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** Between digit groups: one space, or a hyphen with optional spaces ("06 - 12345678"). */
const PHONE_SEP = String.raw`(?:[ \u00A0]?-[ \u00A0]?|[ \u00A0])`;

/**
 * A run of digit groups that may be a Dutch phone number. The regex is deliberately loose about
 * grouping; `phoneEnd` then counts digits, because every Dutch number has exactly 10 digits
 * nationally (0 + 9), which is what separates it from years, amounts and dates.
 *
 * - Not glued to a word, a number or a "+" (and not right after "12-" or "12/", i.e. inside a
 *   date or a longer number).
 * - intl: +31 or 0031, optionally followed by the "(0)" people write out of habit.
 * - area: an area code in brackets, "(023) 5123456".
 * - otherwise the run must start with the national 0.
 */
const PHONE_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}+]|\d[-/.])` +
    "(?:" +
    String.raw`(?<intl>(?:\+|00)31${PHONE_SEP}?(?:\(0\)${PHONE_SEP}?)?)` +
    String.raw`|(?<area>\(0[1-9]\d{0,2}\))${PHONE_SEP}?` +
    "|(?=0)" +
    ")" +
    // At most 7 groups: 10 digits in groups of 2+ (the first may be 1 after +31). The cap keeps
    // long runs of digits from being rescanned at every position.
    String.raw`(?<groups>\d+(?:${PHONE_SEP}\d+){0,6})`,
  "gu",
);

/** dd-mm-yyyy (or with / or .): a date, even when followed by a time ("06-05-2026 14"). */
const DATE_START = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/;

/** What may not follow a phone number: more word characters, or a time/decimal ("14:00"). */
const PHONE_BAD_FOLLOWER = /^(?:[\p{L}\p{N}]|[:.,]\d)/u;

/**
 * Returns where the phone number in this run ends, or null when the run is not a phone number.
 * Only the groups up to exactly 10 national digits are taken, so "06 12345678 12 keer" yields
 * "06 12345678".
 */
function phoneEnd(text: string, m: RegExpExecArray): number | null {
  const intl = m.groups?.intl;
  const area = m.groups?.area;
  const groups = m.groups?.groups ?? "";
  const groupsStart = m.index + m[0].length - groups.length;
  let digits = intl ? "0" : area ? area.replace(/\D/g, "") : "";
  let end: number | null = null;
  let index = 0;
  for (const group of groups.matchAll(/\d+/g)) {
    let value = group[0];
    // "+31 06 12345678": the national 0 was written after the country code anyway.
    if (intl && index === 0 && value.startsWith("0")) value = value.slice(1);
    if (index === 0 && !intl && !area && value.length < 5) {
      // A separate first group must be an area code: 06 (mobile) or 0xx/0xxx. This keeps out
      // "05-12-2026" and other short numbers that merely start with 0.
      if (value !== "06" && !/^0[1-9]\d{1,2}$/.test(value)) return null;
    }
    // Phone numbers are written in groups of two or more; "06 1 2 3" is not a number.
    if (index > 0 && value.length < 2) return null;
    digits += value;
    index += 1;
    if (digits.length === 10) {
      end = groupsStart + group.index + group[0].length;
      break;
    }
    if (digits.length > 10) return null;
  }
  if (end === null || !/^0[1-9]\d{8}$/.test(digits)) return null;
  if (DATE_START.test(text.slice(m.index, end))) return null;
  if (PHONE_BAD_FOLLOWER.test(text.slice(end))) return null;
  return end;
}

function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  const re = new RegExp(PHONE_RUN.source, PHONE_RUN.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = phoneEnd(text, m);
    if (end !== null) {
      spans.push({ kind: "phone", start: m.index, end });
      re.lastIndex = end;
    } else {
      // Retry inside the run: "0612 0612345678" still contains a number.
      re.lastIndex = m.index + 1;
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Postcodes
// ---------------------------------------------------------------------------------------------

/**
 * Dutch postcode: 4 digits (never starting with 0), optional space, 2 capitals. SA, SD and SS are
 * never issued. Letters or digits right after ("1234 ABC") mean it is something else.
 */
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}[ \u00A0]?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;

function findPostcodes(text: string): Span[] {
  return [...text.matchAll(POSTCODE)].map((m) => ({
    kind: "postcode",
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** Words after a number that make it a quantity, not a house number: "Glipperweg 3 keer". */
const QUANTITY_UNITS = [
  "%",
  "procent",
  "jaar",
  "jaren",
  "keer",
  "uur",
  "min",
  "minuten",
  "meter",
  "m",
  "km",
  "kilometer",
  "cm",
  "kg",
  "euro",
  "mensen",
  "personen",
  "kinderen",
];

/**
 * House number with what follows it in Dutch addresses: "12", "12a", "12-A", "12 B", "3-5",
 * "12 bis", "12 hs", "12-II". It must not continue as a bigger number, a decimal or a time
 * ("12,5", "12:30"), nor be a quantity ("3 keer", "10 jaar", "5 km").
 */
const HOUSE_NUMBER =
  String.raw`[1-9]\d{0,4}` +
  String.raw`(?:-[1-9]\d{0,4})?` + // range: "3-5"
  String.raw`(?:-?[a-zA-Z](?![\p{L}])|${H}[A-Z](?![\p{L}]))?` + // letter: "12a", "12-A", "12 B"
  String.raw`(?:${H}?-?${H}?(?:bis|hs|hg|rd|zw|bg|I{1,3})(?![\p{L}]))?` + // "bis", "hs", "II"
  String.raw`(?![\p{L}\p{N}]|[.,:]\d)` +
  `(?!${H}*(?:${QUANTITY_UNITS.join("|")})(?![\\p{L}]))`;

/**
 * Capitalised words that may not start a street name: sentence words ("Op", "Bij", "Toen") and
 * relation words ("Buurvrouw Glipperweg 12"). "Dokter" and "Meester" stay allowed: streets are
 * named after them.
 */
const NOT_STREET_LEAD_WORDS = [
  ...FUNCTION_WORDS,
  ...NAME_TRIGGERS.filter((word) => word !== "dokter" && word !== "meester"),
];
const NOT_FUNCTION_WORD = `(?!(?:${NOT_STREET_LEAD_WORDS.map(capitalise).join("|")})(?![\\p{L}]))`;

/**
 * Leading words of a street name: "Jan van" (Jan van Goyenstraat), "Van" (Van Merlenlaan),
 * "Heemsteedse" (Heemsteedse Dreef), "Dr." (Dr. Schaepmanstraat). Particles may only come right
 * before the street word itself, so "De Groot van de Heemsteedse Dreef" does not pull the name
 * "De Groot" into the street.
 */
const STREET_LEAD =
  `(?:${NOT_FUNCTION_WORD}(?:\\p{Lu}\\p{Ll}{0,3}\\.|\\p{Lu}[\\p{L}'’-]*)${H}+){1,3}` +
  `(?:${PARTICLE}${H}+)*`;

/**
 * A street name: a capitalised word ending in a street type ("Glipperweg", "'s-Gravenweg"),
 * optionally after leading words; or a separate capitalised street type after at least one
 * leading word ("Heemsteedse Dreef", "Oude Gracht").
 */
const STREET =
  `(?:(?:${STREET_LEAD})?(?:['’]s-)?\\p{Lu}[\\p{L}'’-]*?(?:${STREET_SUFFIXES.join("|")})` +
  `|${STREET_LEAD}(?:${STREET_SUFFIXES.map(capitalise).join("|")}))(?![\\p{L}])`;

/** Street + house number ("Glipperweg 12a", "Glipperweg nummer 12"). A street alone is public. */
const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])${STREET}${H}+(?:(?:huis)?nummer${H}+|nr\\.?${H}*)?${HOUSE_NUMBER}`,
  "gu",
);

/** Words before "nummer" that make it a bus line, a page or an agenda item, not a house. */
const NOT_HOUSE_WORDS = [
  "lijn",
  "bus",
  "tram",
  "route",
  "pagina",
  "blz\\.",
  "stap",
  "punt",
  "agendapunt",
  "artikel",
  "versie",
  "editie",
  "week",
];

/**
 * A bare house-number reference: "nummer 12", "nr. 12a", "huisnummer 12". The preposition ("op
 * nummer 12") is left out of the span so the sentence still reads: "op [adres]". Not after words
 * that make it a bus line, a page or an agenda item ("lijn nummer 5", "punt nr. 3").
 */
const NUMBER_REFERENCE = new RegExp(
  String.raw`(?<![\p{L}])` +
    `(?<!(?:${NOT_HOUSE_WORDS.map(caseInsensitiveFirst).join("|")})${H}+)` +
    String.raw`(?:[Hh]uisnummer|[Nn]ummer|[Nn]r\.?|[Nn]o\.)${H}*` +
    HOUSE_NUMBER,
  "gu",
);

function findAddresses(text: string): Span[] {
  return [...text.matchAll(STREET_ADDRESS), ...text.matchAll(NUMBER_REFERENCE)].map((m) => ({
    kind: "address",
    start: m.index,
    end: m.index + m[0].length,
  }));
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/**
 * (a) trigger word, then a name. The trigger must be a whole word (so "man" inside "buurman" is
 * not a second trigger) and the name must be capitalised: "mijn man is" does not match.
 */
const NAME_AFTER_TRIGGER = new RegExp(
  String.raw`(?<![\p{L}])` +
    `(?:${NAME_TRIGGERS.map(caseInsensitiveFirst).join("|")}|[Dd]hr\\.?|[Mm]w\\.|[Mm]evr\\.?)` +
    `${H}+(?<name>${NAME_BODY})`,
  "dgu",
);

/** (c) naming phrases: "ik heet Anna", "een man genaamd Klaas", "ik ben Fatima", "mijn naam is". */
const NAME_AFTER_PHRASE = new RegExp(
  String.raw`(?<![\p{L}])` +
    `(?:[Hh]eet|[Gg]enaamd|[Ii]k${H}+ben|[Mm]ijn${H}+naam${H}+is)` +
    `${H}+(?<name>${NAME_BODY})`,
  "dgu",
);

/**
 * (b) a full name anywhere: Capitalised + particle(s) + Capitalised ("Jan de Vries", "Piet van
 * der Berg"), optionally after one more first name ("Anna Maria van Dijk"). The particle is what
 * makes this specific enough to run without a trigger; it is filtered afterwards (`fullName`).
 */
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])` +
    `(?:${NAME_WORD}${H}+)?${NAME_WORD}(?:${H}+${PARTICLE})+${H}+${NAME_WORD}`,
  "gu",
);

interface Word {
  value: string;
  start: number;
  end: number;
}

function wordsOf(text: string, offset: number): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    value: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
}

const isParticle = (word: string) => PARTICLES.includes(word.toLowerCase());
const isInitial = (word: string) => /^(?:\p{Lu}\.)+$/u.test(word);

/** A capitalised word that is a place, organisation, month, day, sentence word or street. */
function isBlockedWord(word: string): boolean {
  return BLOCKED_NAME_WORDS.has(word.toLowerCase()) || STREET_COMPOUND_WORD.test(word);
}

function containsStopPhrase(words: Word[]): boolean {
  const phrase = words.map((w) => w.value.toLowerCase()).join(" ");
  return STOP_PHRASES.some((stop) => phrase.includes(stop));
}

/** A separate capitalised street type right after a word: "Heemsteedse| Dreef". */
const FOLLOWED_BY_STREET_TYPE = new RegExp(
  `^${H}+(?:${STREET_SUFFIXES.map(capitalise).join("|")})(?![\\p{L}])`,
  "u",
);

/**
 * A name found after a trigger, cut off at the first word that cannot be part of a name
 * ("buurvrouw Anna Maandag" → "Anna"), that starts a street ("mevrouw De Groot van de
 * Heemsteedse Dreef" → "De Groot") or that lies in an address found elsewhere. Null when nothing
 * name-like is left.
 */
function triggeredName(text: string, words: Word[], addresses: Span[]): Span | null {
  const kept: Word[] = [];
  for (const word of words) {
    if (!isParticle(word.value) && !isInitial(word.value) && isBlockedWord(word.value)) break;
    if (FOLLOWED_BY_STREET_TYPE.test(text.slice(word.end))) break;
    if (addresses.some((a) => word.end > a.start && word.start < a.end)) break;
    kept.push(word);
  }
  // A name never ends in a particle or consists of particles and initials only.
  while (kept.length > 0 && isParticle(kept[kept.length - 1]!.value)) kept.pop();
  if (!kept.some((w) => !isParticle(w.value) && !isInitial(w.value))) return null;
  if (containsStopPhrase(kept)) return null;
  return { kind: "name", start: kept[0]!.start, end: kept[kept.length - 1]!.end };
}

/**
 * Filters a (b) match. A leading word that is a sentence word or place ("Toen Jan de Vries",
 * "Heemstede Jan de Vries") is dropped; the match is rejected when its first or last name word is
 * not a name ("Op de Markt", "Jan van Goyenstraat") or the first word is an organisation
 * ("Buurthuis de Hoeksteen").
 */
function fullName(text: string, words: Word[], addresses: Span[]): Span | null {
  let rest = words;
  const [first, second] = rest;
  const firstIsNoName =
    first && (isBlockedWord(first.value) || NAME_TRIGGERS.includes(first.value.toLowerCase()));
  if (firstIsNoName && second && !isParticle(second.value)) rest = rest.slice(1);
  const head = rest[0];
  const last = rest[rest.length - 1];
  if (!head || !last) return null;
  if (isBlockedWord(head.value) || ORGANISATION_WORD.test(head.value)) return null;
  if (isBlockedWord(last.value)) return null;
  if (containsStopPhrase(rest)) return null;
  // "Jan van Goyenstraat 12" is an address, not a name followed by a number; "Jan van
  // Heemsteedse Dreef" without a number is a street too.
  if (addresses.some((a) => last.end > a.start && head.start < a.end)) return null;
  if (FOLLOWED_BY_STREET_TYPE.test(text.slice(last.end))) return null;
  return { kind: "name", start: head.start, end: last.end };
}

/** Names are the weakest guess, so they give way to the addresses already found. */
function findNames(text: string, addresses: Span[]): Span[] {
  const spans: Span[] = [];
  for (const re of [NAME_AFTER_TRIGGER, NAME_AFTER_PHRASE]) {
    for (const m of text.matchAll(re)) {
      const [start] = m.indices?.groups?.name ?? [];
      const name = m.groups?.name;
      if (start === undefined || name === undefined) continue;
      const span = triggeredName(text, wordsOf(name, start), addresses);
      if (span) spans.push(span);
    }
  }
  const re = new RegExp(FULL_NAME.source, FULL_NAME.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = fullName(text, wordsOf(m[0], m.index), addresses);
    // After a rejected match, try again from the next position: "Op de Markt zag ik Jan de
    // Vries" must not lose Jan because the first match was "Op de Markt".
    if (span) spans.push(span);
    else re.lastIndex = m.index + 1;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Keeps the longest span where spans overlap (ties: earlier start, then the surer kind). */
function resolveOverlaps(spans: Span[]): Span[] {
  const byPreference = [...spans].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind],
  );
  const kept: Span[] = [];
  for (const span of byPreference) {
    if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Candidates in text order, non-overlapping (longest wins on overlap). */
export function findPiiCandidates(text: string): PiiCandidate[] {
  const addresses = findAddresses(text);
  const spans = [
    ...findEmails(text),
    ...findPhones(text),
    ...findPostcodes(text),
    ...addresses,
    ...findNames(text, addresses),
  ];
  return resolveOverlaps(spans).map(({ kind, start, end }) => ({
    kind,
    start,
    end,
    text: text.slice(start, end),
    replacement: REPLACEMENTS[kind],
  }));
}

/**
 * Applies chosen candidates (by their start offsets) and returns the new text.
 *
 * Candidates must come from `findPiiCandidates` on this exact text. When one does not match the
 * text any more (the story was edited in between) this throws instead of skipping it: silently
 * leaving a name in would publish what the moderator meant to hide. The same candidate chosen
 * twice counts once; different overlapping candidates throw.
 */
export function applyReplacements(text: string, candidates: PiiCandidate[]): string {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = "";
  let cursor = 0;
  let previous: PiiCandidate | undefined;
  for (const candidate of sorted) {
    const { start, end } = candidate;
    if (previous && previous.start === start && previous.end === end) continue;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
      throw new RangeError(`Candidate ${start}-${end} lies outside the text.`);
    }
    if (end <= start || text.slice(start, end) !== candidate.text) {
      throw new Error(`Candidate ${start}-${end} no longer matches the text.`);
    }
    if (start < cursor) throw new Error(`Candidate ${start}-${end} overlaps another candidate.`);
    result += text.slice(cursor, start) + candidate.replacement;
    cursor = end;
    previous = candidate;
  }
  return result + text.slice(cursor);
}
