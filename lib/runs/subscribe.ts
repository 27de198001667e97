import { providerOf, type Db } from "@/lib/db/client";
import { RunNotFoundError } from "./errors";
import { DEFAULT_PAGE_SIZE, listEvents } from "./event-store";
import { isTerminalEvent, type StoredRunEvent } from "./events";
import { listen } from "./notifier";
import { listenForRunEvents } from "./pg-listener";

export type SubscribeOptions = {
  /**
   * How often the database is read when no wake-up came. Events stored by other processes wake the loop through
   * Postgres LISTEN/NOTIFY; on SQLite (one machine) they are picked up by this poll.
   */
  pollMs?: number;
  pageSize?: number;
};

/**
 * The events of a run after `afterSeq`: the stored ones first, then live ones, each exactly once and in seq
 * order. The database is the source of truth; an in-process publish only wakes the loop early (and is used
 * directly when it is exactly the next seq). Ends after the terminal event, or when `signal` aborts.
 */
export async function* subscribe(
  db: Db,
  runId: string,
  afterSeq = 0,
  signal?: AbortSignal,
  options: SubscribeOptions = {},
): AsyncGenerator<StoredRunEvent, void, undefined> {
  const pollMs = options.pollMs ?? 250;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) throw new RunNotFoundError(runId);

  let last = afterSeq;
  const pushed: StoredRunEvent[] = [];
  let wake: (() => void) | null = null;
  let woken = false;
  const unlisten = listen(runId, (event) => {
    if (event) pushed.push(event);
    else woken = true;
    wake?.();
  });
  if (providerOf(db) === "postgresql") await listenForRunEvents(db);
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);

  try {
    while (!signal?.aborted) {
      const direct = takeContiguous(pushed, last);
      const fromDatabase = direct.length === 0 || pushed.length > 0 || woken;
      woken = false;
      const batch = fromDatabase ? await listEvents(db, runId, last, pageSize) : direct;
      for (const event of batch) {
        if (event.seq <= last) continue;
        yield event;
        last = event.seq;
        if (signal?.aborted) return;
      }
      const finished = batch.length > 0 && isTerminalEvent(batch[batch.length - 1]);
      // A resumed run appends after its old terminal event, so the stream ends only at the newest one.
      if (finished && (await listEvents(db, runId, last, 1)).length === 0) return;
      if (finished || (fromDatabase && batch.length === pageSize)) continue;
      await new Promise<void>((resolve) => {
        if (pushed.length > 0 || woken || signal?.aborted) return resolve();
        const timer = setTimeout(done, pollMs);
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    unlisten();
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Removes already-seen events from `pushed` and returns the run of events that directly follows `last`. */
function takeContiguous(pushed: StoredRunEvent[], last: number): StoredRunEvent[] {
  pushed.sort((a, b) => a.seq - b.seq);
  const taken: StoredRunEvent[] = [];
  let expected = last + 1;
  while (pushed.length > 0 && pushed[0].seq < expected) pushed.shift();
  while (pushed.length > 0 && pushed[0].seq === expected) {
    taken.push(pushed.shift()!);
    expected += 1;
  }
  return taken;
}
