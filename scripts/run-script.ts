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
