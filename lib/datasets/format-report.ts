import type { DatasetReport } from "./report-schema";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const usd = (value: number) => `$${value.toFixed(4)}`;

/** The context every number is measured under; repeated on each line so no line can be quoted without it. */
export function contextTag(report: DatasetReport): string {
  const { context } = report;
  const comparator = context.comparators.length > 0 ? context.comparators.join("+") : "n/a";
  return `[split=${context.split} mode=${context.mode} model=${context.model} config=${context.configLabel}#${context.configHash} comparator=${comparator}]`;
}

/** The terminal form of `alphaflow evaluate`. */
export function formatReport(report: DatasetReport): string {
  const tag = contextTag(report);
  const { context } = report;
  const lines = [
    `dataset run ${context.datasetRunId} (${context.status}${report.complete ? "" : `, ${report.pendingSamples} samples pending, counted as unsolved`})`,
    `problems ${report.problems}, k=${context.k}, stop on solve: ${context.stopOnSolve ? "yes" : "no"}, estimator: ${report.estimator}` +
      (context.unscorableExcluded > 0 ? `, ${context.unscorableExcluded} problems without hidden tests left out` : ""),
    ...report.passAtK.map((p) => `pass@${p.k} = ${percent(p.value)} ${tag}`),
    `solved ${report.solvedProblems}/${report.problems} within ${context.k} samples; crashed samples ${report.crashedSamples} (counted as unsolved) ${tag}`,
    `AlphaCodium's score (drops ${report.alphaCodium.excluded} problems with no solution): ` +
      `${report.alphaCodium.rate === null ? "n/a" : percent(report.alphaCodium.rate)} (${report.alphaCodium.passed}/${report.alphaCodium.passed + report.alphaCodium.failed}) ${tag}`,
    `LLM calls ${report.totals.llmCalls}, tokens ${report.totals.promptTokens}+${report.totals.completionTokens}, cost ${usd(report.totals.costUsd)} ${tag}`,
    `per problem: ${report.perProblem.llmCalls.toFixed(1)} calls, ${Math.round(report.perProblem.tokens)} tokens, ${usd(report.perProblem.costUsd)} ${tag}`,
    report.perSolvedProblem
      ? `per solved problem: ${report.perSolvedProblem.llmCalls.toFixed(1)} calls, ${Math.round(report.perSolvedProblem.tokens)} tokens, ${usd(report.perSolvedProblem.costUsd)} ${tag}`
      : `per solved problem: n/a (none solved) ${tag}`,
    "by difficulty:",
    ...report.byDifficulty.map((g) => `  ${g.group}: ${g.solved}/${g.problems} = ${percent(g.rate)} ${tag}`),
    "by tag:",
    ...report.byTag.map((g) => `  ${g.group}: ${g.solved}/${g.problems} = ${percent(g.rate)} ${tag}`),
  ];
  return `${lines.join("\n")}\n`;
}
