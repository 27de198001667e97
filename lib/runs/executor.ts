import type { Db } from "@/lib/db/client";
import { RunConflictError, RunNotFoundError } from "./errors";
import { appendEvent, lastEvent } from "./event-store";
import { isTerminalEvent } from "./events";

/**
 * What actually runs a run (the flow engine's `runFlowById`, plugged in by the app or the CLI, so lib/runs never
 * imports lib/flow). It should emit `run_started` … `run_finished` and flush its writer before it settles.
 */
export type ExecuteRun = (runId: string, signal: AbortSignal) => Promise<unknown>;

type ActiveRun = { controller: AbortController; done: Promise<void> };

/** Process-wide, like the notifier, so the cancel route finds the controller the start route registered. */
const registryKey = Symbol.for("alphaflow.runs.executors");
const globalRegistry = globalThis as unknown as { [registryKey]?: Map<string, ActiveRun> };

function activeRuns(): Map<string, ActiveRun> {
  globalRegistry[registryKey] ??= new Map();
  return globalRegistry[registryKey];
}

export function isRunActive(runId: string): boolean {
  return activeRuns().has(runId);
}

/** Settles when the run's background execution (and its terminal bookkeeping) is over; undefined if not active. */
export function waitForRun(runId: string): Promise<void> | undefined {
  return activeRuns().get(runId)?.done;
}

/** Starts a queued run in the background and returns once it is registered (not when it ends). */
export function startRun(db: Db, runId: string, execute: ExecuteRun): Promise<void> {
  return launch(db, runId, execute, (status) => {
    if (status !== "queued") throw new RunConflictError(`run ${runId} is ${status}, not queued: resume it instead`);
  });
}

/** Starts an interrupted, failed, cancelled (or never started) run again; the flow skips finished stages. */
export function resumeRun(db: Db, runId: string, execute: ExecuteRun): Promise<void> {
  return launch(db, runId, execute, (status) => {
    if (status === "succeeded") throw new RunConflictError(`run ${runId} already succeeded`);
    if (status === "running") {
      throw new RunConflictError(`run ${runId} is running in another process (mark it interrupted first)`);
    }
  });
}

async function launch(db: Db, runId: string, execute: ExecuteRun, check: (status: string) => void): Promise<void> {
  const runs = activeRuns();
  if (runs.has(runId)) throw new RunConflictError(`run ${runId} is already running`);
  const controller = new AbortController();
  let release!: () => void;
  // Registered before the first await, so two concurrent starts cannot both pass the check.
  runs.set(runId, { controller, done: new Promise<void>((resolve) => (release = resolve)) });
  let seqAtStart: number;
  try {
    const run = await db.run.findUnique({ where: { id: runId }, select: { status: true, lastSeq: true } });
    if (!run) throw new RunNotFoundError(runId);
    check(run.status);
    seqAtStart = run.lastSeq;
  } catch (error) {
    runs.delete(runId);
    release();
    throw error;
  }
  void (async () => {
    let failure: unknown = null;
    try {
      await execute(runId, controller.signal);
    } catch (error) {
      failure = error;
    }
    try {
      await ensureTerminal(db, runId, seqAtStart, failure, controller.signal.aborted);
    } catch (error) {
      console.error(`run ${runId}: could not record its end:`, error);
    } finally {
      runs.delete(runId);
      release();
    }
  })();
}

/**
 * A run always ends with `run_finished`, whatever execute() did: subscribers wait for it, so a crash in the flow
 * must not leave their streams open.
 */
async function ensureTerminal(db: Db, runId: string, seqAtStart: number, failure: unknown, aborted: boolean) {
  const last = await lastEvent(db, runId);
  if (last && last.seq > seqAtStart && isTerminalEvent(last)) return;
  const message = failure === null ? "the run ended without a run_finished event" : errorMessage(failure);
  if (!aborted) await appendEvent(db, runId, { type: "error", message, fatal: true });
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  await appendEvent(db, runId, {
    type: "run_finished",
    status: aborted ? "cancelled" : "failed",
    solved: null,
    ...(!aborted && { error: message }),
    totals: {
      llmCalls: run.llmCalls,
      promptTokens: run.promptTokens,
      completionTokens: run.completionTokens,
      reasoningTokens: run.reasoningTokens,
      costUsd: run.costUsd,
      wallMs: Math.max(0, Date.now() - (run.startedAt ?? run.createdAt).getTime()),
    },
  });
}

export type CancelOutcome = "cancelling" | "cancelled";

/**
 * Cancels a run: an active one is aborted (it ends with `run_finished` cancelled shortly), one that is not
 * executing anywhere (queued, interrupted) is closed at once.
 */
export async function cancelRun(db: Db, runId: string): Promise<CancelOutcome> {
  const active = activeRuns().get(runId);
  if (active) {
    active.controller.abort(new Error("cancelled"));
    return "cancelling";
  }
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true, lastSeq: true } });
  if (!run) throw new RunNotFoundError(runId);
  if (run.status === "running") {
    throw new RunConflictError(`run ${runId} is executing in another process; cancel it there`);
  }
  if (run.status !== "queued" && run.status !== "interrupted") {
    throw new RunConflictError(`run ${runId} has already ${run.status === "succeeded" ? "succeeded" : run.status}`);
  }
  await ensureTerminal(db, runId, run.lastSeq, null, true);
  return "cancelled";
}

/**
 * Finds runs left `running` by a process that stopped (crash, kill, restart) and marks them interrupted, so they
 * can be resumed. A run counts as abandoned when this process is not executing it and its log has been silent
 * for `staleAfterMs`; a server that is the only executor can pass 0 at startup.
 */
export async function markInterruptedRuns(
  db: Db,
  options: { staleAfterMs?: number; now?: Date } = {},
): Promise<string[]> {
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  const now = (options.now ?? new Date()).getTime();
  const running = await db.run.findMany({
    where: { status: "running" },
    select: { id: true, createdAt: true, startedAt: true },
  });
  const marked: string[] = [];
  const heldByLiveWorkers = await runsHeldByLiveWorkers(db, running.map((run) => run.id), now);
  for (const run of running) {
    if (isRunActive(run.id) || heldByLiveWorkers.has(run.id)) continue;
    const last = await lastEvent(db, run.id);
    const lastActivity = last ? Date.parse(last.createdAt) : (run.startedAt ?? run.createdAt).getTime();
    if (now - lastActivity < staleAfterMs) continue;
    await appendEvent(db, run.id, {
      type: "error",
      message: "interrupted: the process running this run stopped; it can be resumed",
      interrupted: true,
    });
    marked.push(run.id);
  }
  return marked;
}

/** How long a worker's heartbeat vouches for the runs it holds (its reaper uses a shorter lease). */
const WORKER_SILENCE_MS = 60_000;

/**
 * Runs of dataset samples that a live `alphaflow worker` (any machine) is executing: a long silent stage there is
 * not a crash. When the worker does die, its reaper hands the sample to another worker, which resumes the run.
 */
async function runsHeldByLiveWorkers(db: Db, runIds: string[], now: number): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const jobs = await db.job.findMany({ where: { runId: { in: runIds }, status: "running", lockedBy: { not: null } }, select: { runId: true, lockedBy: true } });
  if (jobs.length === 0) return new Set();
  const live = await db.worker.findMany({
    where: { id: { in: jobs.map((job) => job.lockedBy!) }, stoppedAt: null, heartbeatAt: { gt: new Date(now - WORKER_SILENCE_MS) } },
    select: { id: true },
  });
  const liveIds = new Set(live.map((worker) => worker.id));
  return new Set(jobs.filter((job) => liveIds.has(job.lockedBy!)).map((job) => job.runId!));
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === "" ? "the run failed" : message;
}
