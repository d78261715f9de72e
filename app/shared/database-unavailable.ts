// Recognising "the database is not there right now" (restarting, failing over, network gone),
// as opposed to a bug: a form can then keep what the person typed and say so, instead of the
// error page. Seen from pg, Prisma's pg adapter and PostgreSQL itself (SQLSTATE class 57, 08).

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);
const MESSAGES =
  /ECONNREFUSED|Connection terminated|server closed the connection|terminating connection|the database system is (shutting down|starting up)|Can't reach database server|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && !seen.has(current);) {
    seen.add(current);
    if (typeof current !== "object") return typeof current === "string" && MESSAGES.test(current);
    const { code, message, cause, originalCode, kind } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      kind?: unknown;
    };
    for (const value of [code, originalCode]) {
      if (typeof value !== "string") continue;
      if (NETWORK_CODES.has(value) || /^(57P0[1-3]|08\d{3})$/.test(value)) return true;
      if (value === "P1001" || value === "P1017") return true;
    }
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed") return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/** An action's answer "nothing was saved, the database is away": the page keeps what it shows. */
export function isUnavailableResult(result: unknown): boolean {
  return typeof result === "object" && result !== null && "unavailable" in result;
}
