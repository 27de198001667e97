import type { DatasetRun } from "@/lib/db/generated/client";
import type { ClaimedJob } from "./queue/job-queue";

export type JobContext = {
  datasetRun: DatasetRun;
  /** Aborted on a graceful stop, when the budget is spent, or when the lease was lost. */
  signal: AbortSignal;
  /** Call as soon as the job's run exists, so a retry after a crash resumes it instead of starting over. */
  attachRun: (runId: string) => Promise<void>;
};

/**
 * finished: the run reached a terminal status (a crashed flow is `failed`, which evaluation counts as unsolved);
 * interrupted: the run stopped before finishing (signal, lost lease) and will resume on the next claim.
 */
export type JobOutcome =
  | { kind: "finished"; runId: string; status: "succeeded" | "failed"; solved: boolean | null; error: string | null }
  | { kind: "interrupted"; runId: string | null };

export type JobExecutor = (job: ClaimedJob, context: JobContext) => Promise<JobOutcome>;
