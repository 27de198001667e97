import type { Db } from "@/lib/db/client";
import type { JobExecutor } from "../job-executor";
import { readProgress } from "../progress";
import type { RunnerResult } from "../runner";
import { datasetRunStatusSchema, type DatasetProgress } from "../schema";
import { dispatchDatasetRun } from "./dispatch";
import { startWorker } from "./worker";

export type ClusterRunOptions = {
  url: string;
  execute: JobExecutor;
  concurrency: number;
  retryFailed?: boolean;
  leaseMs?: number;
  tickMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DatasetProgress) => void;
  log?: (line: string) => void;
};

/**
 * `solve-dataset` on Postgres: dispatches the dataset run to the cluster and lends this process as one more
 * worker until the run is over. Other workers (`alphaflow worker`, on any machine) share the samples; stopping
 * this process (the signal) gives its running samples back and leaves the rest to them.
 */
export async function runOnCluster(db: Db, datasetRunId: string, options: ClusterRunOptions): Promise<RunnerResult & { detached: boolean }> {
  const tickMs = options.tickMs ?? 1000;
  await dispatchDatasetRun(db, options.url, datasetRunId, { retryFailed: options.retryFailed });
  const worker = await startWorker(db, {
    url: options.url,
    concurrency: options.concurrency,
    execute: options.execute,
    leaseMs: options.leaseMs,
    log: options.log,
  });
  let detached = false;
  try {
    for (;;) {
      const progress = await readProgress(db, datasetRunId);
      options.onProgress?.(progress);
      if (progress.status !== "running" && progress.status !== "queued") break;
      if (options.signal?.aborted) {
        detached = true;
        break;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, tickMs);
        options.signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
    }
  } finally {
    await worker.stop();
  }
  const progress = await readProgress(db, datasetRunId);
  options.onProgress?.(progress);
  return { status: datasetRunStatusSchema.parse(progress.status), progress, detached };
}
