// A real SMTP server for the end-to-end tests: the app sends mail over SMTP as in production,
// and each message lands as JSON in MAIL_CATCHER_DIR for the tests to read.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { startSmtpCapture } from "./smtp-capture";

const port = Number(process.env.MAIL_CATCHER_PORT ?? 2526);
const dir = path.resolve(process.env.MAIL_CATCHER_DIR ?? ".data/e2e-mail");
await mkdir(dir, { recursive: true });

const capture = await startSmtpCapture(port, async (mail) => {
  const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  // Written beside it and renamed, so a test reading the folder never sees half a mail.
  await writeFile(`${file}.part`, JSON.stringify(mail));
  await rename(`${file}.part`, file);
});
console.log(`Mail catcher listening on ${capture.port}, writing to ${dir}`);
const stop = () => void capture.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
