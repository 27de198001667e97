import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { RunNotFoundError } from "@/lib/runs/errors";
import { appendEvent } from "@/lib/runs/event-store";
import type { StoredRunEvent } from "@/lib/runs/events";
import { listenerCount } from "@/lib/runs/notifier";
import { subscribe } from "@/lib/runs/subscribe";
import { tempDatabase } from "../helpers/db";
import { createTestRun, decision, runFinished } from "./fixtures";
import { spawnAppender } from "./spawn-appender";

const t = tempDatabase();
afterAll(() => t.cleanup());

async function collect(events: AsyncIterable<StoredRunEvent>, into: StoredRunEvent[]): Promise<void> {
  for await (const event of events) into.push(event);
}

const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("subscribe", () => {
  it("replays stored events after afterSeq, then yields live ones, and ends after run_finished", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 1; i <= 5; i++) await appendEvent(t.db, runId, decision(`stored ${i}`));
    const seen: StoredRunEvent[] = [];
    const done = collect(subscribe(t.db, runId, 2), seen);
    await until(() => seen.length === 3);
    expect(seen.map((e) => e.seq)).toEqual([3, 4, 5]);
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendEvent(t.db, runId, decision(`live ${i}`))));
    await appendEvent(t.db, runId, runFinished());
    await done;
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 3));
    expect(seen.at(-1)?.type).toBe("run_finished");
    expect(listenerCount(runId)).toBe(0);
  });

  it("receives events another client in this process writes", async () => {
    const runId = await createTestRun(t.db);
    const other = createDb(t.url);
    try {
      const seen: StoredRunEvent[] = [];
      const done = collect(subscribe(t.db, runId, 0, undefined, { pollMs: 50 }), seen);
      for (let i = 0; i < 10; i++) await appendEvent(other, runId, decision(`other ${i}`));
      await appendEvent(other, runId, runFinished());
      await done;
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    } finally {
      await other.$disconnect();
    }
  });

  it("receives events another OS process writes, through polling alone", async () => {
    const runId = await createTestRun(t.db);
    const seen: StoredRunEvent[] = [];
    const done = collect(subscribe(t.db, runId, 0, undefined, { pollMs: 50 }), seen);
    expect(await spawnAppender(t.url, runId, 30, "remote-", "sequential-then-finish")).toBe(0);
    await done;
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(seen.at(-1)?.type).toBe("run_finished");
  });

  it("ends when the signal aborts, even while waiting for events", async () => {
    const runId = await createTestRun(t.db);
    await appendEvent(t.db, runId, decision("one"));
    const controller = new AbortController();
    const seen: StoredRunEvent[] = [];
    const done = collect(subscribe(t.db, runId, 0, controller.signal, { pollMs: 10_000 }), seen);
    await until(() => seen.length === 1);
    const abortedAt = Date.now();
    controller.abort();
    await done;
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    expect(listenerCount(runId)).toBe(0);
  });

  it("continues past an old run_finished when the run was resumed", async () => {
    const runId = await createTestRun(t.db);
    await appendEvent(t.db, runId, runFinished("failed"));
    await appendEvent(t.db, runId, decision("after resume"));
    await appendEvent(t.db, runId, runFinished("succeeded"));
    const seen: StoredRunEvent[] = [];
    await collect(subscribe(t.db, runId, 0), seen);
    expect(seen.map((e) => e.type)).toEqual(["run_finished", "decision", "run_finished"]);
  });

  it("throws RunNotFoundError for an unknown run", async () => {
    await expect(collect(subscribe(t.db, "missing", 0), [])).rejects.toThrow(RunNotFoundError);
  });
});
