import { describe, expect, it } from "vitest";
import type { StageNode } from "./run-state";
import { layoutStages } from "./stage-layout";

function node(nodeKey: string, startMs: number, durationMs: number | undefined, dependsOn: string[] = []): StageNode {
  return {
    nodeKey,
    stage: nodeKey,
    dependsOn,
    status: durationMs === undefined ? "running" : "ok",
    startedAt: new Date(startMs).toISOString(),
    durationMs,
    tokens: 0,
    costUsd: 0,
    llmCalls: 0,
    resumed: false,
    calls: [],
    outputs: [],
  };
}

describe("layoutStages", () => {
  const nodes = {
    reflect: node("reflect", 0, 1_000),
    possible_solutions: node("possible_solutions", 990, 2_000, ["reflect"]),
    ai_tests: node("ai_tests", 995, 500, ["reflect"]),
    choose_solution: node("choose_solution", 3_000, 1_000, ["possible_solutions"]),
    fix_ai: node("fix_ai", 4_000, undefined, ["choose_solution", "ai_tests"]),
  };
  const order = Object.keys(nodes);
  const rows = Object.fromEntries(layoutStages(nodes, order, 5_000).map((row) => [row.node.nodeKey, row]));

  it("marks only DAG-independent, time-overlapping nodes as parallel branches", () => {
    expect(rows.possible_solutions.parallelWith).toEqual(["ai_tests"]);
    expect(rows.ai_tests.parallelWith).toEqual(["possible_solutions"]);
    expect(rows.reflect.parallelWith).toEqual([]);
    expect(rows.choose_solution.parallelWith).toEqual([]);
  });

  it("indents by dependency depth and places bars on the run's time axis", () => {
    expect([rows.reflect.depth, rows.ai_tests.depth, rows.choose_solution.depth, rows.fix_ai.depth]).toEqual([0, 1, 2, 3]);
    expect(rows.reflect.offset).toBe(0);
    expect(rows.choose_solution.offset).toBeCloseTo(0.6);
    // A running node's bar reaches "now".
    expect(rows.fix_ai.offset + rows.fix_ai.width).toBeCloseTo(1);
  });
});
