import { providerOf, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { RunNotFoundError } from "./errors";
import { eventStage, parseRunEvent, type RunEvent, type RunEventInput, type StoredRunEvent } from "./events";
import { publish } from "./notifier";
import { RUN_EVENTS_CHANNEL } from "./pg-channel";
import { runProjection, stampsFirstStart } from "./run-projection";

/** Appends wait for SQLite's write lock, which another process may hold for a while. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export const DEFAULT_PAGE_SIZE = 500;

/**
 * Validates the event, gives it the run's next seq and stores it, all in one transaction (the `lastSeq`
 * increment takes SQLite's write lock first, so appends from several processes still number 1..N), and only
 * then wakes in-process subscribers.
 */
export async function appendEvent(db: Db, runId: string, input: RunEventInput): Promise<StoredRunEvent> {
  const event = parseRunEvent(input);
  const at = new Date();
  const projection = runProjection(event, at);
  const seq = await db.$transaction(async (tx) => {
    // Raw statements: most events (tokens, stages) need only these two, and Prisma's per-query cost dominates.
    const [run] = await tx.$queryRaw<{ lastSeq: number | bigint; startedAt: unknown }[]>`
      UPDATE "Run" SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ${runId} RETURNING "lastSeq", "startedAt"`;
    if (!run) throw new RunNotFoundError(runId);
    const seq = Number(run.lastSeq);
    // Postgres stores Json as jsonb and does not cast a text parameter to it implicitly.
    const json = providerOf(tx) === "postgresql" ? Prisma.sql`CAST(${JSON.stringify(event)} AS jsonb)` : Prisma.sql`${JSON.stringify(event)}`;
    await tx.$executeRaw`
      INSERT INTO "RunEvent" ("runId", "seq", "type", "stage", "data", "createdAt")
      VALUES (${runId}, ${seq}, ${event.type}, ${eventStage(event)}, ${json}, ${at})`;
    // Delivered on commit to every process LISTENing (a web server on another machine): see pg-listener.ts.
    if (providerOf(tx) === "postgresql") await tx.$executeRaw`SELECT pg_notify(${RUN_EVENTS_CHANNEL}, ${runId})`;
    const firstStart = stampsFirstStart(event) && run.startedAt === null;
    if (firstStart || Object.keys(projection).length > 0) {
      await tx.run.update({ where: { id: runId }, data: { ...projection, ...(firstStart && { startedAt: at }) } });
    }
    return seq;
  }, TRANSACTION_OPTIONS);
  const stored = { ...event, runId, seq, createdAt: at.toISOString() } as StoredRunEvent;
  publish(stored);
  return stored;
}

/** Stored events with seq > afterSeq, in order, at most `limit` of them. */
export async function listEvents(
  db: Db,
  runId: string,
  afterSeq = 0,
  limit = DEFAULT_PAGE_SIZE,
): Promise<StoredRunEvent[]> {
  const rows = await db.runEvent.findMany({
    where: { runId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map(storedFromRow);
}

/** The last stored event of a run, or null for a run with no events yet. */
export async function lastEvent(db: Db, runId: string): Promise<StoredRunEvent | null> {
  const row = await db.runEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" } });
  return row ? storedFromRow(row) : null;
}

/** Rows are not re-validated: they were validated on the way in, and old rows must stay readable. */
function storedFromRow(row: { runId: string; seq: number; data: unknown; createdAt: Date }): StoredRunEvent {
  return { ...(row.data as RunEvent), runId: row.runId, seq: row.seq, createdAt: row.createdAt.toISOString() } as StoredRunEvent;
}
