import { describe, expect, it } from "vitest";
import {
  CsvSplitter,
  FileRefused,
  decodeText,
  detectDelimiter,
  openCsv,
  splitQuoted,
} from "./csv-reader";

async function* chunks(...parts: (string | Buffer)[]) {
  for (const part of parts) yield part;
}

async function textOf(...parts: Buffer[]): Promise<string> {
  let text = "";
  for await (const piece of decodeText(chunks(...parts))) text += piece;
  return text;
}

async function recordsOf(...parts: (string | Buffer)[]) {
  const csv = await openCsv(chunks(...parts));
  if (!csv) return null;
  const records: { line: number; fields: string[] }[] = [];
  await csv.read((fields, line) => records.push({ line, fields }));
  return { header: csv.header, delimiter: csv.delimiter, records };
}

describe("decodeText", () => {
  it("reads UTF-8 with a BOM, also when a character is cut between chunks", async () => {
    const bytes = Buffer.from("\uFEFFcafé;Súdwest-Fryslân\n", "utf8");
    const cut = bytes.indexOf(0xc3) + 1; // in the middle of "é"
    expect(await textOf(bytes.subarray(0, cut), bytes.subarray(cut))).toBe(
      "café;Súdwest-Fryslân\n",
    );
  });

  it("switches to Latin-1 when the first non-UTF-8 byte comes after plain ASCII", async () => {
    const ascii = Buffer.from("code;naam\nGM0001;Aa\n".repeat(100), "latin1");
    const latin1 = Buffer.from("GM0397;Heemstede café\n", "latin1");
    expect(await textOf(ascii, latin1)).toBe(
      "code;naam\nGM0001;Aa\n".repeat(100) + "GM0397;Heemstede café\n",
    );
  });

  it("reads a Latin-1 character in the very last byte", async () => {
    expect(await textOf(Buffer.from("naam\nRoosendaal é", "latin1"))).toBe("naam\nRoosendaal é");
  });

  it("refuses a file that mixes UTF-8 and Latin-1", async () => {
    await expect(
      textOf(Buffer.from("café\n", "utf8"), Buffer.from("café\n", "latin1")),
    ).rejects.toBeInstanceOf(FileRefused);
  });
});

describe("detectDelimiter", () => {
  it("chooses the separator that occurs most outside quotes", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter('"Bedrijven, totaal";"b";"c"')).toBe(";");
  });

  it("refuses tabs, vertical bars and a single column with a message that says so", () => {
    expect(() => detectDelimiter("a\tb\tc")).toThrow(/tab/);
    expect(() => detectDelimiter("a|b|c")).toThrow(/verticale streep/);
    expect(() => detectDelimiter("area_code")).toThrow(/maar één kolomnaam/);
  });
});

describe("splitQuoted", () => {
  it("handles quotes, doubled quotes, padding and separators inside quotes", () => {
    expect(splitQuoted('"BU03970000  ";"a;b";"zeg ""hoi""";  "x" ;4', ";")).toEqual([
      "BU03970000",
      "a;b",
      'zeg "hoi"',
      "x",
      "4",
    ]);
  });

  it("says when a quoted field is still open", () => {
    expect(splitQuoted('a,"b', ",")).toBeNull();
  });
});

describe("openCsv", () => {
  it("gives the header, trimmed fields and line numbers that count skipped empty lines", async () => {
    const file = await recordsOf("a,b\r\n1, 2 \r\n\r\n3,4\r\n");
    expect(file).toEqual({
      header: ["a", "b"],
      delimiter: ",",
      records: [
        { line: 2, fields: ["1", "2"] },
        { line: 4, fields: ["3", "4"] },
      ],
    });
  });

  it("joins a quoted field over several lines and numbers the record by its first line", async () => {
    const file = await recordsOf('a;b\n1;"twee\nregels"\n3;4');
    expect(file?.records).toEqual([
      { line: 2, fields: ["1", "twee\nregels"] },
      { line: 4, fields: ["3", "4"] },
    ]);
  });

  it("splits lines that are cut between chunks", async () => {
    const file = await recordsOf("a,b\n1,", "2\n3", ",4");
    expect(file?.records.map((r) => r.fields)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("reads old Mac line ends", async () => {
    const file = await recordsOf("a;b\r1;2\r3;4");
    expect(file?.records.map((r) => r.line)).toEqual([2, 3]);
  });

  it("is null for an empty file", async () => {
    expect(await recordsOf("")).toBeNull();
    expect(await recordsOf("  \n\n")).toBeNull();
  });

  it("refuses a quote that is never closed", async () => {
    await expect(recordsOf('a,b\n1,"2\n3,4\n')).rejects.toThrow(/regel 2 wordt niet gesloten/);
  });
});

describe("CsvSplitter", () => {
  it("refuses an endless quoted field instead of holding it in memory", () => {
    const splitter = new CsvSplitter(",");
    const out = () => {};
    splitter.push('a,"b\n', out);
    expect(() => {
      for (let i = 0; i < 2000; i++) splitter.push(`${"x".repeat(1000)}\n`, out);
    }).toThrow(FileRefused);
  });
});
