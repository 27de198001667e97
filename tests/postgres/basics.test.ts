import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { searchProblems } from "@/lib/problems/search";
import { createProblem } from "@/lib/problems/repository";
import { appendEvent, listEvents } from "@/lib/runs/event-store";
import { createRun, listRuns, subscribe } from "@/lib/runs";
import { spawnAppender } from "../runs/spawn-appender";
import { missingPostgres, tempPostgresDatabase } from "../helpers/postgres";

describe.skipIf(missingPostgres())("Postgres: the same domain code as on SQLite", () => {
  let t: { db: Db; url: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    t = await tempPostgresDatabase();
  });
  afterAll(async () => t?.cleanup());

  it("saves, searches (case-insensitive text, tags) and appends numbered events", async () => {
    const { db } = t;
    const problem = await createProblem(db, {
      name: "PG_A. Sum Of Two",
      description: "Print a+b.",
      tags: ["math", "implementation"],
      publicTests: [{ input: "1 2\n", output: "3\n" }],
    });
    expect((await searchProblems(db, { q: "sum of" })).total).toBe(1);
    expect((await searchProblems(db, { tag: "implementation" })).total).toBe(1);
    expect((await searchProblems(db, { tag: "graphs" })).total).toBe(0);
    const { runId } = await createRun(db, { problemId: problem.id, model: "m", provider: "custom" });
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendEvent(db, runId, { type: "token", nodeKey: "reflect", callId: "c1", text: `t${i}` })));
    const events = await listEvents(db, runId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await listRuns(db, { problem: "pg_a" })).total).toBe(1);
  });
});

describe.skipIf(missingPostgres())("Postgres: events written by another process stream live through LISTEN/NOTIFY", () => {
  let t: { db: Db; url: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    t = await tempPostgresDatabase();
  });
  afterAll(async () => t?.cleanup());

  it("delivers every event once, in order, long before the fallback poll would", async () => {
    const { db } = t;
    const problem = await createProblem(db, { name: "PG_B", description: "x", publicTests: [{ input: "1\n", output: "1\n" }] });
    const { runId } = await createRun(db, { problemId: problem.id, model: "m", provider: "custom" });
    const seen: number[] = [];
    const started = Date.now();
    // A one-minute poll: only the notifications can make this finish in seconds.
    const consumer = (async () => {
      for await (const event of subscribe(db, runId, 0, undefined, { pollMs: 60_000 })) seen.push(event.seq);
    })();
    expect(await spawnAppender(t.url, runId, 40, "other", "sequential-then-finish")).toBe(0);
    await consumer;
    expect(seen).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
