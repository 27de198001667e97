import type { Db } from "@/lib/db/client";
import { DatasetRunNotFoundError } from "./errors";
import { DbJobQueue } from "./queue/db-queue";
import { datasetRunStatusSchema, type DatasetProgress } from "./schema";
import { datasetSpendUsd } from "./spend";

/**
 * Remaining jobs at this session's pace. Only jobs that ran count towards the pace: skipped ones finish instantly,
 * and jobs finished in an earlier session say nothing about how fast this one goes.
 */
export function estimateEtaMs(remaining: number, finishedInSession: number, sessionElapsedMs: number): number | null {
  if (remaining === 0) return 0;
  if (finishedInSession === 0 || sessionElapsedMs <= 0) return null;
  return Math.round((remaining * sessionElapsedMs) / finishedInSession);
}

/** A progress snapshot read from the database alone, so any process (the CLI, the server) can show any run. */
export async function readProgress(db: Db, datasetRunId: string, now = new Date()): Promise<DatasetProgress> {
  const datasetRun = await db.datasetRun.findUnique({ where: { id: datasetRunId } });
  if (!datasetRun) throw new DatasetRunNotFoundError(datasetRunId);
  const counts = await new DbJobQueue(db).counts(datasetRunId);
  const sessionStart = datasetRun.startedAt;
  const finishedInSession = sessionStart
    ? await db.job.count({ where: { datasetRunId, status: { in: ["done", "failed"] }, updatedAt: { gte: sessionStart } } })
    : 0;
  const solved = await db.run.findMany({
    where: { datasetRunId, solved: true },
    select: { problemId: true },
    distinct: ["problemId"],
  });
  const problems = await db.job.findMany({ where: { datasetRunId }, select: { problemId: true }, distinct: ["problemId"] });
  const end = datasetRun.finishedAt && datasetRun.status !== "running" ? datasetRun.finishedAt : now;
  const elapsedMs = sessionStart ? Math.max(0, end.getTime() - sessionStart.getTime()) : 0;
  const status = datasetRunStatusSchema.catch("failed").parse(datasetRun.status);
  return {
    datasetRunId,
    status,
    total: counts.total,
    queued: counts.queued,
    running: counts.running,
    done: counts.done,
    failed: counts.failed,
    skipped: counts.skipped,
    solvedProblems: solved.length,
    problems: problems.length,
    costUsd: await datasetSpendUsd(db, datasetRunId),
    budgetUsd: datasetRun.budgetUsd,
    elapsedMs,
    etaMs: status === "running" ? estimateEtaMs(counts.queued + counts.running, finishedInSession, elapsedMs) : null,
  };
}
