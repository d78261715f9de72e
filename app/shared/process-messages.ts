// Messages between the primary process of `npm start` and its HTTP worker processes (decision
// 0034). Plain objects over Node's IPC channel: the start script and the server bundle each have
// their own copy of every module, so nothing in memory can be shared, but the channel is the
// process's own.
import cluster from "node:cluster";

export const PAGE_CACHE_CLEARED = "buurtagenda:page-cache-cleared";
export const WAKE_IMPORT_WORKER = "buurtagenda:wake-import-worker";

export type ProcessMessageType = typeof PAGE_CACHE_CLEARED | typeof WAKE_IMPORT_WORKER;

export interface ProcessMessage {
  type: ProcessMessageType;
}

export function isProcessMessage(message: unknown, type: ProcessMessageType): boolean {
  return (
    typeof message === "object" && message !== null && (message as { type?: unknown }).type === type
  );
}

/** Sends `type` to the primary process; false when this is not an HTTP worker of `npm start`. */
export function tellPrimary(type: ProcessMessageType): boolean {
  // A test runner's forked child has an IPC channel too, to its runner: only a cluster worker tells.
  if (!cluster.isWorker || !process.send || !process.connected) return false;
  process.send({ type } satisfies ProcessMessage);
  return true;
}
