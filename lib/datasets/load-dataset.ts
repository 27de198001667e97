import type { Db } from "@/lib/db/client";
import type { DatasetRun, Job, Problem, Run } from "@/lib/db/generated/client";
import { DatasetRunNotFoundError } from "./errors";
import type { TestTally } from "./report-schema";

export type FinalTallies = { public: TestTally; private: TestTally; generated: TestTally };

export type LoadedDataset = {
  datasetRun: DatasetRun;
  problems: Pick<Problem, "id" | "name" | "indexInSplit" | "difficulty" | "cfRating" | "tags" | "privateTestCount" | "generatedTestCount">[];
  jobs: Job[];
  /** The run each job points at (the authoritative one for its sample: retries detach failed runs). */
  runs: Map<string, Run>;
  /** Verdict tallies of each run's final code, by test set. */
  tallies: Map<string, FinalTallies>;
  comparators: string[];
};

const emptyTally = (): TestTally => ({ passed: 0, failed: 0, timeout: 0 });

/** Everything the report needs, read in a handful of queries. */
export async function loadDataset(db: Db, datasetRunId: string): Promise<LoadedDataset> {
  const datasetRun = await db.datasetRun.findUnique({ where: { id: datasetRunId } });
  if (!datasetRun) throw new DatasetRunNotFoundError(datasetRunId);
  const jobs = await db.job.findMany({ where: { datasetRunId }, orderBy: [{ sampleIndex: "asc" }] });
  const problemIds = [...new Set(jobs.map((job) => job.problemId))];
  const problems = await db.problem.findMany({
    where: { id: { in: problemIds } },
    select: { id: true, name: true, indexInSplit: true, difficulty: true, cfRating: true, tags: true, privateTestCount: true, generatedTestCount: true },
    orderBy: [{ indexInSplit: "asc" }, { name: "asc" }],
  });
  const runIds = jobs.flatMap((job) => (job.runId ? [job.runId] : []));
  const runRows = await db.run.findMany({ where: { id: { in: runIds } } });
  const runs = new Map(runRows.map((run) => [run.id, run]));

  const finalVersions = runRows.flatMap((run) => (run.finalVersionId ? [run.finalVersionId] : []));
  const results = await db.testResult.findMany({
    where: { codeVersionId: { in: finalVersions }, testSet: { in: ["public", "private", "generated"] } },
    select: { runId: true, testSet: true, verdict: true, comparator: true },
  });
  const tallies = new Map<string, FinalTallies>();
  const comparators = new Set<string>();
  for (const result of results) {
    const tally = tallies.get(result.runId) ?? { public: emptyTally(), private: emptyTally(), generated: emptyTally() };
    tallies.set(result.runId, tally);
    const set = tally[result.testSet as keyof FinalTallies];
    if (result.verdict === "AC") set.passed += 1;
    else if (result.verdict === "TLE") set.timeout += 1;
    else set.failed += 1;
    if (result.testSet !== "public") comparators.add(result.comparator);
  }
  for (const run of runRows) {
    if (tallies.has(run.id)) continue;
    // A run that stored no per-test rows still has its counters; its hidden total is reported under private.
    tallies.set(run.id, {
      public: { passed: run.publicPassed, failed: run.publicFailed, timeout: 0 },
      private: { passed: run.hiddenPassed, failed: run.hiddenFailed, timeout: 0 },
      generated: emptyTally(),
    });
  }
  return { datasetRun, problems, jobs, runs, tallies, comparators: [...comparators].sort() };
}
