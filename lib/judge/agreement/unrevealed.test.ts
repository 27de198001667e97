import { describe, expect, it } from "vitest";
import type { JudgeResult, TestRunResult } from "../schema";
import type { LabelledCase } from "./dataset";
import { largestInputBytes, storedTestsCannotReveal } from "./unrevealed";

const tests = [
  { input: "3\n1 2 3\n", output: "6\n" },
  { input: "1\n7\n", output: "0.5 YES\n" },
];

function rejected(patch: Partial<LabelledCase> = {}): LabelledCase {
  return {
    group: "human-cpp",
    problem: { name: "1_A. Sum", description: "" },
    programId: "incorrect#0",
    origin: "Codeforces",
    language: "cpp",
    code: "",
    expectedPass: false,
    tests,
    publicCount: 1,
    ...patch,
  };
}

function run(index: number, stdout: string, patch: Partial<TestRunResult> = {}): TestRunResult {
  return {
    index,
    verdict: "AC",
    timeMs: 5,
    wallMs: 6,
    memoryKb: 4000,
    stdout,
    stderr: "",
    stdoutTruncated: false,
    exitCode: 0,
    signal: null,
    comparator: "tokens+float(0.00001)",
    checked: true,
    ...patch,
  };
}

function accepted(runs: TestRunResult[]): JudgeResult {
  return {
    verdict: "AC",
    passed: runs.length,
    failed: 0,
    sandbox: "bwrap",
    comparator: "tokens+float(0.00001)",
    language: "cpp",
    timeLimitMs: 2000,
    memoryLimitMb: 256,
    tests: runs,
  };
}

describe("storedTestsCannotReveal", () => {
  it("proves it when every output is token-identical and far inside the limits", () => {
    const proof = storedTestsCannotReveal(rejected(), accepted([run(0, "6"), run(1, "0.5  YES\n")]));
    expect(proof).toEqual({
      proven: true,
      detail: "exact output on all 2 stored tests, max CPU 5 of 2000 ms, peak 4 MB; largest stored input 8 bytes",
    });
  });

  it.each([
    ["float tolerance", [run(0, "6"), run(1, "0.500001 YES")], /leniency/],
    ["case folding", [run(0, "6"), run(1, "0.5 yes")], /leniency/],
    ["integer normalisation", [run(0, "06"), run(1, "0.5 YES")], /leniency/],
    ["an output too long to re-check", [run(0, "6"), run(1, "0.5 YES", { stdoutTruncated: true })], /too long/],
    ["CPU time near the limit", [run(0, "6", { timeMs: 900 }), run(1, "0.5 YES")], /near the limit/],
    ["memory near the limit", [run(0, "6"), run(1, "0.5 YES", { memoryKb: 200 * 1024 })], /near the limit/],
    ["a test that did not run", [run(0, "6")], /not every stored test ran/],
  ])("refuses when acceptance relied on %s", (_why, runs, reason) => {
    const proof = storedTestsCannotReveal(rejected(), accepted(runs));
    expect(proof.proven).toBe(false);
    if (!proof.proven) expect(proof.reason).toMatch(reason);
  });

  it("never explains LLM labels, which were made on these same tests", () => {
    const proof = storedTestsCannotReveal(rejected({ group: "llm" }), accepted([run(0, "6"), run(1, "0.5 YES")]));
    expect(proof.proven).toBe(false);
  });

  it("never explains a correct program the judge rejected", () => {
    const result = { ...accepted([run(0, "6"), run(1, "1 NO", { verdict: "WA" })]), verdict: "WA" as const };
    expect(storedTestsCannotReveal(rejected({ expectedPass: true }), result).proven).toBe(false);
  });

  it("measures inputs in bytes", () => {
    expect(largestInputBytes([{ input: "é\n" }, { input: "ab" }])).toBe(3);
  });
});
