import type { Db } from "@/lib/db/client";
import type { DatasetRun } from "@/lib/db/generated/client";
import type { JobExecutor, JobOutcome } from "./job-executor";
import type { ClaimedJob, JobQueue } from "./queue/job-queue";

export type RunJobOptions = {
  db: Db;
  queue: JobQueue;
  workerId: string;
  datasetRun: DatasetRun;
  execute: JobExecutor;
  leaseMs: number;
  /** Aborted when this worker stops (gracefully): the job goes back to the queue and its run resumes later. */
  stopSignal: AbortSignal;
  /** Asked at every heartbeat; true stops the job as a graceful stop would (a dataset run stopped elsewhere). */
  shouldStop?: () => Promise<boolean>;
};

export type JobEnd = "skipped" | "done" | "failed" | "released" | "lease_lost";

/**
 * Runs one claimed job to its end under a heartbeat: skipped when stop-on-solve finds an earlier sample that
 * solved the problem, released on a stop (the run resumes on the next claim), and left alone when the lease was
 * lost (another worker owns the job now). Shared by the in-process runner and the distributed workers.
 */
export async function runClaimedJob(job: ClaimedJob, options: RunJobOptions): Promise<JobEnd> {
  const { db, queue, workerId, datasetRun, leaseMs } = options;
  if (datasetRun.stopOnSolve) {
    const solvedBy = await earlierSolvedSample(db, job);
    if (solvedBy !== null) {
      await queue.skip(job.id, workerId, `solved by sample ${solvedBy}`);
      return "skipped";
    }
  }
  const jobAbort = new AbortController();
  const onStop = () => jobAbort.abort();
  options.stopSignal.addEventListener("abort", onStop, { once: true });
  let leaseLost = false;
  const heartbeat = setInterval(() => {
    void (async () => {
      if (!(await queue.heartbeat(job.id, workerId))) {
        leaseLost = true;
        jobAbort.abort();
      } else if (options.shouldStop && (await options.shouldStop())) {
        jobAbort.abort();
      }
    })().catch(() => undefined);
  }, Math.max(100, Math.floor(leaseMs / 3)));
  try {
    const outcome: JobOutcome = await options.execute(job, {
      datasetRun,
      signal: jobAbort.signal,
      attachRun: (runId) => queue.attachRun(job.id, workerId, runId),
    });
    if (leaseLost) return "lease_lost";
    if (outcome.kind === "interrupted") {
      await queue.release(job.id, workerId);
      return "released";
    }
    if (outcome.status === "succeeded") {
      await queue.complete(job.id, workerId);
      return "done";
    }
    await queue.fail(job.id, workerId, outcome.error ?? "the run failed");
    return "failed";
  } catch (error) {
    if (leaseLost) return "lease_lost";
    if (jobAbort.signal.aborted) {
      await queue.release(job.id, workerId);
      return "released";
    }
    await queue.fail(job.id, workerId, error instanceof Error ? error.message : String(error));
    return "failed";
  } finally {
    clearInterval(heartbeat);
    options.stopSignal.removeEventListener("abort", onStop);
  }
}

/** The lowest sample index below this job's that solved the problem, if any. */
async function earlierSolvedSample(db: Db, job: ClaimedJob): Promise<number | null> {
  const earlier = await db.job.findMany({
    where: { datasetRunId: job.datasetRunId, problemId: job.problemId, sampleIndex: { lt: job.sampleIndex }, status: "done", runId: { not: null } },
    select: { runId: true, sampleIndex: true },
    orderBy: { sampleIndex: "asc" },
  });
  if (earlier.length === 0) return null;
  const solved = await db.run.findMany({
    where: { id: { in: earlier.map((job) => job.runId!) }, solved: true },
    select: { id: true },
  });
  const solvedIds = new Set(solved.map((run) => run.id));
  return earlier.find((job) => solvedIds.has(job.runId!))?.sampleIndex ?? null;
}
