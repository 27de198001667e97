import { describe, expect, it } from "vitest";
import { eventStage, InvalidRunEventError, parseRunEvent, runEventSchema, storedRunEventSchema } from "./events";

describe("run event schemas", () => {
  it("fills defaults so readers can rely on them", () => {
    const started = parseRunEvent({ type: "stage_started", nodeKey: "fix_public#3", stage: "fix_code" });
    expect(started).toEqual({ type: "stage_started", nodeKey: "fix_public#3", stage: "fix_code", dependsOn: [] });
    const finished = parseRunEvent({ type: "stage_finished", nodeKey: "reflect", stage: "reflect", status: "ok", durationMs: 5 });
    expect(finished).toMatchObject({ tokens: 0, costUsd: 0, llmCalls: 0, resumed: false });
  });

  it("accepts a test_results batch with anchors and rejects an unknown verdict", () => {
    const base = {
      type: "test_results",
      versionId: "v2",
      testSet: "ai",
      verdict: "WA",
      passed: 1,
      failed: 1,
      tests: [
        { index: 0, verdict: "AC", timeMs: 3, memoryKb: 9000, isAnchor: true },
        { index: 1, verdict: "WA", timeMs: 4, memoryKb: 9000, stdout: "2\n", expected: "3\n" },
      ],
    };
    const parsed = parseRunEvent(base);
    expect(parsed.type === "test_results" && parsed.tests.map((t) => t.isAnchor)).toEqual([true, false]);
    const bad = { ...base, tests: [{ ...base.tests[0], verdict: "OK" }] };
    expect(() => parseRunEvent(bad)).toThrow(InvalidRunEventError);
    expect(() => parseRunEvent(bad)).toThrow(/test_results.*tests/s);
  });

  it("rejects unknown types, negative counts and a parsed_output without output", () => {
    expect(() => parseRunEvent({ type: "nope" })).toThrow(/"nope"/);
    expect(() => parseRunEvent("token")).toThrow(/\(no type\)/);
    expect(() =>
      parseRunEvent({ type: "llm_call", callId: "c", stage: "reflect", model: "m", usage: { promptTokens: -1, completionTokens: 0 }, costUsd: 0, latencyMs: 0, cacheHit: false, finishReason: null }),
    ).toThrow(/promptTokens/);
    expect(() => parseRunEvent({ type: "parsed_output", nodeKey: "reflect", stage: "reflect" })).toThrow(/output/);
  });

  it("parses a stored event (event + runId, seq, createdAt) and refuses one without seq", () => {
    const event = { type: "decision", outcome: "reverted", reason: "reverted: broke anchor 3", brokenAnchors: [3] };
    const stored = storedRunEventSchema.parse({ ...event, runId: "r", seq: 7, createdAt: "2026-12-02T01:00:00.000Z" });
    expect(stored).toMatchObject({ ...event, seq: 7 });
    expect(storedRunEventSchema.safeParse({ ...event, runId: "r", createdAt: "2026-12-02T01:00:00.000Z" }).success).toBe(false);
  });

  it("names the stage of an event from its stage or its node key", () => {
    expect(eventStage(runEventSchema.parse({ type: "token", nodeKey: "fix_public#2", callId: "c", text: "x" }))).toBe("fix_public");
    expect(eventStage(runEventSchema.parse({ type: "error", message: "m", stage: "reflect" }))).toBe("reflect");
    expect(eventStage(runEventSchema.parse({ type: "error", message: "m" }))).toBeNull();
  });
});
