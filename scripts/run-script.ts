import { StartupError } from "../app/shared/database/embedded-postgres.server";

/** Runs a CLI script: one clear line on a known failure, the stack on an unexpected one. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof StartupError || (error instanceof Error && !process.env.DEBUG)) {
      console.error(`Error: ${(error as Error).message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

/**
 * Makes `stop` the only answer to Ctrl-C and SIGTERM. embedded-postgres registers an exit hook at
 * import that stops its clusters and then exits with 143 on its own schedule; it raced our
 * shutdown (HTTP, queue, pool, then PostgreSQL) and could end the process halfway. Our shutdown
 * stops the embedded cluster itself.
 */
export function onStopSignal(stop: () => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, stop);
  }
}
