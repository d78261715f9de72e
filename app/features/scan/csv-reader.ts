import { isUtf8 } from "node:buffer";

// A small streaming CSV reader for the indicator import (decision 0010). csv-parse was the
// bottleneck on a national file (1.7 M rows), so lines are split by hand: a line without a quote
// is split with String.split, a line with quotes goes through an RFC 4180 field parser, which
// also joins quoted fields that run over several lines. Memory stays flat: only the current
// chunk and at most one unfinished record are held.

/** The file cannot be read as a whole; the message is plain Dutch and names what to change. */
export class FileRefused extends Error {}

export type Delimiter = ";" | ",";

/**
 * Called for each record with its trimmed fields and the line in the file where it starts
 * (the header is line 1). The fields array is the caller's to keep or drop.
 */
export type RecordHandler = (fields: string[], line: number) => void;

export interface CsvFile {
  header: string[];
  delimiter: Delimiter;
  /**
   * Reads the records after the header. afterChunk runs after the records of each chunk read,
   * which is where a caller waits for its own output (backpressure). Records are handed over
   * one by one rather than in arrays: objects that live across such a wait survive young-
   * generation GCs, and at 1.7 M rows that grew the heap by 100+ MB.
   */
  read(onRecord: RecordHandler, afterChunk?: () => Promise<void>): Promise<void>;
}

/** A quoted field that runs over more lines than this is a stray quote, not a real field. */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * UTF-8 (with or without BOM) or Latin-1. A file starts as UTF-8; when bytes turn up that are
 * not UTF-8 while everything before was plain ASCII, the rest is read as Latin-1, which gives
 * the same text for the ASCII part. A file that mixes both cannot be read correctly.
 */
export async function* decodeText(
  input: AsyncIterable<Buffer | string>,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  let latin1 = false;
  let sawNonAscii = false;
  let carry: Buffer | null = null;
  let first = true;
  const emit = (text: string) => {
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  for await (const chunk of input) {
    if (typeof chunk === "string") {
      onBytes?.(Buffer.byteLength(chunk));
      const text = emit(chunk);
      if (text) yield text;
      continue;
    }
    onBytes?.(chunk.length);
    let bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    if (!latin1) {
      // A character may be cut off at the end of the chunk: keep its first bytes for the next.
      const cut = incompleteTail(bytes);
      if (cut < bytes.length) {
        carry = Buffer.from(bytes.subarray(cut));
        bytes = bytes.subarray(0, cut);
      }
      if (!isUtf8(bytes)) {
        if (sawNonAscii) throw mixedEncoding();
        latin1 = true;
        if (carry) {
          bytes = Buffer.concat([bytes, carry]);
          carry = null;
        }
      }
    }
    const text = emit(bytes.toString(latin1 ? "latin1" : "utf8"));
    if (!latin1 && !sawNonAscii) sawNonAscii = /[\u0080-\uffff]/.test(text);
    if (text) yield text;
  }
  if (carry) {
    // The file ends in the middle of a UTF-8 character: those bytes were Latin-1 after all.
    if (sawNonAscii) throw mixedEncoding();
    const text = emit(carry.toString("latin1"));
    if (text) yield text;
  }
}

function mixedEncoding(): FileRefused {
  return new FileRefused(
    "De tekens in het bestand zijn niet goed te lezen: het mengt twee tekencoderingen. Sla het bestand op als UTF-8 en probeer het opnieuw.",
  );
}

/** Where an unfinished UTF-8 character at the end of bytes starts (bytes.length when none). */
function incompleteTail(bytes: Buffer): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    const byte = bytes[i]!;
    if (byte < 0x80) return end;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return end - i < size ? i : end;
    }
  }
  return end;
}

/**
 * The separator of a file from its first line: `;` or `,`, whichever occurs more often outside
 * quotes. A tab or `|` is refused with a message saying so, instead of rejecting every row later.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0, "|": 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char]!++;
  }
  const best = Math.max(counts[";"]!, counts[","]!);
  for (const [char, name] of [
    ["\t", "een tab"],
    ["|", "een verticale streep (|)"],
  ] as const) {
    if (counts[char]! > best) {
      throw new FileRefused(
        `De kolommen worden gescheiden door ${name}. Gebruik een puntkomma (;) of een komma (,) als scheidingsteken.`,
      );
    }
  }
  if (best === 0) {
    throw new FileRefused(
      "Op de eerste regel staat maar één kolomnaam. Zet de kolomnamen op de eerste regel, gescheiden door een puntkomma (;) of een komma (,).",
    );
  }
  return counts[";"]! > counts[","]! ? ";" : ",";
}

/** Splits one line that holds quotes; null when a quoted field is still open at its end. */
export function splitQuoted(text: string, delimiter: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const length = text.length;
  for (;;) {
    // Whitespace before an opening quote belongs to the padding, not to the field.
    let start = i;
    while (start < length && (text[start] === " " || text[start] === "\t")) start++;
    if (text[start] === '"') {
      let value = "";
      let j = start + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) return null;
        value += text.slice(j, close);
        if (text[close + 1] === '"') {
          value += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator is kept as it stands.
      const next = text.indexOf(delimiter, j);
      const end = next === -1 ? length : next;
      fields.push((value + text.slice(j, end)).trim());
      if (next === -1) return fields;
      i = next + 1;
    } else {
      const next = text.indexOf(delimiter, i);
      const end = next === -1 ? length : next;
      fields.push(text.slice(i, end).trim());
      if (next === -1) return fields;
      i = next + 1;
    }
  }
}

function splitPlain(text: string, delimiter: string): string[] {
  const fields = text.split(delimiter);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    // trim() only when needed: most fields of a machine-written file have no padding.
    const last = field.length - 1;
    if (last >= 0 && (field.charCodeAt(0) <= 32 || field.charCodeAt(last) <= 32))
      fields[i] = field.trim();
  }
  return fields;
}

/** Splits decoded text into records, line by line, holding only the unfinished tail. */
export class CsvSplitter {
  private rest = "";
  private pending: { line: number; text: string } | null = null;
  private lineNumber = 0;

  constructor(
    private readonly delimiter: string,
    private readonly newline: "\n" | "\r" = "\n",
  ) {}

  push(text: string, out: RecordHandler): void {
    const buffer = this.rest ? this.rest + text : text;
    let start = 0;
    for (;;) {
      const end = buffer.indexOf(this.newline, start);
      if (end === -1) break;
      this.line(buffer.slice(start, end), out);
      start = end + 1;
    }
    this.rest = buffer.slice(start);
    if (this.rest.length > MAX_RECORD_CHARS) throw this.tooLong(this.lineNumber + 1);
  }

  end(out: RecordHandler): void {
    if (this.rest) this.line(this.rest, out);
    this.rest = "";
    if (this.pending) {
      throw new FileRefused(
        `Het bestand is geen leesbaar CSV-bestand: het aanhalingsteken (") op regel ${this.pending.line} wordt niet gesloten.`,
      );
    }
  }

  private line(raw: string, out: RecordHandler): void {
    this.lineNumber++;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (this.pending) {
      // Inside a quoted field that runs over lines: the line break is part of the field.
      this.pending.text += "\n" + text;
      if (this.pending.text.length > MAX_RECORD_CHARS) throw this.tooLong(this.pending.line);
      // The open field can only close on a line with a quote; skip re-reading the rest.
      if (text.indexOf('"') === -1) return;
      const fields = splitQuoted(this.pending.text, this.delimiter);
      if (fields) {
        const { line } = this.pending;
        this.pending = null;
        out(fields, line);
      }
      return;
    }
    if (text.indexOf('"') === -1) {
      if (text.trim() === "") return;
      out(splitPlain(text, this.delimiter), this.lineNumber);
      return;
    }
    const fields = splitQuoted(text, this.delimiter);
    if (fields) out(fields, this.lineNumber);
    else this.pending = { line: this.lineNumber, text };
  }

  private tooLong(line: number): FileRefused {
    return new FileRefused(
      `Het bestand is geen leesbaar CSV-bestand: regel ${line} is te lang. Staat er ergens een aanhalingsteken (") dat niet wordt gesloten?`,
    );
  }
}

/**
 * Opens a CSV stream: reads up to the end of the first line to learn the separator and the
 * column names, then hands out the remaining records. Null for an empty file.
 */
export async function openCsv(
  input: AsyncIterable<Buffer | string>,
  onBytes?: (bytes: number) => void,
): Promise<CsvFile | null> {
  const chunks = decodeText(input, onBytes);
  const head: string[] = [];
  let seen = "";
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value;
    if (/[\r\n]/.test(seen.trimStart()) || seen.length > MAX_RECORD_CHARS) break;
  }
  const text = seen.trimStart();
  if (!text.trim()) return null;
  // Old Mac files end lines with \r alone; everything else uses \n (with or without \r).
  const firstBreak = text.search(/[\r\n]/);
  const newline =
    firstBreak !== -1 && text[firstBreak] === "\r" && text[firstBreak + 1] !== "\n" ? "\r" : "\n";
  const headerLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const delimiter = detectDelimiter(headerLine);
  const splitter = new CsvSplitter(delimiter, newline);

  // The records in the chunks read so far: the header and a few more, kept until read().
  const first: { fields: string[]; line: number }[] = [];
  const collect: RecordHandler = (fields, line) => first.push({ fields, line });
  for (const piece of head) splitter.push(piece, collect);
  // A file of one line without a line break at its end.
  if (first.length === 0) splitter.end(collect);
  const header = first.shift()?.fields;
  if (!header) return null;
  return {
    header,
    delimiter,
    async read(onRecord, afterChunk) {
      for (const { fields, line } of first.splice(0)) onRecord(fields, line);
      await afterChunk?.();
      for await (const text of chunks) {
        splitter.push(text, onRecord);
        await afterChunk?.();
      }
      splitter.end(onRecord);
      await afterChunk?.();
    },
  };
}
