import { splitTokens } from "../comparators/tokens";
import type { JudgeResult, TestCase } from "../schema";
import type { LabelledCase } from "./dataset";

/**
 * A program Codeforces rejected may still be right on every test the dataset stores (CodeContests keeps only
 * small tests). Such a disagreement is the data's, not the judge's, but only when the acceptance leaves no room
 * for judge leniency: every stored test ran, every output equals the expected one token for token (no float
 * tolerance, no case folding, no integer normalisation), far inside the time and memory limits.
 */
export const TIME_HEADROOM = 0.25;
export const MEMORY_HEADROOM = 0.5;

export type Unrevealed = { proven: true; detail: string } | { proven: false; reason: string };

export function largestInputBytes(tests: TestCase[]): number {
  return tests.reduce((max, t) => Math.max(max, Buffer.byteLength(t.input, "utf8")), 0);
}

function sameTokens(expected: string, actual: string): boolean {
  const want = splitTokens(expected);
  const got = splitTokens(actual);
  return want.length === got.length && want.every((token, i) => token === got[i]);
}

export function storedTestsCannotReveal(c: LabelledCase, result: JudgeResult): Unrevealed {
  // LLM labels were made by running these very tests, so a failure they do not reveal cannot explain those.
  if (c.group === "llm") return { proven: false, reason: "labelled on these same tests" };
  if (c.expectedPass || result.verdict !== "AC") return { proven: false, reason: "not an accepted incorrect program" };
  if (result.tests.length !== c.tests.length) return { proven: false, reason: "not every stored test ran" };
  const timeBudget = result.timeLimitMs * TIME_HEADROOM;
  const memoryBudgetKb = result.memoryLimitMb * 1024 * MEMORY_HEADROOM;
  for (const run of result.tests) {
    const test = c.tests[run.index];
    if (run.stdoutTruncated) return { proven: false, reason: `test ${run.index}: output too long to re-check` };
    if (!sameTokens(test.output, run.stdout)) return { proven: false, reason: `test ${run.index}: accepted only by the comparator's leniency` };
    if (run.timeMs > timeBudget) return { proven: false, reason: `test ${run.index}: ${run.timeMs} ms CPU is near the limit` };
    if (run.memoryKb > memoryBudgetKb) return { proven: false, reason: `test ${run.index}: ${Math.round(run.memoryKb / 1024)} MB is near the limit` };
  }
  const maxCpu = Math.max(0, ...result.tests.map((t) => t.timeMs));
  const maxMb = Math.round(Math.max(0, ...result.tests.map((t) => t.memoryKb)) / 1024);
  return {
    proven: true,
    detail: `exact output on all ${c.tests.length} stored tests, max CPU ${maxCpu} of ${result.timeLimitMs} ms, peak ${maxMb} MB; largest stored input ${largestInputBytes(c.tests)} bytes`,
  };
}
