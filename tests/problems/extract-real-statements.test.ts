import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { extractProblemDraft } from "@/lib/problems/extract-examples";
import { missingShared, sharedFile } from "../helpers/shared-data";

const lines = (s: string) => s.split("\n").map((l) => l.trimEnd()).join("\n").trim();

describe.skipIf(missingShared("codecontests/test.jsonl"))("example extraction on real CodeContests statements", () => {
  type Row = { name: string; description: string; public_tests?: { input: string[]; output: string[] } };
  // Read in beforeAll: a skipped describe still runs its body to collect the tests.
  let rows: Row[] = [];
  let complete: Row[] = [];
  beforeAll(() => {
    rows = fs
      .readFileSync(sharedFile("codecontests/test.jsonl")!, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    complete = rows.filter((r) => r.public_tests);
  });

  it.each(["1575_A. Another Sorting Problem", "1575_F. Finding Expected Value", "1579_B. Shifting Sort", "1613_A. Long Comparison"])(
    "finds every public test input of %s",
    (name) => {
      const row = complete.find((r) => r.name === name)!;
      const draft = extractProblemDraft(row.description);
      expect(draft.warnings).not.toContain("no examples found: add the public tests by hand");
      // CodeContests stores public tests in its own order, so compare as sets.
      expect(draft.publicTests.map((t) => lines(t.input)).sort()).toEqual(row.public_tests!.input.map(lines).sort());
    },
  );

  it("decodes HTML entities left in scraped examples (1613_A outputs > and <)", () => {
    const draft = extractProblemDraft(complete.find((r) => r.name === "1613_A. Long Comparison")!.description);
    expect(draft.publicTests[0].output).toBe(">\n=\n<\n=\n<\n");
  });

  it("recovers the inputs of all 73 complete statements and most outputs verbatim", () => {
    let inputs = 0;
    let outputs = 0;
    for (const row of complete) {
      const got = new Map(extractProblemDraft(row.description).publicTests.map((t) => [lines(t.input), lines(t.output)]));
      const expected = row.public_tests!.input.map(lines);
      if (got.size !== expected.length || !expected.every((i) => got.has(i))) continue;
      inputs += 1;
      if (row.public_tests!.output.every((o, k) => got.get(expected[k]) === lines(o))) outputs += 1;
    }
    console.info(`inputs recovered for ${inputs}/${complete.length}, outputs identical for ${outputs}`);
    expect(inputs).toBe(complete.length);
    // The rest are problems with several valid answers, where the dataset's public output differs from the statement's.
    expect(outputs).toBeGreaterThanOrEqual(60);
  });

  it("finds no tests in statements whose Examples were removed, and says so", () => {
    const stripped = rows.find((r) => !r.public_tests)!;
    const draft = extractProblemDraft(stripped.description);
    expect(draft.publicTests).toEqual([]);
    expect(draft.warnings).toContain("no examples found: add the public tests by hand");
  });
});
