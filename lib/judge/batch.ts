import type { PreparedProgram } from "./languages/language";
import { SANDBOX_ATTEMPTS } from "./sandbox/retry";
import { SandboxError, SandboxSession, type RawRun, type RunRequest } from "./sandbox/session";
import type { SandboxKind } from "./schema";
import { judgeSlots } from "./slots";

export class ProgramCompileError extends Error {}

export interface BatchOptions<T> {
  sandbox: SandboxKind;
  program: PreparedProgram;
  count: number;
  request: (index: number) => RunRequest;
  /** Turns a finished run into a result; returns whether the test failed (for stop-on-first-failure). */
  settle: (index: number, run: RawRun) => Promise<{ result: T; failed: boolean }>;
  /** A test whose sandbox failed SANDBOX_ATTEMPTS times in a row. */
  sandboxFailure: (index: number, error: SandboxError) => T;
  stopOnFirstFailure: boolean;
  signal?: AbortSignal;
}

/**
 * Runs one program's tests concurrently: one sandbox session per worker, workers limited by the process-wide
 * slot pool. A sandbox failure restarts the worker's session and retries the test; results keep test order.
 */
export async function runBatch<T>(options: BatchOptions<T>): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = new Array(options.count);
  const slots = judgeSlots();
  const workers = Math.max(1, Math.min(options.count, slots.size));
  let next = 0;
  let stopped = false;
  const sessions: SandboxSession[] = [];

  const freshSession = async (): Promise<SandboxSession> => {
    const session = new SandboxSession(options.sandbox, options.program.mounts);
    sessions.push(session);
    const started = await session.start(options.program.config);
    if (!started.ok) throw new ProgramCompileError(started.compileError);
    return session;
  };

  const worker = async () => {
    try {
      await work();
    } catch (error) {
      stopped = true;
      throw error;
    }
  };

  const work = async () => {
    let session: SandboxSession | null = null;
    while (!stopped && next < options.count) {
      options.signal?.throwIfAborted();
      const index = next++;
      const release = await slots.acquire(options.signal);
      try {
        let lastError: SandboxError | null = null;
        for (let attempt = 0; attempt < SANDBOX_ATTEMPTS; attempt++) {
          try {
            if (!session?.alive) session = await freshSession();
            const run = await session.run(options.request(index));
            const { result, failed } = await options.settle(index, run);
            results[index] = result;
            if (failed && options.stopOnFirstFailure) stopped = true;
            lastError = null;
            break;
          } catch (error) {
            options.signal?.throwIfAborted();
            if (!(error instanceof SandboxError)) throw error;
            lastError = error;
            await session?.close(true);
            session = null;
          }
        }
        if (lastError) {
          results[index] = options.sandboxFailure(index, lastError);
          if (options.stopOnFirstFailure) stopped = true;
        }
      } finally {
        release();
      }
    }
  };

  const onAbort = () => void Promise.all(sessions.map((s) => s.close(true)));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const outcomes = await Promise.allSettled(Array.from({ length: workers }, worker));
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failure) throw failure.reason;
    return results;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    await Promise.all(sessions.map((s) => s.close()));
  }
}
