import { afterAll, describe, expect, it } from "vitest";
import { appendEvent } from "@/lib/runs/event-store";
import { RunInputError, RunNotFoundError } from "@/lib/runs/errors";
import { createRun, getRunDetail, listRuns } from "@/lib/runs/service";
import { tempDatabase } from "../helpers/db";
import { runFinished } from "./fixtures";

const t = tempDatabase();
afterAll(() => t.cleanup());

const pasted = {
  name: "A plus B",
  description: "Read two integers and print their sum.",
  public_tests: { input: ["1 2\n"], output: ["3\n"] },
};

describe("run service", () => {
  it("creates a queued run on a pasted problem saved with source pasted, and reuses it when pasted again", async () => {
    const first = await createRun(t.db, { problem: pasted, model: "m1", provider: "mock" });
    const again = await createRun(t.db, { problem: pasted, model: "m1", provider: "mock", language: "cpp" });
    expect(again.problemId).toBe(first.problemId);
    const problem = await t.db.problem.findUniqueOrThrow({ where: { id: first.problemId }, include: { tests: true } });
    expect(problem).toMatchObject({ source: "pasted", publicTestCount: 1 });
    expect(problem.tests).toEqual([expect.objectContaining({ kind: "public", input: "1 2\n", output: "3\n" })]);
    const changed = await createRun(t.db, { problem: { ...pasted, description: "Print a-b." }, model: "m1", provider: "mock" });
    expect(changed.problemId).not.toBe(first.problemId);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: again.runId } });
    expect(run).toMatchObject({ status: "queued", mode: "flow", language: "cpp", model: "m1", provider: "mock" });
  });

  it("answers bad input with RunInputError naming the field", async () => {
    await expect(createRun(t.db, { model: "m", provider: "p" })).rejects.toThrow(/exactly one of problemId and problem/);
    await expect(createRun(t.db, { problemId: "nope", model: "m", provider: "p" })).rejects.toThrow(/no problem with id or name "nope"/);
    await expect(createRun(t.db, { problem: { name: "x" }, model: "m", provider: "p" })).rejects.toThrow(RunInputError);
    await expect(createRun(t.db, { problem: pasted, model: "m", provider: "p", mode: "bogus" as never })).rejects.toThrow(/^mode:/);
    await expect(createRun(t.db, { problem: pasted, model: "m", provider: "p", forkFromStage: "reflect" })).rejects.toThrow(/parentRunId/);
  });

  it("returns the run detail with stages, calls, versions and test results, or RunNotFoundError", async () => {
    const { runId } = await createRun(t.db, { problem: pasted, model: "m", provider: "mock" });
    await t.db.stageResult.create({ data: { runId, key: "reflect", stage: "reflect", status: "finished", output: { a: 1 } } });
    const version = await t.db.codeVersion.create({
      data: { runId, ordinal: 1, stage: "initial_code", language: "python3", code: "print(3)", reason: "initial code" },
    });
    await t.db.testResult.create({ data: { runId, codeVersionId: version.id, testSet: "public", testIndex: 0, verdict: "AC", comparator: "tokens" } });
    await appendEvent(t.db, runId, runFinished("failed"));
    const detail = await getRunDetail(t.db, runId);
    expect(detail).toMatchObject({ id: runId, status: "failed", active: false, resumable: true, problem: { name: "A plus B" } });
    expect(detail.stages.map((s) => s.key)).toEqual(["reflect"]);
    expect(detail.codeVersions.map((v) => v.reason)).toEqual(["initial code"]);
    expect(detail.testResults.map((r) => r.verdict)).toEqual(["AC"]);
    await expect(getRunDetail(t.db, "missing")).rejects.toThrow(RunNotFoundError);
  });

  it("lists runs newest first with problem, model, status and date filters and pages", async () => {
    const listed = await createRun(t.db, { problem: { ...pasted, name: "Listing problem" }, model: "special-model", provider: "mock" });
    const all = await listRuns(t.db, {});
    expect(all.runs[0].id).toBe(listed.runId);
    expect(all.runs[0]).not.toHaveProperty("config");
    expect((await listRuns(t.db, { model: "special-model" })).runs.map((r) => r.id)).toEqual([listed.runId]);
    expect((await listRuns(t.db, { problem: "Listing" })).total).toBe(1);
    expect((await listRuns(t.db, { problem: listed.problemId })).total).toBe(1);
    expect((await listRuns(t.db, { status: "failed" })).runs.every((r) => r.status === "failed")).toBe(true);
    expect((await listRuns(t.db, { from: "2999-01-01" })).total).toBe(0);
    const page2 = await listRuns(t.db, { pageSize: "2", page: "2" });
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page2.runs.map((r) => r.id)).toEqual(all.runs.slice(2, 4).map((r) => r.id));
    await expect(listRuns(t.db, { status: "weird" as never })).rejects.toThrow(/^status:/);
    await expect(listRuns(t.db, { from: "not a date" })).rejects.toThrow(/^from:/);
  });
});
