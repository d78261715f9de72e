// A real SMTP server for the end-to-end tests: the app sends mail over SMTP as in production,
// and each message lands as JSON in MAIL_CATCHER_DIR for the tests to read.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.MAIL_CATCHER_PORT ?? 2526);
const dir = path.resolve(process.env.MAIL_CATCHER_DIR ?? ".data/e2e-mail");
await mkdir(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      void (async () => {
        const parsed = await PostalMime.parse(Buffer.concat(chunks));
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
        await writeFile(
          file,
          JSON.stringify({ to, subject: parsed.subject ?? "", text: parsed.text ?? "" }),
        );
        callback();
      })().catch(callback);
    });
  },
});
server.listen(port, "127.0.0.1", () =>
  console.log(`Mail catcher listening on ${port}, writing to ${dir}`),
);
const stop = () => server.close(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
