import { describe, expect, it } from "vitest";
import { storedRunEventSchema, type RunEventInput } from "@/lib/runs/events";
import { applyRunEvents, initialRunViewState } from "@/components/run/run-state";
import { compareRun, stageRows, testsMatrix } from "./comparison";

function runOf(id: string, verdicts: { public: ("AC" | "WA")[]; ai: { input: string; verdict: "AC" | "WA" }[] }, extraStage?: string) {
  const events: RunEventInput[] = [
    { type: "run_started", problem: { id: "p", name: "1619_A" }, mode: "flow", language: "python3", model: "m", config: {} },
    { type: "stage_started", nodeKey: "reflect", stage: "reflect" },
    { type: "stage_finished", nodeKey: "reflect", stage: "reflect", status: "ok", durationMs: 100, tokens: 50 },
    ...(extraStage ? [{ type: "stage_started", nodeKey: extraStage, stage: extraStage } as RunEventInput] : []),
    { type: "code_version", versionId: `${id}-v1`, ordinal: 1, stage: "initial_code", reason: "initial code", language: "python3", code: `print("${id}")` },
    {
      type: "test_results",
      versionId: `${id}-v1`,
      testSet: "public",
      verdict: verdicts.public.every((v) => v === "AC") ? "AC" : "WA",
      passed: 0,
      failed: 0,
      tests: verdicts.public.map((verdict, index) => ({ index, verdict, timeMs: 3, memoryKb: 1 })),
    },
    {
      type: "test_results",
      versionId: `${id}-v1`,
      testSet: "ai",
      verdict: "AC",
      passed: 0,
      failed: 0,
      tests: verdicts.ai.map((t, index) => ({ index, verdict: t.verdict, timeMs: 3, memoryKb: 1, input: t.input })),
    },
    { type: "run_finished", status: "succeeded", solved: true, finalVersionId: `${id}-v1`, totals: { llmCalls: 2, promptTokens: 10, completionTokens: 5, costUsd: 0.5, wallMs: 1000 } },
  ];
  const stored = events.map((event, i) => storedRunEventSchema.parse({ ...event, runId: id, seq: i + 1, createdAt: new Date(1_000 * i).toISOString() }));
  return compareRun(id, applyRunEvents(initialRunViewState(), stored), { problem: "?", model: "?", status: "queued", language: "python3" });
}

describe("comparison", () => {
  const a = runOf("a", { public: ["AC", "WA"], ai: [{ input: "1\nz", verdict: "AC" }, { input: "2", verdict: "AC" }] });
  const b = runOf("b", { public: ["AC", "AC"], ai: [{ input: "1\nz\n", verdict: "AC" }] }, "ai_tests");

  it("summarises a run with its final program and totals", () => {
    expect(a).toMatchObject({ problem: "1619_A", solved: true, finalCode: 'print("a")', totals: { llmCalls: 2, tokens: 15, costUsd: 0.5, wallMs: 1000 } });
  });

  it("lines stages up by node key, with gaps where a run has no such node", () => {
    const rows = stageRows([a, b]);
    expect(rows.map((r) => r.nodeKey)).toEqual(["reflect", "ai_tests"]);
    expect(rows[1].cells[0]).toBeNull();
    expect(rows[0].cells.map((c) => c?.durationMs)).toEqual([100, 100]);
  });

  it("matches problem tests by index and AI tests by input, and flags the rows that differ", () => {
    const matrix = testsMatrix([a, b]);
    const byKey = Object.fromEntries(matrix.map((row) => [row.key, row]));
    expect(byKey["public:0"].differs).toBe(false);
    expect(byKey["public:1"].differs).toBe(true);
    expect(byKey["ai:1\nz"].cells.map((c) => c?.verdict)).toEqual(["AC", "AC"]);
    expect(byKey["ai:2"].differs).toBe(true);
    expect(matrix.filter((row) => row.differs).map((row) => row.key)).toEqual(["public:1", "ai:2"]);
  });
});
