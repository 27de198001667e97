import type { Comparator } from "./comparators/comparator";
import type { Language } from "./languages/language";
import type { RawRun } from "./sandbox/session";
import type { RunLimits } from "./sandbox/supervisor-reply";
import type { TestCase, TestRunResult, Verdict } from "./schema";
import { signalName } from "./signals";

const SHOWN_OUTPUT_CHARS = 64 * 1024;
const ENOMEM = 12;

export interface Classified {
  verdict: Verdict;
  message?: string;
}

/** The run's own verdict, before comparing output: limits first, then crashes. null means a clean exit. */
export function runVerdict(run: RawRun, limits: RunLimits, memoryLimitMb: number, language: Language): Classified | null {
  const signal = run.signal === null ? null : signalName(run.signal);
  if (run.status === "ole") return { verdict: "OLE", message: `${run.overflow ?? "output"} exceeded its size limit` };
  if (run.status === "wall") return { verdict: "TLE", message: `wall time limit (${limits.wallMs} ms) exceeded` };
  if (signal === "SIGXCPU" || run.cpuMs > limits.cpuMs) {
    return { verdict: "TLE", message: `CPU time limit (${limits.cpuMs} ms) exceeded` };
  }
  if (run.execErrno === ENOMEM) return { verdict: "MLE", message: "the program does not fit in the memory limit" };
  const stderr = run.stderr.toString("utf8");
  const crashed = run.signal !== null || run.exitCode !== 0;
  if (crashed && (run.maxrssKb > memoryLimitMb * 1024 || language.outOfMemoryPattern.test(stderr))) {
    return { verdict: "MLE", message: `memory limit (${memoryLimitMb} MB) exceeded` };
  }
  if (run.maxrssKb > memoryLimitMb * 1024) {
    return { verdict: "MLE", message: `peak memory ${Math.round(run.maxrssKb / 1024)} MB over the ${memoryLimitMb} MB limit` };
  }
  if (signal === "SIGXFSZ") return { verdict: "RE", message: "SIGXFSZ: a file grew past the file-size limit" };
  if (signal !== null) return { verdict: "RE", message: `killed by ${signal}` };
  if (run.exitCode !== 0) return { verdict: "RE", message: `exit code ${run.exitCode}` };
  return null;
}

function shown(buffer: Buffer): { text: string; truncated: boolean } {
  const text = buffer.toString("utf8");
  return text.length > SHOWN_OUTPUT_CHARS
    ? { text: text.slice(0, SHOWN_OUTPUT_CHARS), truncated: true }
    : { text, truncated: false };
}

export async function testResult(
  index: number,
  test: TestCase,
  run: RawRun,
  context: { limits: RunLimits; memoryLimitMb: number; language: Language; comparator: Comparator },
): Promise<TestRunResult> {
  const stdout = shown(run.stdout);
  const stderr = shown(run.stderr);
  let classified = runVerdict(run, context.limits, context.memoryLimitMb, context.language);
  const checked = classified === null && test.output !== undefined;
  if (classified === null) {
    if (test.output === undefined) {
      classified = { verdict: "AC", message: "no expected output: judged on a clean run only" };
    } else {
      const comparison = await context.comparator.compare(test.output, run.stdout.toString("utf8"), test.input);
      classified = comparison.ok ? { verdict: "AC" } : { verdict: "WA", message: comparison.message };
    }
  }
  return {
    index,
    verdict: classified.verdict,
    timeMs: Math.round(run.cpuMs),
    wallMs: Math.round(run.wallMs),
    memoryKb: run.maxrssKb,
    stdout: stdout.text,
    stderr: stderr.text,
    stdoutTruncated: stdout.truncated || run.status === "ole",
    exitCode: run.exitCode,
    signal: run.signal === null ? null : signalName(run.signal),
    comparator: context.comparator.name,
    message: classified.message,
    checked,
  };
}

export function unrunResult(index: number, verdict: Verdict, comparator: string, message: string): TestRunResult {
  return {
    index,
    verdict,
    timeMs: 0,
    wallMs: 0,
    memoryKb: 0,
    stdout: "",
    stderr: "",
    stdoutTruncated: false,
    exitCode: null,
    signal: null,
    comparator,
    message,
    checked: false,
  };
}
