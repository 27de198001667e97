import type { Db } from "@/lib/db/client";
import { DatasetRunBusyError } from "./errors";
import type { JobExecutor } from "./job-executor";
import { runDatasetRun } from "./runner";
import type { DatasetProgress } from "./schema";

type ActiveRun = { controller: AbortController; done: Promise<void>; progress: DatasetProgress | null };

/**
 * Dataset runs the web server is executing, keyed by id. Kept on globalThis so every module instance of a Next.js
 * server shares one registry; the state that matters (jobs, runs) is in the database, this only holds the handles
 * needed to stop a runner and its latest in-memory progress.
 */
const registryKey = Symbol.for("alphaflow.datasets.active");
const globalRegistry = globalThis as unknown as { [registryKey]?: Map<string, ActiveRun> };

function registry(): Map<string, ActiveRun> {
  globalRegistry[registryKey] ??= new Map();
  return globalRegistry[registryKey];
}

/** Starts the runner without waiting for it; the request that started it returns at once. */
export function startInBackground(db: Db, datasetRunId: string, execute: JobExecutor): void {
  const active = registry();
  if (active.has(datasetRunId)) throw new DatasetRunBusyError(datasetRunId);
  const controller = new AbortController();
  const entry: ActiveRun = { controller, progress: null, done: Promise.resolve() };
  entry.done = runDatasetRun(db, datasetRunId, {
    execute,
    signal: controller.signal,
    onProgress: (progress) => {
      entry.progress = progress;
    },
  })
    .then(
      () => undefined,
      (error: unknown) => {
        console.error(`dataset run ${datasetRunId} failed:`, error);
      },
    )
    .finally(() => active.delete(datasetRunId));
  active.set(datasetRunId, entry);
}

export function isActive(datasetRunId: string): boolean {
  return registry().has(datasetRunId);
}

/** Asks a runner of this process to stop; its running samples go back to the queue. False when none runs here. */
export async function stopInBackground(datasetRunId: string): Promise<boolean> {
  const entry = registry().get(datasetRunId);
  if (!entry) return false;
  entry.controller.abort();
  await entry.done;
  return true;
}
