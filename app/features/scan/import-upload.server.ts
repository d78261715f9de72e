import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import {
  MaxFileSizeExceededError,
  parseFormData,
  type FileUpload,
} from "@remix-run/form-data-parser";
import { newUploadPath } from "./import-jobs.server";

// Receives the upload form: the file goes straight to disk as it arrives (a national file never
// sits in memory), the other fields come back as text.

export interface ReceivedUpload {
  fields: FormData | null;
  file: { path: string; name: string; size: number } | null;
  tooLarge: boolean;
}

export async function receiveUpload(
  request: Request,
  fileField: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  let stored: { path: string; name: string } | null = null;
  const handler = async (upload: FileUpload) => {
    // One file, from the one file field; a second file or another field is ignored.
    if (upload.fieldName !== fileField || !upload.name || stored) return null;
    const target = await newUploadPath();
    stored = { path: target, name: upload.name };
    await pipeline(Readable.fromWeb(upload.stream() as NodeWebStream), createWriteStream(target));
    return null;
  };
  try {
    const fields = await parseFormData(request, { maxFileSize: maxBytes, maxFiles: 1 }, handler);
    const file = stored as { path: string; name: string } | null;
    return {
      fields,
      file: file && { ...file, size: (await stat(file.path)).size },
      tooLarge: false,
    };
  } catch (error) {
    const file = stored as { path: string } | null;
    if (file) await rm(file.path, { force: true });
    if (error instanceof MaxFileSizeExceededError)
      return { fields: null, file: null, tooLarge: true };
    throw error;
  }
}

export async function discardUpload(upload: ReceivedUpload): Promise<void> {
  if (upload.file) await rm(upload.file.path, { force: true });
}
