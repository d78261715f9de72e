import { importBoundaries } from "../territory/boundary-import.server";
import {
  emptyReport,
  failedReport,
  importIndicatorCsv,
  type ImportKind,
  type ImportReport,
} from "./indicator-import.server";

// The one entry point for an uploaded or command-line file: indicator values in long format,
// CBS Kerncijfers wijken en buurten, or buurt boundaries as GeoJSON. Used by `npm run import`
// and by the admin upload (a background job that stores the report as JSON).

export type { ImportKind, ImportReport };

export interface ImportProgress {
  /** Bytes of the file read so far. */
  bytesRead: number;
  /** Rows read so far (CSV; 0 while a GeoJSON file is read). */
  rowsRead: number;
}

export interface ImportFileOptions {
  /** The name the file had; its extension and any CBS table id in it are used. */
  fileName: string;
  /** Source label for rows without one, or for all values of a Kerncijfers file. */
  defaultSource?: string;
  /** Year of a Kerncijfers file, or of GeoJSON features without a year property. */
  year?: number;
  /** Called now and then while the file is read (at most about 5 times a second). */
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports one file and reports what happened. GeoJSON is recognised by its name (.geojson,
 * .json) or by a `{` at its start; anything else is read as CSV, whose first line tells long
 * format from Kerncijfers. A refused file changes nothing and says why in `error`.
 */
export async function importFile(
  input: AsyncIterable<Buffer | string>,
  options: ImportFileOptions,
): Promise<ImportReport> {
  const iterator = input[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? Buffer.alloc(0) : toBuffer(head.value);
  async function* whole(): AsyncGenerator<Buffer | string> {
    try {
      if (!head.done) yield head.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Stop the source (a file or an upload) when the import stops reading early.
      await iterator.return?.();
    }
  }

  const name = options.fileName.toLowerCase();
  if (/\.(xlsx?|ods|zip)$/.test(name) || first.subarray(0, 4).toString("latin1") === "PK\x03\x04") {
    await iterator.return?.();
    return failedReport(
      emptyReport(),
      "Dit is een Excel- of zip-bestand. Sla de tabel op als CSV (gescheiden door puntkomma's of komma's) en probeer het opnieuw.",
    );
  }
  if (/\.(geo)?json$/.test(name) || firstVisibleByte(first) === "{") {
    const boundaries = await importBoundaries(whole(), {
      year: options.year,
      onProgress: (bytesRead) => options.onProgress?.({ bytesRead, rowsRead: 0 }),
    });
    return {
      kind: "boundaries",
      status: boundaries.status,
      ...(boundaries.error ? { error: boundaries.error } : {}),
      rowsRead: boundaries.featuresRead,
      inserted: 0,
      updated: boundaries.updated,
      unchanged: boundaries.unchanged,
      missing: 0,
      rejectedCount: boundaries.rejectedCount,
      rejected: boundaries.rejected.map(({ feature, reason }) => ({ line: feature, reason })),
    };
  }
  return importIndicatorCsv(whole(), {
    fileName: options.fileName,
    defaultSource: options.defaultSource,
    year: options.year,
    onProgress: options.onProgress,
  });
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

/** The first character that is not white space or a byte-order mark. */
function firstVisibleByte(bytes: Buffer): string {
  const text = bytes
    .subarray(0, 1024)
    .toString("utf8")
    .replace(/^[\s\uFEFF]+/, "");
  return text.charAt(0);
}
