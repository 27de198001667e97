import { afterAll, describe, expect, it } from "vitest";
import { evaluateDataset } from "@/lib/datasets/evaluate";
import { reportToAlphaCodium } from "@/lib/datasets/export/alphacodium";
import { reportToCsv } from "@/lib/datasets/export/csv";
import { formatReport } from "@/lib/datasets/format-report";
import { datasetReportSchema } from "@/lib/datasets/report-schema";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
const db = t.db;
afterAll(() => t.cleanup());

type Sample = "solved" | "wrong" | "timeout" | "crash" | "skipped";

/** A finished dataset run written row by row: what the runner and the flow would have left behind. */
async function seed(stopOnSolve: boolean, plan: Record<string, { difficulty: string; tags: string[]; samples: Sample[] }>) {
  const datasetRun = await db.datasetRun.create({
    data: { split: "test", mode: "flow", model: "m-1", provider: "custom", config: { a: 1 }, k: 3, stopOnSolve, status: "succeeded", filter: { configLabel: "cfg.yaml" } },
  });
  let index = 0;
  for (const [name, { difficulty, tags, samples }] of Object.entries(plan)) {
    const problem = await db.problem.create({
      data: { name: `${datasetRun.id}-${name}`, description: "d", split: "test", indexInSplit: index++, difficulty, tags, contentHash: name, privateTestCount: 1, generatedTestCount: 1 },
    });
    for (const [sampleIndex, sample] of samples.entries()) {
      let runId: string | null = null;
      if (sample !== "skipped") {
        const run = await db.run.create({
          data: {
            problemId: problem.id, datasetRunId: datasetRun.id, sampleIndex, provider: "custom", model: "m-1", config: {},
            status: sample === "crash" ? "failed" : "succeeded", solved: sample === "crash" ? null : sample === "solved",
            finalCode: sample === "crash" ? null : "print(1)", llmCalls: 10, promptTokens: 100, completionTokens: 50, costUsd: 0.01,
          },
        });
        runId = run.id;
        if (sample !== "crash") {
          const version = await db.codeVersion.create({ data: { runId, ordinal: 1, stage: "initial_code", language: "python3", code: "print(1)", reason: "initial" } });
          await db.run.update({ where: { id: runId }, data: { finalVersionId: version.id } });
          const verdicts: Record<string, string> = { private: "AC", generated: sample === "solved" ? "AC" : sample === "timeout" ? "TLE" : "WA", public: "AC" };
          for (const [testSet, verdict] of Object.entries(verdicts)) {
            await db.testResult.create({ data: { runId, codeVersionId: version.id, testSet, testIndex: 0, verdict, comparator: "tokens" } });
          }
        }
      }
      await db.job.create({
        data: {
          key: `${datasetRun.id}:${problem.id}:${sampleIndex}`, datasetRunId: datasetRun.id, problemId: problem.id, sampleIndex, runId,
          status: sample === "skipped" ? "skipped" : sample === "crash" ? "failed" : "done", error: sample === "crash" ? "LLM error" : null,
        },
      });
    }
  }
  return datasetRun.id;
}

describe("evaluateDataset", () => {
  it("computes the unbiased pass@k with crashed samples as failures and never drops a problem", async () => {
    const id = await seed(false, {
      p0: { difficulty: "A", tags: ["math"], samples: ["solved", "wrong", "solved"] },
      p1: { difficulty: "A", tags: ["math", "greedy"], samples: ["wrong", "timeout", "solved"] },
      p2: { difficulty: "B", tags: ["greedy"], samples: ["crash", "crash", "crash"] },
      p3: { difficulty: "B", tags: [], samples: ["wrong", "wrong", "wrong"] },
    });
    const report = datasetReportSchema.parse(await evaluateDataset(db, id));
    expect(report.estimator).toBe("unbiased");
    expect(report.problems).toBe(4);
    expect(report.solvedProblems).toBe(2);
    expect(report.crashedSamples).toBe(3);
    // pass@1 = (2/3 + 1/3 + 0 + 0) / 4; pass@2 = ((1 − 0/3) + (1 − 1/3) + 0 + 0) / 4; pass@3 = 2/4
    const [pass1, pass2, pass3] = report.passAtK.map((p) => p.value);
    expect(pass1).toBeCloseTo(0.25, 12);
    expect(pass2).toBeCloseTo(5 / 12, 12);
    expect(pass3).toBeCloseTo(0.5, 12);
    // AlphaCodium drops p2 (no solution at all): 2/3.
    expect(report.alphaCodium).toEqual({ passed: 2, failed: 1, excluded: 1, rate: 2 / 3 });
    expect(report.totals).toEqual({ llmCalls: 120, promptTokens: 1200, completionTokens: 600, costUsd: expect.closeTo(0.12, 9) });
    expect(report.perSolvedProblem?.llmCalls).toBe(60);
    expect(report.byDifficulty).toEqual([
      { group: "A", problems: 2, solved: 2, rate: 1 },
      { group: "B", problems: 2, solved: 0, rate: 0 },
    ]);
    expect(report.byTag.find((g) => g.group === "greedy")).toEqual({ group: "greedy", problems: 2, solved: 1, rate: 0.5 });
    expect(report.context).toMatchObject({ split: "test", model: "m-1", configLabel: "cfg.yaml", comparators: ["tokens"] });
    const p1 = report.problemReports[1].samples[1];
    expect(p1.generated).toEqual({ passed: 0, failed: 0, timeout: 1 });

    const text = formatReport(report);
    expect(text).toMatch(/pass@1 = 25\.0% \[split=test mode=flow model=m-1 config=cfg\.yaml#[0-9a-f]{12} comparator=tokens\]/);
    const csv = reportToCsv(report).trim().split("\n");
    expect(csv).toHaveLength(1 + 12);
    expect(csv[0]).toMatch(/^split,mode,model,config/);
    const layout = reportToAlphaCodium(report).test;
    expect(Object.keys(layout)).toEqual(["0", "1", "2", "3"]);
    expect(layout["2"]).toEqual({ iteration_0: {}, iteration_1: {}, iteration_2: {} });
    expect(layout["1"].iteration_1).toMatchObject({ solution: "print(1)", test_passed_private: 1, test_timeout_generate: 1, test_failed_generate: 0 });
  });

  it("uses the first-solve estimator when samples stopped at the first success", async () => {
    const id = await seed(true, {
      p0: { difficulty: "A", tags: [], samples: ["solved", "skipped", "skipped"] },
      p1: { difficulty: "A", tags: [], samples: ["crash", "solved", "skipped"] },
      p2: { difficulty: "A", tags: [], samples: ["wrong", "wrong", "wrong"] },
    });
    const report = await evaluateDataset(db, id);
    expect(report.estimator).toBe("first-solve");
    expect(report.passAtK.map((p) => p.value)).toEqual([1 / 3, 2 / 3, 2 / 3]);
    expect(report.complete).toBe(true);
    expect(Object.keys(reportToAlphaCodium(report).test["0"])).toEqual(["iteration_0"]);
  });
});
