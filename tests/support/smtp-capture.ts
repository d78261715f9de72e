import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

/** A real SMTP server on loopback that hands every message it receives to `onMail`. */
export function startSmtpCapture(
  port: number,
  onMail: (mail: CapturedMail) => Promise<void> | void,
): Promise<{ port: number; close(): Promise<void> }> {
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
          await onMail({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers: Object.fromEntries(parsed.headers.map((h) => [h.key, h.value])),
          });
          callback();
        })().catch(callback);
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Collects mail in memory, for integration tests in one process. */
export async function startMailbox() {
  const received: CapturedMail[] = [];
  const capture = await startSmtpCapture(0, (mail) => {
    received.push(mail);
  });
  return {
    url: `smtp://127.0.0.1:${capture.port}`,
    received,
    /** The newest mail to `address` whose text matches, waiting briefly for delivery. */
    async waitFor(address: string, matching: RegExp): Promise<CapturedMail> {
      for (let i = 0; i < 100; i++) {
        const mail = received.findLast((m) => m.to.includes(address) && matching.test(m.text));
        if (mail) return mail;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`No mail to ${address} matching ${matching}`);
    },
    close: capture.close,
  };
}
