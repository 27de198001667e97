import { afterAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/tests/helpers/db";
import { createTestRun } from "@/tests/runs/fixtures";
import { listEvents } from "./event-store";
import { createEventWriter } from "./event-writer";

const t = tempDatabase();
afterAll(() => t.cleanup());

const token = (text: string, callId = "c1", nodeKey = "reflect") => ({ type: "token" as const, nodeKey, callId, text });

describe("createEventWriter", () => {
  it("merges consecutive deltas of one call and keeps their order relative to other events", async () => {
    const runId = await createTestRun(t.db);
    const writer = createEventWriter(t.db, runId, { windowMs: 1_000 });
    writer.emit({ type: "stage_started", nodeKey: "reflect", stage: "reflect" });
    for (const text of ["a", "b", "c"]) void writer.emit(token(text));
    void writer.emit({ type: "reasoning", nodeKey: "reflect", callId: "c1", text: "why" });
    void writer.emit(token("d"));
    void writer.emit(token("x", "c2"));
    void writer.emit(token("y", "c2"));
    writer.emit({ type: "stage_finished", nodeKey: "reflect", stage: "reflect", status: "ok", durationMs: 1 });
    await writer.flush();
    const events = await listEvents(t.db, runId);
    expect(events.map((e) => [e.seq, e.type, "text" in e ? e.text : ""])).toEqual([
      [1, "stage_started", ""],
      [2, "token", "abc"],
      [3, "reasoning", "why"],
      [4, "token", "d"],
      [5, "token", "xy"],
      [6, "stage_finished", ""],
    ]);
  });

  it("stores a pending delta once its window passes, without a flush", async () => {
    const runId = await createTestRun(t.db);
    const writer = createEventWriter(t.db, runId, { windowMs: 20 });
    const stored = writer.emit(token("one "));
    void writer.emit(token("two"));
    const merged = await stored;
    expect(merged.type === "token" && merged.text).toBe("one two");
    expect(await listEvents(t.db, runId)).toHaveLength(1);
  });

  it("turns 20,000 deltas into a few hundred rows or fewer, with the text intact", async () => {
    const runId = await createTestRun(t.db);
    const writer = createEventWriter(t.db, runId, { windowMs: 30 });
    const pieces = Array.from({ length: 20_000 }, (_, i) => `t${i} `);
    for (let i = 0; i < pieces.length; i++) {
      void writer.emit(token(pieces[i]));
      if (i % 1000 === 999) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await writer.flush();
    const events = await listEvents(t.db, runId, 0, 100_000);
    expect(events.length).toBeLessThan(300);
    expect(events.map((e) => ("text" in e ? e.text : "")).join("")).toBe(pieces.join(""));
  });

  it("throws synchronously on an invalid event and reports storage failures from flush()", async () => {
    const runId = await createTestRun(t.db);
    const writer = createEventWriter(t.db, runId);
    expect(() => writer.emit({ type: "token", nodeKey: "", callId: "c", text: "x" })).toThrow(/nodeKey/);
    const orphan = createEventWriter(t.db, "no-such-run");
    void orphan.emit({ type: "decision", outcome: "kept", reason: "r" });
    await expect(orphan.flush()).rejects.toThrow(/run not found/);
    await expect(orphan.flush()).resolves.toBeUndefined();
  });
});
