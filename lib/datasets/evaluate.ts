import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Job, Run } from "@/lib/db/generated/client";
import { loadDataset, type LoadedDataset } from "./load-dataset";
import { passAtK, passAtKFirstSolve } from "./pass-at-k";
import type { DatasetReport, GroupRate, ProblemReport, SampleOutcome, SampleReport, TestTally } from "./report-schema";
import { datasetModeSchema, datasetRunStatusSchema, datasetSelectionSchema } from "./schema";

export async function evaluateDataset(db: Db, datasetRunId: string): Promise<DatasetReport> {
  return buildReport(await loadDataset(db, datasetRunId));
}

/**
 * The report of a dataset run. Every sample the run was asked for is in the denominator: crashed and pending
 * samples count as unsolved, and no problem is dropped (AlphaCodium's own score, which drops problems whose every
 * sample crashed, is computed alongside for comparison only).
 */
export function buildReport(loaded: LoadedDataset): DatasetReport {
  const { datasetRun } = loaded;
  const k = datasetRun.k;
  const estimator = datasetRun.stopOnSolve ? "first-solve" : "unbiased";
  const jobsByProblem = new Map<string, Job[]>();
  for (const job of loaded.jobs) jobsByProblem.set(job.problemId, [...(jobsByProblem.get(job.problemId) ?? []), job]);

  const problemReports: ProblemReport[] = loaded.problems.map((problem) => {
    const jobs = (jobsByProblem.get(problem.id) ?? []).sort((a, b) => a.sampleIndex - b.sampleIndex);
    const samples = jobs.map((job) => sampleReport(job, job.runId ? loaded.runs.get(job.runId) : undefined, loaded));
    const solvedSamples = samples.filter((sample) => sample.outcome === "solved").length;
    const firstSolved = samples.find((sample) => sample.outcome === "solved")?.sampleIndex ?? null;
    const ks = Array.from({ length: k }, (_, i) => i + 1);
    return {
      problemId: problem.id,
      name: problem.name,
      indexInSplit: problem.indexInSplit,
      difficulty: problem.difficulty,
      cfRating: problem.cfRating,
      tags: stringList(problem.tags),
      hiddenTests: problem.privateTestCount + problem.generatedTestCount,
      samples,
      solvedSamples,
      firstSolvedIndex: firstSolved,
      solved: solvedSamples > 0,
      passAtK: ks.map((j) => (estimator === "unbiased" ? passAtK(k, solvedSamples, j) : passAtKFirstSolve(firstSolved, j))),
      llmCalls: sum(samples, (s) => s.llmCalls),
      tokens: sum(samples, (s) => s.promptTokens + s.completionTokens),
      costUsd: sum(samples, (s) => s.costUsd),
    };
  });

  const problems = problemReports.length;
  const solvedProblems = problemReports.filter((p) => p.solved).length;
  const allSamples = problemReports.flatMap((p) => p.samples);
  const totals = {
    llmCalls: sum(allSamples, (s) => s.llmCalls),
    promptTokens: sum(allSamples, (s) => s.promptTokens),
    completionTokens: sum(allSamples, (s) => s.completionTokens),
    costUsd: sum(allSamples, (s) => s.costUsd),
  };
  const tokens = totals.promptTokens + totals.completionTokens;
  const per = (n: number) => ({ llmCalls: totals.llmCalls / n, tokens: tokens / n, costUsd: totals.costUsd / n });
  const pendingSamples = allSamples.filter((s) => s.outcome === "pending").length;
  const selection = datasetSelectionSchema.catch(datasetSelectionSchema.parse({})).parse(datasetRun.filter ?? {});

  return {
    context: {
      datasetRunId: datasetRun.id,
      name: datasetRun.name,
      split: datasetRun.split,
      mode: datasetModeSchema.catch("flow").parse(datasetRun.mode),
      model: datasetRun.model,
      provider: datasetRun.provider,
      configLabel: selection.configLabel,
      configHash: configHash(datasetRun.config),
      comparators: loaded.comparators,
      k,
      stopOnSolve: datasetRun.stopOnSolve,
      status: datasetRunStatusSchema.catch("failed").parse(datasetRun.status),
      createdAt: datasetRun.createdAt.toISOString(),
      finishedAt: datasetRun.finishedAt?.toISOString() ?? null,
      unscorableExcluded: selection.unscorableExcluded,
    },
    estimator,
    complete: pendingSamples === 0,
    pendingSamples,
    problems,
    solvedProblems,
    crashedSamples: allSamples.filter((s) => s.outcome === "crashed").length,
    passAtK: Array.from({ length: k }, (_, i) => ({
      k: i + 1,
      value: problems === 0 ? 0 : sum(problemReports, (p) => p.passAtK[i]) / problems,
    })),
    alphaCodium: alphaCodiumScore(problemReports),
    totals,
    perProblem: per(Math.max(problems, 1)),
    perSolvedProblem: solvedProblems > 0 ? per(solvedProblems) : null,
    byDifficulty: groupRates(problemReports, (p) => [p.difficulty ?? "unknown"]),
    byTag: groupRates(problemReports, (p) => (p.tags.length > 0 ? p.tags : ["untagged"])),
    problemReports,
  };
}

function sampleReport(job: Job, run: Run | undefined, loaded: LoadedDataset): SampleReport {
  const tally = run ? loaded.tallies.get(run.id) : undefined;
  const empty: TestTally = { passed: 0, failed: 0, timeout: 0 };
  return {
    sampleIndex: job.sampleIndex,
    outcome: outcomeOf(job, run),
    runId: run?.id ?? job.runId,
    runStatus: run?.status ?? null,
    error: job.status === "skipped" ? null : (job.error ?? run?.error ?? null),
    code: run?.finalCode ?? null,
    public: tally?.public ?? empty,
    private: tally?.private ?? empty,
    generated: tally?.generated ?? empty,
    llmCalls: run?.llmCalls ?? 0,
    promptTokens: run?.promptTokens ?? 0,
    completionTokens: run?.completionTokens ?? 0,
    costUsd: run?.costUsd ?? 0,
  };
}

function outcomeOf(job: Job, run: Run | undefined): SampleOutcome {
  if (job.status === "skipped") return "skipped";
  if (job.status === "failed" || run?.status === "failed") return "crashed";
  if (job.status !== "done" || !run) return "pending";
  return run.status === "succeeded" && run.solved === true ? "solved" : "unsolved";
}

/** AlphaCodium's evaluate_dataset, faithfully: including its exclusion of problems with no produced solution. */
function alphaCodiumScore(problems: ProblemReport[]): DatasetReport["alphaCodium"] {
  let passed = 0;
  let failed = 0;
  let excluded = 0;
  for (const problem of problems) {
    const withSolution = problem.samples.filter((s) => s.code !== null && s.code.trim() !== "");
    if (withSolution.length === 0) {
      excluded += 1;
      continue;
    }
    const solved = withSolution.some(
      (s) => s.private.failed + s.private.timeout + s.generated.failed + s.generated.timeout === 0 && s.private.passed + s.generated.passed > 0,
    );
    if (solved) passed += 1;
    else failed += 1;
  }
  return { passed, failed, excluded, rate: passed + failed > 0 ? passed / (passed + failed) : null };
}

function groupRates(problems: ProblemReport[], groupsOf: (p: ProblemReport) => string[]): GroupRate[] {
  const groups = new Map<string, { problems: number; solved: number }>();
  for (const problem of problems) {
    for (const group of groupsOf(problem)) {
      const entry = groups.get(group) ?? { problems: 0, solved: 0 };
      entry.problems += 1;
      if (problem.solved) entry.solved += 1;
      groups.set(group, entry);
    }
  }
  return [...groups.entries()]
    .map(([group, entry]) => ({ group, ...entry, rate: entry.solved / entry.problems }))
    .sort((a, b) => b.problems - a.problems || a.group.localeCompare(b.group));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function sum<T>(items: T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

/** A short fingerprint of the effective config, so two reports can be told apart at a glance. */
export function configHash(config: unknown): string {
  return createHash("sha256").update(canonicalJson(config)).digest("hex").slice(0, 12);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
