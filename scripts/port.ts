import net from "node:net";
import { StartupError } from "../app/shared/database/embedded-postgres.server";

/** Fails early, before the database starts, when another program holds the port. */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `Port ${port} is already in use. Stop the other program or start with PORT=<another port> npm start.`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
