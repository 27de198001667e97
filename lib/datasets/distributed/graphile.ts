import { EventEmitter } from "node:events";
import { Logger, makeWorkerUtils, run, runMigrations, type JobHelpers, type Runner, type WorkerEvents, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { z } from "zod";
import type { JobSpec } from "../queue/job-queue";

/**
 * graphile-worker carries the dataset jobs between machines: it delivers each job to one worker at a time over
 * Postgres (LISTEN/NOTIFY plus polling), retries what failed, and runs the jobs of one named queue in order, which
 * is what stop-on-solve needs (a problem's sample 1 waits for sample 0). The Job table stays the ledger of what
 * each sample did; graphile only delivers.
 */
export const SAMPLE_TASK = "alphaflow_sample";

export const samplePayloadSchema = z.object({ key: z.string().min(1), datasetRunId: z.string().min(1) });
export type SamplePayload = z.infer<typeof samplePayloadSchema>;

/** Deliveries are retried on infrastructure errors only (a sample's own failure is recorded, not thrown). */
const MAX_ATTEMPTS = 25;

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") process.stderr.write(`graphile-worker ${level}: ${message}\n`);
});

/** On globalThis: a Next.js server may load this module once per route bundle, and each would open a pool. */
const utilsKey = Symbol.for("alphaflow.graphile.utils");
const globalUtils = globalThis as unknown as { [utilsKey]?: Map<string, Promise<WorkerUtils>> };

function workerUtils(url: string): Promise<WorkerUtils> {
  const utilsByUrl = (globalUtils[utilsKey] ??= new Map());
  let utils = utilsByUrl.get(url);
  if (!utils) {
    utils = makeWorkerUtils({ connectionString: url, logger: quietLogger });
    utilsByUrl.set(url, utils);
    utils.catch(() => utilsByUrl.delete(url));
  }
  return utils;
}

/** Creates graphile-worker's own schema (idempotent; it keeps its migrations in `graphile_worker`). */
export async function migrateGraphile(url: string): Promise<void> {
  await runMigrations({ connectionString: url, logger: quietLogger });
}

/** The named queue of a problem's samples when they must run in order; null lets any worker take any sample. */
export function sampleQueueName(spec: JobSpec, serialPerProblem: boolean): string | null {
  return serialPerProblem ? `sample:${spec.datasetRunId}:${spec.problemId}` : null;
}

/**
 * Offers jobs to the workers. Keyed by the ledger key in `unsafe_dedupe` mode: a job already pending or running
 * is left alone, so dispatching the same dataset run twice (resume, two servers) delivers each sample once.
 */
export async function dispatchSamples(url: string, specs: JobSpec[], serialPerProblem: boolean): Promise<void> {
  const utils = await workerUtils(url);
  for (const spec of specs) {
    const payload: SamplePayload = { key: spec.key, datasetRunId: spec.datasetRunId };
    await utils.addJob(SAMPLE_TASK, payload, {
      jobKey: spec.key,
      jobKeyMode: "unsafe_dedupe",
      queueName: sampleQueueName(spec, serialPerProblem) ?? undefined,
      maxAttempts: MAX_ATTEMPTS,
    });
  }
}

/** Frees the jobs and queues locked by slots of workers that are gone, so other workers take them at once. */
export async function unlockSlots(url: string, slotIds: string[]): Promise<void> {
  if (slotIds.length === 0) return;
  await (await workerUtils(url)).forceUnlockWorkers(slotIds);
}

export type SlotHandler = (payload: SamplePayload, helpers: JobHelpers) => Promise<void>;

/**
 * Starts a graphile runner with `concurrency` slots and returns the lock ids graphile gave it (random ones; they
 * are recorded in the Worker row so that a crashed process's locks can be found and freed).
 */
export async function startSlots(
  url: string,
  concurrency: number,
  handle: SlotHandler,
  pollIntervalMs = 1000,
): Promise<{ slotIds: string[]; stop: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency + 2 });
  // An idle connection dropped by the server must not crash the worker; the next query reconnects.
  const lost = (error: Error) => process.stderr.write(`worker: database connection lost: ${error.message}\n`);
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  const events = new EventEmitter() as WorkerEvents;
  const slotIds: string[] = [];
  // graphile-worker 0.17 locks jobs under the pool's id (older versions used each worker's): record both.
  events.on("pool:create", ({ workerPool }) => slotIds.push(workerPool.id));
  events.on("worker:create", ({ worker }) => slotIds.push(worker.workerId));
  const taskList = {
    [SAMPLE_TASK]: async (payload: unknown, helpers: JobHelpers) => {
      const parsed = samplePayloadSchema.safeParse(payload);
      if (!parsed.success) throw new Error(`malformed ${SAMPLE_TASK} payload: ${parsed.error.issues[0].message}`);
      await handle(parsed.data, helpers);
    },
  };
  let runner: Runner;
  try {
    runner = await run({ pgPool: pool, concurrency, noHandleSignals: true, pollInterval: pollIntervalMs, logger: quietLogger, events, taskList });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    slotIds,
    stop: async () => {
      await runner.stop().catch(() => undefined);
      await pool.end();
    },
  };
}
