import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DbJobQueue } from "./queue/db-queue";
import { jobKey, type JobQueue, type JobSpec } from "./queue/job-queue";
import type { DatasetRunRequest, DatasetSelection } from "./schema";
import { selectProblems } from "./select-problems";

export type ResolvedRunSettings = {
  /** The effective flow configuration every sample runs with. */
  config: Record<string, unknown>;
  model: string;
  provider: string;
};

/**
 * Creates the dataset run and enqueues one job per (problem, sample), samples of all problems before the next
 * sample of any, so early samples finish first and a problem solved early can skip its later samples.
 */
export async function createDatasetRun(
  db: Db,
  request: DatasetRunRequest,
  settings: ResolvedRunSettings,
  queue: JobQueue = new DbJobQueue(db),
): Promise<{ datasetRunId: string; problems: number; jobs: number }> {
  const { problemIds, unscorableExcluded } = await selectProblems(db, request);
  const selection: DatasetSelection = {
    problems: request.problems ?? null,
    limit: request.limit ?? null,
    includeUnscorable: request.includeUnscorable,
    unscorableExcluded,
    configLabel: request.configLabel,
  };
  const datasetRun = await db.datasetRun.create({
    data: {
      name: request.name ?? null,
      split: request.split,
      mode: request.mode,
      model: settings.model,
      provider: settings.provider,
      config: settings.config as Prisma.InputJsonValue,
      k: request.k,
      concurrency: request.concurrency,
      stopOnSolve: request.stopOnSolve,
      budgetUsd: request.budgetUsd ?? null,
      filter: selection,
      status: "queued",
    },
  });
  const jobs: JobSpec[] = [];
  for (let sampleIndex = 0; sampleIndex < request.k; sampleIndex += 1) {
    for (const problemId of problemIds) {
      jobs.push({ key: jobKey(datasetRun.id, problemId, sampleIndex), datasetRunId: datasetRun.id, problemId, sampleIndex });
    }
  }
  const enqueued = await queue.enqueue(jobs);
  return { datasetRunId: datasetRun.id, problems: problemIds.length, jobs: enqueued };
}
