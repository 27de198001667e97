import type { DatasetReport } from "../report-schema";

const COLUMNS = [
  "split", "mode", "model", "config", "config_hash", "comparators", "k", "estimator",
  "problem", "index_in_split", "difficulty", "tags", "sample", "outcome", "run_id",
  "public_passed", "public_failed", "private_passed", "private_failed", "private_timeout",
  "generated_passed", "generated_failed", "generated_timeout", "llm_calls", "prompt_tokens", "completion_tokens", "cost_usd",
  "problem_solved", "problem_pass_at_k",
] as const;

/** One row per (problem, sample), each carrying the split, model, config and comparator it was measured under. */
export function reportToCsv(report: DatasetReport): string {
  const { context } = report;
  const rows: (string | number | null)[][] = [];
  for (const problem of report.problemReports) {
    for (const sample of problem.samples) {
      rows.push([
        context.split, context.mode, context.model, context.configLabel, context.configHash, context.comparators.join(" "),
        context.k, report.estimator, problem.name, problem.indexInSplit, problem.difficulty, problem.tags.join(";"),
        sample.sampleIndex, sample.outcome, sample.runId,
        sample.public.passed, sample.public.failed, sample.private.passed, sample.private.failed, sample.private.timeout,
        sample.generated.passed, sample.generated.failed, sample.generated.timeout,
        sample.llmCalls, sample.promptTokens, sample.completionTokens, sample.costUsd.toFixed(6),
        problem.solved ? 1 : 0, problem.passAtK[problem.passAtK.length - 1]?.toFixed(6) ?? null,
      ]);
    }
  }
  return [COLUMNS.join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\n") + "\n";
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
