import type { TestSet, Verdict } from "@/lib/runs/events";
import { latestTestRuns, type RunViewState, type TestRunView } from "@/components/run/run-state";

/** One run reduced to what the compare page shows: per-stage numbers and outputs, final tests, final program. */
export type ComparedRun = {
  id: string;
  problem: string;
  model: string;
  status: string;
  solved: boolean | null;
  totals: { llmCalls: number; tokens: number; costUsd: number; wallMs: number | null };
  stages: { nodeKey: string; stage: string; label?: string; status: string; durationMs: number | null; tokens: number; costUsd: number; llmCalls: number; output: unknown }[];
  tests: TestRunView[];
  finalCode: string | null;
  language: string;
};

export function compareRun(id: string, state: RunViewState, fallback: { problem: string; model: string; status: string; language: string }): ComparedRun {
  const finalVersionId = state.finished?.finalVersionId;
  const finalVersion = state.versions.find((v) => v.versionId === finalVersionId) ?? state.versions.find((v) => v.status === "selected");
  const judgedFinal = finalVersion ? latestTestRuns(state, finalVersion.versionId) : [];
  const totals = state.finished?.totals;
  return {
    id,
    problem: state.started?.problem.name ?? fallback.problem,
    model: state.started?.model ?? fallback.model,
    status: state.status === "waiting" ? fallback.status : state.status,
    solved: state.finished?.solved ?? null,
    totals: {
      llmCalls: totals?.llmCalls ?? state.totals.llmCalls,
      tokens: (totals?.promptTokens ?? state.totals.promptTokens) + (totals?.completionTokens ?? state.totals.completionTokens),
      costUsd: totals?.costUsd ?? state.totals.costUsd,
      wallMs: totals?.wallMs ?? null,
    },
    stages: state.order.map((key) => {
      const node = state.nodes[key];
      return {
        nodeKey: key,
        stage: node.stage,
        label: node.label,
        status: node.status,
        durationMs: node.durationMs ?? null,
        tokens: node.tokens,
        costUsd: node.costUsd,
        llmCalls: node.llmCalls,
        output: node.outputs[node.outputs.length - 1] ?? null,
      };
    }),
    tests: judgedFinal.length > 0 ? judgedFinal : latestTestRuns(state),
    finalCode: state.finished?.finalCode ?? finalVersion?.code ?? state.versions[state.versions.length - 1]?.code ?? null,
    language: finalVersion?.language ?? fallback.language,
  };
}

/** The union of the runs' stage nodes, in the order they first appear, each with every run's node (or none). */
export function stageRows(runs: ComparedRun[]): { nodeKey: string; cells: (ComparedRun["stages"][number] | null)[] }[] {
  const keys: string[] = [];
  for (const run of runs) for (const stage of run.stages) if (!keys.includes(stage.nodeKey)) keys.push(stage.nodeKey);
  return keys.map((nodeKey) => ({ nodeKey, cells: runs.map((run) => run.stages.find((s) => s.nodeKey === nodeKey) ?? null) }));
}

export type MatrixCell = { verdict: Verdict; timeMs: number } | null;
export type MatrixRow = { key: string; testSet: TestSet; label: string; input?: string; cells: MatrixCell[]; differs: boolean };

/**
 * The final programs' tests side by side (promptfoo-style). Public and hidden tests are the problem's own and line
 * up by index; AI tests differ per run, so they line up by their input text.
 */
export function testsMatrix(runs: ComparedRun[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  runs.forEach((run, column) => {
    for (const testRun of run.tests) {
      for (const test of testRun.tests) {
        const key = testRun.testSet === "ai" ? `ai:${(test.input ?? `#${test.index}`).trim()}` : `${testRun.testSet}:${test.index}`;
        let row = rows.get(key);
        if (!row) {
          row = {
            key,
            testSet: testRun.testSet,
            label: testRun.testSet === "ai" ? `AI ${test.index}` : `${testRun.testSet} ${test.index}`,
            input: test.input,
            cells: runs.map(() => null),
            differs: false,
          };
          rows.set(key, row);
        }
        row.cells[column] = { verdict: test.verdict, timeMs: test.timeMs };
      }
    }
  });
  const all = [...rows.values()];
  for (const row of all) row.differs = new Set(row.cells.map((cell) => cell?.verdict ?? "missing")).size > 1;
  return all;
}
