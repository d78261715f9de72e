import { createReadStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "../../shared/audit.server";
import { dataDir } from "../../shared/database/database-url.server";
import { db } from "../../shared/db.server";
import { WAKE_IMPORT_WORKER, tellPrimary } from "../../shared/process-messages";
import type { Prisma } from "../../generated/prisma/client";
import { importFile, type ImportReport } from "./import-file.server";
import { emptyReport, failedReport } from "./indicator-import.server";

// Uploaded files are imported in the background: the upload request only stores the file and
// queues a job; a worker in the app process takes one job at a time and records progress, so
// the administrator can follow it and the web server stays responsive (decision 0011).

const SUBJECT = "import_job";
/** The progress is written at most this often, so a national file does not flood the table. */
const PROGRESS_INTERVAL_MS = 1000;

export function uploadDir(): string {
  return path.join(dataDir(), "uploads");
}

/** A place for a new upload; the caller streams the file there, then calls enqueueImport. */
export async function newUploadPath(): Promise<string> {
  await mkdir(uploadDir(), { recursive: true });
  return path.join(uploadDir(), `${randomUUID()}.upload`);
}

export async function enqueueImport(input: {
  actorId: string;
  fileName: string;
  storedPath: string;
  sizeBytes: number;
  defaultSource?: string;
  year?: number;
}): Promise<string> {
  const id = await db().$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        fileName: input.fileName,
        storedPath: input.storedPath,
        sizeBytes: BigInt(input.sizeBytes),
        defaultSource: input.defaultSource ?? null,
        year: input.year ?? null,
        createdById: input.actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId: input.actorId,
      action: "import.queued",
      subjectType: SUBJECT,
      subjectId: job.id,
      details: { fileName: input.fileName, sizeBytes: input.sizeBytes },
    });
    return job.id;
  });
  wakeImportWorker();
  return id;
}

/**
 * Takes the oldest queued job (SKIP LOCKED: two app processes never take the same one), imports
 * its file and stores the report. Returns false when there was nothing to do.
 */
export async function runNextImportJob(): Promise<boolean> {
  const claimed = await db().$queryRaw<{ id: string }[]>`
    UPDATE import_job SET status = 'running', started_at = now()
    WHERE id = (
      SELECT id FROM import_job WHERE status = 'queued'
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  const id = claimed[0]?.id;
  if (!id) return false;
  const job = await db().importJob.findUniqueOrThrow({ where: { id } });
  let lastWrite = 0;
  let report: ImportReport;
  try {
    report = await importFile(createReadStream(job.storedPath), {
      fileName: job.fileName,
      defaultSource: job.defaultSource ?? undefined,
      year: job.year ?? undefined,
      onProgress: ({ bytesRead, rowsRead }) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_INTERVAL_MS) return;
        lastWrite = now;
        // Fire and forget: progress is a hint for the page, the report is what counts.
        void db()
          .importJob.update({
            where: { id },
            data: { bytesRead: BigInt(bytesRead), rowsRead },
          })
          .catch(() => {});
      },
    });
  } catch (error) {
    // Unexpected (a bug or the database going away): the import's own transaction rolled back.
    console.error(`Import job ${id} failed:`, error);
    report = failedReport(
      { ...emptyReport(), rowsRead: job.rowsRead },
      "Het inlezen is onverwacht gestopt. Er is niets veranderd. Probeer het later opnieuw.",
    );
  }
  await db().$transaction(async (tx) => {
    await tx.importJob.update({
      where: { id },
      data: {
        status: report.status === "done" ? "done" : "failed",
        finishedAt: new Date(),
        bytesRead: job.sizeBytes,
        rowsRead: report.rowsRead,
        report: report as unknown as Prisma.InputJsonObject,
      },
    });
    await recordAuditEvent(tx, {
      actorId: job.createdById,
      action: report.status === "done" ? "import.done" : "import.failed",
      subjectType: SUBJECT,
      subjectId: id,
      details: {
        inserted: report.inserted,
        updated: report.updated,
        rejected: report.rejectedCount,
      },
    });
  });
  await rm(job.storedPath, { force: true });
  return true;
}

/**
 * Jobs left "running" by a process that stopped cannot be finishing: their transaction was
 * rolled back with the connection. Mark them failed so the page does not wait forever.
 */
export async function failInterruptedImports(): Promise<number> {
  const interrupted = await db().importJob.findMany({ where: { status: "running" } });
  for (const job of interrupted) {
    await db().importJob.update({
      where: { id: job.id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        report: failedReport(
          { ...emptyReport(), rowsRead: job.rowsRead },
          "Het inlezen werd onderbroken doordat de server stopte. Er is niets veranderd. Upload het bestand opnieuw.",
        ) as unknown as Prisma.InputJsonObject,
      },
    });
    await rm(job.storedPath, { force: true });
  }
  return interrupted.length;
}

let running = false;
let wanted = false;
let timer: NodeJS.Timeout | undefined;

/** Runs queued jobs one after another; safe to call often. */
export function wakeImportWorker(): void {
  // In an HTTP worker of `npm start` the primary process runs the imports: tell it.
  if (!timer && tellPrimary(WAKE_IMPORT_WORKER)) return;
  wanted = true;
  if (running || !timer) return;
  running = true;
  void (async () => {
    try {
      while (wanted) {
        wanted = false;
        while (await runNextImportJob()) wanted = false;
      }
    } catch (error) {
      console.error("Import worker:", error);
    } finally {
      running = false;
    }
  })();
}

/**
 * Starts the worker of this process (scripts/start.ts, scripts/dev.ts). It also looks for work
 * every few seconds, for jobs queued by another process.
 */
export async function startImportWorker(): Promise<() => void> {
  await failInterruptedImports();
  timer = setInterval(wakeImportWorker, 5000);
  timer.unref();
  wakeImportWorker();
  // Stopping does not wait for a running import: it may take a minute, and when the process
  // ends its transaction rolls back; the next start marks the job as interrupted.
  return () => {
    clearInterval(timer);
    timer = undefined;
  };
}

export async function listImportJobs(limit = 20) {
  const jobs = await db().importJob.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return jobs.map((job) => ({
    id: job.id,
    fileName: job.fileName,
    sizeBytes: Number(job.sizeBytes),
    bytesRead: Number(job.bytesRead),
    rowsRead: job.rowsRead,
    status: job.status,
    report: job.report as unknown as ImportReport | null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  }));
}
