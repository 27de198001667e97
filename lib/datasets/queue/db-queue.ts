import type { Db } from "@/lib/db/client";
import { jobStatusSchema, type JobStatus } from "../schema";
import type { ClaimedJob, ClaimOptions, JobCounts, JobQueue, JobSpec } from "./job-queue";
import { isDeadLocalWorker } from "./worker-id";

const CLAIM_RACE_RETRIES = 20;

/**
 * The embedded queue: jobs are rows of the Job table, claimed with a compare-and-set on their status so two
 * workers (threads or processes sharing the SQLite file) never hold the same job.
 */
export class DbJobQueue implements JobQueue {
  constructor(private readonly db: Db) {}

  async enqueue(jobs: JobSpec[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const existing = await this.db.job.findMany({ where: { key: { in: jobs.map((job) => job.key) } }, select: { key: true } });
    const known = new Set(existing.map((job) => job.key));
    const fresh = jobs.filter((job) => !known.has(job.key));
    if (fresh.length === 0) return 0;
    const { count } = await this.db.job.createMany({ data: fresh.map((job) => ({ ...job, status: "queued" satisfies JobStatus })) });
    return count;
  }

  async claim({ datasetRunId, workerId, serialPerProblem }: ClaimOptions): Promise<ClaimedJob | null> {
    for (let attempt = 0; attempt < CLAIM_RACE_RETRIES; attempt += 1) {
      const candidate = await this.nextCandidate(datasetRunId, serialPerProblem);
      if (!candidate) return null;
      const { count } = await this.db.job.updateMany({
        where: { id: candidate, status: "queued" },
        data: { status: "running", lockedBy: workerId, heartbeatAt: new Date(), attempts: { increment: 1 } },
      });
      if (count === 1) return claimedFromRow(await this.db.job.findUniqueOrThrow({ where: { id: candidate } }));
    }
    return null;
  }

  /**
   * Takes one named job, for engines that deliver jobs themselves (graphile-worker): null when the job is not
   * queued, i.e. finished already or held by a live worker, so a delivery that arrives twice runs once.
   */
  async claimKey(key: string, workerId: string): Promise<ClaimedJob | null> {
    const { count } = await this.db.job.updateMany({
      where: { key, status: "queued" },
      data: { status: "running", lockedBy: workerId, heartbeatAt: new Date(), attempts: { increment: 1 } },
    });
    if (count !== 1) return null;
    return claimedFromRow(await this.db.job.findUniqueOrThrow({ where: { key } }));
  }

  /** Hands the running jobs of a worker presumed dead back to the queue; returns their keys. */
  async requeueWorker(workerId: string): Promise<string[]> {
    const held = await this.db.job.findMany({ where: { lockedBy: workerId, status: "running" }, select: { key: true } });
    await this.db.job.updateMany({
      where: { lockedBy: workerId, status: "running" },
      data: { status: "queued", lockedBy: null, heartbeatAt: null },
    });
    return held.map((job) => job.key);
  }

  private async nextCandidate(datasetRunId: string, serialPerProblem: boolean): Promise<string | null> {
    const queued = await this.db.job.findMany({
      where: { datasetRunId, status: "queued" },
      select: { id: true, problemId: true },
      orderBy: [{ sampleIndex: "asc" }, { problem: { indexInSplit: "asc" } }, { problem: { name: "asc" } }],
    });
    if (!serialPerProblem) return queued[0]?.id ?? null;
    const running = await this.db.job.findMany({ where: { datasetRunId, status: "running" }, select: { problemId: true } });
    const busy = new Set(running.map((job) => job.problemId));
    const seen = new Set<string>();
    for (const job of queued) {
      if (!busy.has(job.problemId) && !seen.has(job.problemId)) return job.id;
      seen.add(job.problemId);
    }
    return null;
  }

  async heartbeat(jobId: string, workerId: string): Promise<boolean> {
    const { count } = await this.db.job.updateMany({
      where: { id: jobId, lockedBy: workerId, status: "running" },
      data: { heartbeatAt: new Date() },
    });
    return count === 1;
  }

  async attachRun(jobId: string, workerId: string, runId: string): Promise<void> {
    await this.db.job.updateMany({ where: { id: jobId, lockedBy: workerId }, data: { runId } });
  }

  async complete(jobId: string, workerId: string): Promise<void> {
    await this.finish(jobId, workerId, "done", null);
  }

  async fail(jobId: string, workerId: string, error: string): Promise<void> {
    await this.finish(jobId, workerId, "failed", error);
  }

  async skip(jobId: string, workerId: string, reason: string): Promise<void> {
    await this.finish(jobId, workerId, "skipped", reason);
  }

  async release(jobId: string, workerId: string): Promise<void> {
    await this.finish(jobId, workerId, "queued", null);
  }

  private async finish(jobId: string, workerId: string, status: JobStatus, error: string | null): Promise<void> {
    await this.db.job.updateMany({
      where: { id: jobId, lockedBy: workerId, status: "running" },
      data: { status, error, lockedBy: null, heartbeatAt: null },
    });
  }

  async requeueStale(datasetRunId: string, leaseMs: number): Promise<number> {
    const running = await this.db.job.findMany({
      where: { datasetRunId, status: "running" },
      select: { id: true, lockedBy: true, heartbeatAt: true },
    });
    const expiredBefore = Date.now() - leaseMs;
    const stale = running.filter(
      (job) => !job.lockedBy || !job.heartbeatAt || job.heartbeatAt.getTime() < expiredBefore || isDeadLocalWorker(job.lockedBy),
    );
    let requeued = 0;
    for (const job of stale) {
      const { count } = await this.db.job.updateMany({
        where: { id: job.id, status: "running", lockedBy: job.lockedBy },
        data: { status: "queued", lockedBy: null, heartbeatAt: null },
      });
      requeued += count;
    }
    return requeued;
  }

  async retryFailed(datasetRunId: string): Promise<number> {
    const { count } = await this.db.job.updateMany({
      where: { datasetRunId, status: "failed" },
      data: { status: "queued", runId: null, error: null },
    });
    return count;
  }

  async counts(datasetRunId: string): Promise<JobCounts> {
    const groups = await this.db.job.groupBy({ by: ["status"], where: { datasetRunId }, _count: { _all: true } });
    const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0, skipped: 0, total: 0 };
    for (const group of groups) {
      const status = jobStatusSchema.safeParse(group.status);
      if (status.success) counts[status.data] += group._count._all;
      counts.total += group._count._all;
    }
    return counts;
  }
}

function claimedFromRow(job: ClaimedJob): ClaimedJob {
  return {
    id: job.id,
    key: job.key,
    datasetRunId: job.datasetRunId,
    problemId: job.problemId,
    sampleIndex: job.sampleIndex,
    attempts: job.attempts,
    runId: job.runId,
  };
}
