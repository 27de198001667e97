import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { judge } from "@/lib/judge";
import { findBwrap } from "@/lib/judge/sandbox/mode";
import { missingShared, sharedFile } from "../helpers/shared-data";

interface Row {
  name: string;
  description: string;
  time_limit?: number | null;
  private_and_generated_tests?: { input: string[]; output: string[] } | null;
  llm_solutions?: { code: string; passed_all_tests: boolean }[] | null;
}

/** A fast slice of scripts/judge-agreement.ts: a few labelled solutions of each kind on their full hidden tests. */
function sample(perLabel: number) {
  const rows: Row[] = fs
    .readFileSync(sharedFile("codecontests/test.jsonl")!, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
  const picked: { row: Row; code: string; label: boolean }[] = [];
  for (const label of [true, false]) {
    let taken = 0;
    for (const row of rows) {
      const tests = row.private_and_generated_tests?.input.length ?? 0;
      if (tests === 0 || tests > 220 || taken >= perLabel) continue;
      const solution = row.llm_solutions?.find((s) => s.passed_all_tests === label && s.code.trim() !== "");
      if (!solution) continue;
      picked.push({ row, code: solution.code, label });
      taken++;
    }
  }
  return picked;
}

const skip = missingShared("codecontests/test.jsonl") || (!findBwrap() && "skipped: bubblewrap is not installed");

describe.skipIf(skip)("agreement with the external harness's labels (sample)", () => {
  it("judges labelled solutions the way their labels say", async () => {
    const cases = sample(5);
    expect(cases.length).toBe(10);
    const disagreements: string[] = [];
    for (const c of cases) {
      const hidden = c.row.private_and_generated_tests!;
      const result = await judge({
        language: "python3",
        code: c.code,
        tests: hidden.input.map((input, i) => ({ input, output: hidden.output[i] })),
        timeLimitMs: c.row.time_limit ? Math.round(c.row.time_limit * 1000) : undefined,
        problemStatement: c.row.description,
        stopOnFirstFailure: true,
      });
      if ((result.verdict === "AC") !== c.label) disagreements.push(`${c.row.name}: label ${c.label}, judge ${result.verdict}`);
    }
    expect(disagreements).toEqual([]);
  });
});
