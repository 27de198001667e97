import { describe, expect, it } from "vitest";
import { storedRunEventSchema, type RunEventInput, type StoredRunEvent } from "@/lib/runs/events";
import { applyRunEvents, formatSeqRanges, initialRunViewState, latestTestRuns } from "./run-state";

function stored(seq: number, event: RunEventInput): StoredRunEvent {
  return storedRunEventSchema.parse({ ...event, runId: "run1", seq, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString() });
}

const started: RunEventInput = {
  type: "run_started",
  problem: { id: "p1", name: "1548_A" },
  mode: "flow",
  language: "python3",
  model: "mock-model",
  config: {},
};

function tokens(firstSeq: number, count: number, nodeKey = "reflect", callId = "c1"): StoredRunEvent[] {
  return Array.from({ length: count }, (_, i) => stored(firstSeq + i, { type: "token", nodeKey, callId, text: `t${i} ` }));
}

describe("applyRunEvents", () => {
  it("builds stages, calls and totals from a batch", () => {
    const state = applyRunEvents(initialRunViewState(), [
      stored(1, started),
      stored(2, { type: "stage_started", nodeKey: "reflect", stage: "reflect" }),
      stored(3, { type: "reasoning", nodeKey: "reflect", callId: "c1", text: "think " }),
      stored(4, { type: "token", nodeKey: "reflect", callId: "c1", text: "self_reflection:" }),
      stored(5, {
        type: "llm_call",
        callId: "c1",
        nodeKey: "reflect",
        stage: "reflect",
        model: "mock-model",
        usage: { promptTokens: 100, completionTokens: 20 },
        costUsd: 0.01,
        latencyMs: 300,
        cacheHit: false,
        finishReason: "stop",
      }),
      stored(6, { type: "parsed_output", nodeKey: "reflect", stage: "reflect", output: { self_reflection: ["a"] } }),
      stored(7, { type: "stage_finished", nodeKey: "reflect", stage: "reflect", status: "ok", durationMs: 1200 }),
    ]);
    expect(state.status).toBe("running");
    expect(state.order).toEqual(["reflect"]);
    const node = state.nodes.reflect;
    expect(node).toMatchObject({ status: "ok", durationMs: 1200, tokens: 120, llmCalls: 1, costUsd: 0.01 });
    expect(node.calls).toHaveLength(1);
    expect(node.calls[0]).toMatchObject({ text: "self_reflection:", reasoning: "think ", latencyMs: 300 });
    expect(node.outputs).toEqual([{ self_reflection: ["a"] }]);
    expect(state.totals).toMatchObject({ llmCalls: 1, promptTokens: 100, completionTokens: 20 });
    expect(formatSeqRanges(state.seqRanges)).toBe("1-7");
  });

  it("gives the same state whether events come one by one or in one batch", () => {
    const events = [stored(1, started), stored(2, { type: "stage_started", nodeKey: "reflect", stage: "reflect" }), ...tokens(3, 500)];
    const batched = applyRunEvents(initialRunViewState(), events);
    const oneByOne = events.reduce((state, event) => applyRunEvents(state, [event]), initialRunViewState());
    expect(oneByOne).toEqual(batched);
    expect(batched.nodes.reflect.calls[0].text.split(" ").length).toBe(501);
  });

  it("drops replayed seqs after a reconnect and applies each event once", () => {
    const first = applyRunEvents(initialRunViewState(), [stored(1, started), stored(2, { type: "stage_started", nodeKey: "reflect", stage: "reflect" }), ...tokens(3, 10)]);
    const replay = [...tokens(3, 10), ...tokens(13, 5)];
    const next = applyRunEvents(first, replay);
    expect(next.duplicatesDropped).toBe(10);
    expect(next.lastSeq).toBe(17);
    expect(next.nodes.reflect.calls[0].text).toBe(
      Array.from({ length: 10 }, (_, i) => `t${i} `).join("") + Array.from({ length: 5 }, (_, i) => `t${i} `).join(""),
    );
    expect(formatSeqRanges(next.seqRanges)).toBe("1-17");
  });

  it("applies an out-of-order batch in seq order and shows a gap as two ranges", () => {
    const state = applyRunEvents(initialRunViewState(), [stored(4, { type: "stage_started", nodeKey: "reflect", stage: "reflect" }), stored(1, started)]);
    expect(formatSeqRanges(state.seqRanges)).toBe("1,4");
    expect(state.lastSeq).toBe(4);
  });

  it("leaves the previous state untouched (renders can compare by reference)", () => {
    const before = applyRunEvents(initialRunViewState(), [stored(1, started), stored(2, { type: "stage_started", nodeKey: "reflect", stage: "reflect" }), ...tokens(3, 2)]);
    const snapshot = structuredClone(before);
    const after = applyRunEvents(before, tokens(5, 3));
    expect(before).toEqual(snapshot);
    expect(after.nodes.reflect).not.toBe(before.nodes.reflect);
    expect(applyRunEvents(after, [])).toBe(after);
  });

  it("tracks parallel branches, code versions, reverts, tests and the final verdict", () => {
    const version = (seq: number, ordinal: number, reason: string) =>
      stored(seq, { type: "code_version", versionId: `v${ordinal}`, ordinal, stage: "fix_code", reason, language: "python3", code: `print(${ordinal})` });
    const results = (seq: number, versionId: string, testSet: "public" | "ai" | "private", verdict: "AC" | "WA") =>
      stored(seq, {
        type: "test_results",
        versionId,
        testSet,
        verdict,
        passed: verdict === "AC" ? 1 : 0,
        failed: verdict === "AC" ? 0 : 1,
        tests: [{ index: 0, verdict, timeMs: 5, memoryKb: 100, input: "1", expected: "1", stdout: verdict === "AC" ? "1" : "2" }],
      });
    const state = applyRunEvents(initialRunViewState(), [
      stored(1, started),
      stored(2, { type: "stage_started", nodeKey: "possible_solutions", stage: "possible_solutions", dependsOn: ["reflect"] }),
      stored(3, { type: "stage_started", nodeKey: "ai_tests", stage: "ai_tests", dependsOn: ["reflect"] }),
      version(4, 1, "initial code"),
      results(5, "v1", "public", "WA"),
      version(6, 2, "fix for public test 0"),
      results(7, "v2", "public", "AC"),
      version(8, 3, "fix for AI test 4"),
      stored(9, { type: "decision", outcome: "reverted", reason: "reverted: broke anchor 0", versionId: "v3", brokenAnchors: [0] }),
      results(10, "v2", "private", "AC"),
      stored(11, {
        type: "run_finished",
        status: "succeeded",
        solved: true,
        finalVersionId: "v2",
        tests: { hidden: { passed: 1, failed: 0 } },
        totals: { llmCalls: 3, promptTokens: 10, completionTokens: 5, costUsd: 0, wallMs: 900 },
      }),
    ]);
    expect(state.nodes.possible_solutions.dependsOn).toEqual(["reflect"]);
    expect(state.nodes.ai_tests.status).toBe("running");
    expect(state.versions.map((v) => v.status)).toEqual(["kept", "selected", "reverted"]);
    expect(state.versions[2].decisions).toEqual(["reverted: broke anchor 0"]);
    expect(latestTestRuns(state).map((r) => [r.testSet, r.verdict])).toEqual([
      ["public", "AC"],
      ["private", "AC"],
    ]);
    expect(latestTestRuns(state, "v1").map((r) => r.verdict)).toEqual(["WA"]);
    expect(state.status).toBe("succeeded");
    expect(state.finished?.solved).toBe(true);
  });

  it("shows a node it never saw start, and marks a resumed node live again", () => {
    const state = applyRunEvents(initialRunViewState(), [
      stored(1, started),
      ...tokens(2, 1, "initial_code#1", "c9"),
      stored(3, { type: "stage_finished", nodeKey: "initial_code#1", stage: "initial_code", status: "failed", durationMs: 10, error: "boom" }),
      stored(4, { ...started, resumed: true }),
      stored(5, { type: "stage_started", nodeKey: "initial_code#1", stage: "initial_code" }),
    ]);
    expect(state.nodes["initial_code#1"]).toMatchObject({ stage: "initial_code", status: "running", durationMs: undefined });
    expect(state.nodes["initial_code#1"].calls[0].text).toBe("t0 ");
  });
});
