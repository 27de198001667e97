import { afterAll, describe, expect, it } from "vitest";
import { RunNotFoundError } from "@/lib/runs/errors";
import { appendEvent, listEvents } from "@/lib/runs/event-store";
import { InvalidRunEventError } from "@/lib/runs/events";
import { tempDatabase } from "../helpers/db";
import { createTestRun, decision, runFinished } from "./fixtures";
import { spawnAppender } from "./spawn-appender";

const t = tempDatabase();
afterAll(() => t.cleanup());

describe("appendEvent", () => {
  it("numbers concurrent appends from two OS processes 1..N with no gap and no duplicate", async () => {
    const runId = await createTestRun(t.db);
    let childDone = false;
    const child = spawnAppender(t.url, runId, 120, "child-").finally(() => (childDone = true));
    let parentCount = 0;
    // Keep appending (in bursts of 5) until the child has finished, so the two processes really overlap.
    while (!childDone || parentCount < 30) {
      await Promise.all(Array.from({ length: 5 }, () => appendEvent(t.db, runId, decision(`parent-${parentCount++}`))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await child).toBe(0);
    const total = parentCount + 120;
    const listed = await listEvents(t.db, runId, 0, 10_000);
    expect(listed.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const owners = listed.map((e) => (e.type === "decision" && e.reason.startsWith("child-") ? "c" : "p"));
    expect(owners.filter((o) => o === "c")).toHaveLength(120);
    expect(owners.join("")).toMatch(/c+p+c+/);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).lastSeq).toBe(total);
  });

  it("rejects an invalid event with a message naming the type and field, and stores nothing", async () => {
    const runId = await createTestRun(t.db);
    const bad = { type: "code_version", versionId: "v1", ordinal: 0, stage: "initial_code", reason: "x", language: "cobol", code: "" };
    await expect(appendEvent(t.db, runId, bad as never)).rejects.toThrow(InvalidRunEventError);
    await expect(appendEvent(t.db, runId, bad as never)).rejects.toThrow(/code_version.*language/s);
    expect(await listEvents(t.db, runId)).toEqual([]);
  });

  it("answers an unknown run with RunNotFoundError", async () => {
    await expect(appendEvent(t.db, "nope", decision("x"))).rejects.toThrow(RunNotFoundError);
  });

  it("projects run_started, llm_call and run_finished onto the Run row", async () => {
    const runId = await createTestRun(t.db);
    await appendEvent(t.db, runId, {
      type: "run_started",
      problem: { id: "p", name: "p" },
      mode: "flow",
      language: "python3",
      model: "m",
      config: {},
    });
    const started = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(started.status).toBe("running");
    expect(started.startedAt).not.toBeNull();
    for (const promptTokens of [100, 50]) {
      await appendEvent(t.db, runId, {
        type: "llm_call",
        callId: `c${promptTokens}`,
        stage: "reflect",
        model: "m",
        usage: { promptTokens, completionTokens: 10, reasoningTokens: 3 },
        costUsd: 0.5,
        latencyMs: 20,
        cacheHit: false,
        finishReason: "stop",
      });
    }
    await appendEvent(t.db, runId, {
      ...runFinished("succeeded"),
      finalCode: "print(1)",
      tests: { public: { passed: 2, failed: 0 }, hidden: { passed: 9, failed: 1 } },
    });
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({
      status: "succeeded",
      llmCalls: 2,
      promptTokens: 150,
      completionTokens: 20,
      reasoningTokens: 6,
      costUsd: 1,
      solved: true,
      finalCode: "print(1)",
      publicPassed: 2,
      hiddenPassed: 9,
      hiddenFailed: 1,
    });
    expect(run.finishedAt).not.toBeNull();
    expect(run.startedAt).toEqual(started.startedAt);
  });

  it("pages listEvents after a seq", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 0; i < 5; i++) await appendEvent(t.db, runId, decision(`d${i}`));
    expect((await listEvents(t.db, runId, 2, 2)).map((e) => e.seq)).toEqual([3, 4]);
  });
});
