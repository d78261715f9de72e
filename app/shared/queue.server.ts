import PgBoss from "pg-boss";
import { withAuditOrigin } from "./audit.server";
import type { Db } from "./db.server";
import { backgroundOrigin } from "./env.server";

// Background jobs on a Postgres-backed queue (pg-boss 10; decision 0012). One PgBoss per process,
// created on first use from DATABASE_URL. A command queues its job inside its own Prisma
// transaction, so a rolled-back change leaves no job and a committed one always has its job.
// Jobs are retried with backoff; their handlers are idempotent (notification_log for mail).

/** Every queue of the app. They are created (idempotently) when this process first uses the queue. */
export const QUEUES = {
  storyNotification: "story-notification",
  moderationDigest: "moderation-digest",
  ideaJudged: "idea-judged",
  agendaPublished: "agenda-published",
  agreementStatus: "agreement-status",
  overdueCheck: "overdue-check",
  retention: "retention",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Retries with exponential backoff: 1, 2, 4, 8, 16 and 32 minutes (about an hour in all, enough
 * for a mail server that is down for a while). A handler running longer than 5 minutes has failed.
 */
const QUEUE_OPTIONS: Omit<PgBoss.Queue, "name"> = {
  retryLimit: 6,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
};

/** What a feature gives the worker: the handler of one queue and, optionally, its schedule. */
export interface QueueJob<T extends object = object> {
  queue: QueueName;
  /** pg-boss 10 hands a batch (an array) of jobs; throw to have all of them retried. */
  handle: (jobs: PgBoss.JobWithMetadata<T>[]) => Promise<void>;
  /** Cron expression and time zone, e.g. every morning in Europe/Amsterdam. */
  schedule?: { cron: string; tz: string; data?: object };
}

interface QueueState {
  boss: PgBoss;
  ready: Promise<PgBoss>;
  stopped: boolean;
}

// Kept on globalThis: scripts/start.ts (run by tsx) and the built server bundle each have their
// own copy of this module, but the process must have one PgBoss.
const STATE = Symbol.for("buurtagenda.queue");
const holder = globalThis as { [STATE]?: QueueState };

function createQueueState(): QueueState {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the queue needs the database");
  const boss = new PgBoss({ connectionString, application_name: "buurtagenda-queue", max: 4 });
  // pg-boss reports failed polls and maintenance as events; without a listener they would crash.
  // After stop, its pool's sockets may still be closing when the database shuts down: not news.
  boss.on("error", (error) => {
    if (!state.stopped) console.error("Queue:", error);
  });
  const ready = (async () => {
    // On a fresh database this creates the pgboss schema (under pg-boss's own advisory lock).
    await boss.start();
    for (const name of Object.values(QUEUES))
      await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
    return boss;
  })();
  const state: QueueState = { boss, ready, stopped: false };
  // A failed start (database not reachable) is not remembered: the next use tries again.
  ready.catch(() => {
    if (holder[STATE] === state) holder[STATE] = undefined;
  });
  return state;
}

/** The started queue of this process. */
export function queue(): Promise<PgBoss> {
  holder[STATE] ??= createQueueState();
  return holder[STATE].ready;
}

/** pg-boss's custom executor over a Prisma transaction: its SQL runs on the caller's connection. */
function transactionExecutor(tx: Pick<Db, "$queryRawUnsafe">): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])),
    }),
  };
}

/**
 * Queues a job inside the caller's Prisma interactive transaction: it exists exactly when the
 * transaction commits. Throws (and so rolls the transaction back) when the job was not written.
 */
export async function enqueueInTransaction(
  tx: Pick<Db, "$queryRawUnsafe">,
  name: QueueName,
  data: object,
  options: Omit<PgBoss.SendOptions, "db"> = {},
): Promise<string> {
  const boss = await queue();
  const id = await boss.send(name, data, { ...options, db: transactionExecutor(tx) });
  if (!id) throw new Error(`The job for queue ${name} was not written`);
  return id;
}

/** Stops this process's queue: workers finish their job (at most `timeoutMs`), the pool closes. */
export async function stopQueue(timeoutMs = 10_000): Promise<void> {
  const state = holder[STATE];
  if (!state) return;
  holder[STATE] = undefined;
  const boss = await state.ready.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true });
  state.stopped = true;
}

/**
 * The job modules, loaded by the worker only: they queue their own jobs through this module, so a
 * static import here would be an import cycle.
 */
async function loadJobs(): Promise<QueueJob[]> {
  const modules = await Promise.all([
    import("../features/stories/notifications.server").then((m) => m.storyJobs),
    import("../features/ideas/idea-notifications.server").then((m) => m.ideaJobs),
    import("../features/document/followers.server").then((m) => m.documentJobs),
    import("../features/progress/progress-notifications.server").then((m) => m.progressJobs),
    import("../features/auth/retention.server").then((m) => m.retentionJobs),
  ]);
  return modules.flat();
}

/**
 * Registers every job handler and schedule on this process's queue (`npm start`, `npm run dev`,
 * `npm run worker`). Returns a function that stops the queue of this process.
 */
export async function startQueueWorker(
  options: { pollingIntervalSeconds?: number } = {},
): Promise<() => Promise<void>> {
  // Mail links need the public origin; in production a missing APP_URL stops the start here
  // rather than failing every job later.
  backgroundOrigin();
  const jobs = await loadJobs();
  const boss = await queue();
  for (const job of jobs) {
    await boss.work<object>(
      job.queue,
      {
        includeMetadata: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      async (batch) => {
        try {
          await withAuditOrigin({ origin: "job" }, () => job.handle(batch));
        } catch (error) {
          // pg-boss stores the error on the job and retries it; the log shows it too.
          console.error(
            `Queue ${job.queue}: job ${batch.map((j) => j.id).join(", ")} failed`,
            error,
          );
          throw error;
        }
      },
    );
    if (job.schedule) {
      await boss.schedule(job.queue, job.schedule.cron, job.schedule.data ?? {}, {
        tz: job.schedule.tz,
      });
    }
  }
  return () => stopQueue();
}

/**
 * Whether `npm start` / `npm run dev` run the queue worker in their own process: yes, unless
 * QUEUE_WORKER=off (a deployment that runs `npm run worker` apart). Jobs are queued either way.
 */
export function queueWorkerInAppProcess(): boolean {
  const value = process.env.QUEUE_WORKER ?? "on";
  if (value !== "on" && value !== "off") {
    throw new Error(`QUEUE_WORKER must be "on" or "off", not "${value}".`);
  }
  return value === "on";
}
