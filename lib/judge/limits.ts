import os from "node:os";
import type { Language } from "./languages/language";
import type { RunLimits } from "./sandbox/supervisor-reply";

const MB = 1 << 20;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

/** Used when neither the request nor the problem gives a time limit (AlphaCodium ran every test with 3 s). */
export const defaultTimeLimitMs = () => Math.round(envNumber("ALPHAFLOW_JUDGE_TIME_LIMIT_MS", 3000));
/** CodeContests' usual limit; the dataset copies here do not carry memory limits. */
export const defaultMemoryLimitMb = () => Math.round(envNumber("ALPHAFLOW_JUDGE_MEMORY_LIMIT_MB", 256));
/** Wall time is a multiple of CPU time so a program that sleeps instead of computing is still stopped. */
export const wallFactor = () => envNumber("ALPHAFLOW_JUDGE_WALL_FACTOR", 3);
export const outputLimitBytes = () => Math.round(envNumber("ALPHAFLOW_JUDGE_OUTPUT_LIMIT_MB", 16) * MB);
const STDERR_LIMIT_BYTES = 4 * MB;
const FILE_SIZE_LIMIT_BYTES = 64 * MB;

/** Concurrent test runs per process: one per core, so parallel tests do not distort each other's CPU time. */
export function slotCount(): number {
  return Math.max(1, Math.round(envNumber("ALPHAFLOW_JUDGE_SLOTS", os.availableParallelism())));
}

export function runLimits(language: Language, timeLimitMs: number, memoryLimitMb: number): RunLimits {
  return {
    cpuMs: timeLimitMs,
    wallMs: Math.round(Math.max(timeLimitMs * wallFactor(), timeLimitMs + 2000)),
    asBytes: (memoryLimitMb + language.memorySlackMb) * MB,
    stackBytes: memoryLimitMb * MB,
    fsizeBytes: FILE_SIZE_LIMIT_BYTES,
    nproc: language.maxProcesses,
    stdoutBytes: outputLimitBytes(),
    stderrBytes: STDERR_LIMIT_BYTES,
  };
}
