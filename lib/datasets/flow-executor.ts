import type { Db } from "@/lib/db/client";
import type { Run } from "@/lib/db/generated/client";
import type { JobExecutor, JobOutcome } from "./job-executor";
import type { ClaimedJob } from "./queue/job-queue";

/** A sample's run, as the run service creates it: tagged with its dataset run and sample index. */
export type SampleRunInput = {
  problemId: string;
  datasetRunId: string;
  sampleIndex: number;
  mode: string;
  model: string;
  provider: string;
  config: Record<string, unknown>;
};

export type FlowExecutorDeps = {
  createRun: (db: Db, input: SampleRunInput) => Promise<string>;
  /** Runs (or resumes) a run to its end; returns when it finished or the signal stopped it. */
  runFlowById: (runId: string, signal: AbortSignal) => Promise<void>;
};

const FINAL = new Set(["succeeded", "failed"]);

/**
 * Each job is one sample: create its run once (or find the one an earlier attempt created), then run the flow.
 * A run that already finished is not run again; an interrupted one resumes, and the LLM cache answers every call
 * it had finished, so nothing is paid twice.
 */
export function createFlowJobExecutor(db: Db, deps: FlowExecutorDeps): JobExecutor {
  return async (job, context) => {
    const run = await sampleRun(db, job, context.datasetRun, deps);
    if (run.id !== job.runId) await context.attachRun(run.id);
    if (FINAL.has(run.status)) return finished(run);
    await deps.runFlowById(run.id, context.signal);
    const after = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    return FINAL.has(after.status) ? finished(after) : { kind: "interrupted", runId: after.id };
  };
}

async function sampleRun(db: Db, job: ClaimedJob, datasetRun: { id: string; mode: string; model: string; provider: string; config: unknown }, deps: FlowExecutorDeps): Promise<Run> {
  if (job.runId) {
    const attached = await db.run.findUnique({ where: { id: job.runId } });
    if (attached) return attached;
  }
  // A crash between creating the run and attaching it leaves a run the job does not know; failed runs were
  // detached on purpose by a retry and are not reused.
  const orphan = await db.run.findFirst({
    where: { datasetRunId: job.datasetRunId, problemId: job.problemId, sampleIndex: job.sampleIndex, status: { not: "failed" } },
    orderBy: { createdAt: "desc" },
  });
  if (orphan) return orphan;
  const runId = await deps.createRun(db, {
    problemId: job.problemId,
    datasetRunId: datasetRun.id,
    sampleIndex: job.sampleIndex,
    mode: datasetRun.mode,
    model: datasetRun.model,
    provider: datasetRun.provider,
    config: (datasetRun.config ?? {}) as Record<string, unknown>,
  });
  return db.run.findUniqueOrThrow({ where: { id: runId } });
}

function finished(run: Run): JobOutcome {
  return {
    kind: "finished",
    runId: run.id,
    status: run.status === "succeeded" ? "succeeded" : "failed",
    solved: run.solved,
    error: run.status === "failed" ? (run.error ?? "the run failed") : null,
  };
}
