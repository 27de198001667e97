/**
 * The seam between dataset runs and whatever executes their jobs. The embedded default (db-queue.ts) keeps jobs
 * in the Job table and runs them in-process; a distributed engine (graphile-worker, pg-boss) can implement the
 * same contract: keyed idempotent enqueue, at-least-once claims under a lease, and jobs of one problem run in
 * series when the dataset stops a problem's samples at its first success (graphile-worker's named queues).
 */

export type JobSpec = {
  /** `${datasetRunId}:${problemId}:${sampleIndex}`: enqueuing the same key twice is a no-op. */
  key: string;
  datasetRunId: string;
  problemId: string;
  sampleIndex: number;
};

export type ClaimedJob = JobSpec & {
  id: string;
  attempts: number;
  /** The run this job already created in an earlier attempt, if any: resume it rather than start again. */
  runId: string | null;
};

export type ClaimOptions = {
  datasetRunId: string;
  workerId: string;
  /** At most one running job per problem, lowest sample first (stop-on-solve needs the earlier outcome). */
  serialPerProblem: boolean;
};

export type JobCounts = { queued: number; running: number; done: number; failed: number; skipped: number; total: number };

export interface JobQueue {
  /** Adds the jobs whose keys are new; returns how many were added. */
  enqueue(jobs: JobSpec[]): Promise<number>;
  /** Takes the next job under a lease held by workerId, or null when none is claimable right now. */
  claim(options: ClaimOptions): Promise<ClaimedJob | null>;
  /** Renews the lease; false when the job is no longer this worker's (requeued as stale), so it must stop. */
  heartbeat(jobId: string, workerId: string): Promise<boolean>;
  /** Records the run a job created, as soon as it exists, so a retry reuses it. */
  attachRun(jobId: string, workerId: string, runId: string): Promise<void>;
  complete(jobId: string, workerId: string): Promise<void>;
  fail(jobId: string, workerId: string, error: string): Promise<void>;
  skip(jobId: string, workerId: string, reason: string): Promise<void>;
  /** Gives a job back untouched (graceful stop): it will be claimed again. */
  release(jobId: string, workerId: string): Promise<void>;
  /** Requeues running jobs whose lease expired or whose worker is known dead; returns how many. */
  requeueStale(datasetRunId: string, leaseMs: number): Promise<number>;
  /** Puts failed jobs back in the queue, detached from their failed runs; returns how many. */
  retryFailed(datasetRunId: string): Promise<number>;
  counts(datasetRunId: string): Promise<JobCounts>;
}

export function jobKey(datasetRunId: string, problemId: string, sampleIndex: number): string {
  return `${datasetRunId}:${problemId}:${sampleIndex}`;
}
