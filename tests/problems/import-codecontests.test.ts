import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importPath } from "@/lib/problems/import-source";
import { getProblem } from "@/lib/problems/repository";
import { searchProblems } from "@/lib/problems/search";
import { tempDatabase } from "../helpers/db";
import { missingShared, sharedFile } from "../helpers/shared-data";

describe.skipIf(missingShared("codecontests/test.jsonl"))("importing the real CodeContests test split", () => {
  const file = sharedFile("codecontests/test.jsonl")!;
  const t = tempDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-cc-"));
  afterAll(async () => {
    await t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("imports 165 problems, 73 with hidden tests, in seconds", async () => {
    const started = Date.now();
    const summary = await importPath(t.db, file);
    const ms = Date.now() - started;
    console.info(`imported test.jsonl (165 problems, ${summary.hiddenTests} hidden tests) in ${ms} ms`);
    expect(summary).toMatchObject({ total: 165, imported: 165, updated: 0, unchanged: 0, withHiddenTests: 73 });
    expect(summary.hiddenTests).toBeGreaterThan(14_000);
    expect(ms).toBeLessThan(60_000);
    expect(await t.db.problem.count()).toBe(165);
    expect(await t.db.problemTest.count({ where: { kind: { not: "public" } } })).toBe(summary.hiddenTests);
    expect((await searchProblems(t.db, { hasHidden: true })).total).toBe(73);
  });

  it("keeps the dataset's fields: split order, difficulty letter, tags, time limit, labelled LLM solutions", async () => {
    const p = await getProblem(t.db, "1575_A. Another Sorting Problem", { hidden: true });
    expect(p).toMatchObject({
      split: "test",
      indexInSplit: 0,
      difficulty: "A",
      timeLimitMs: 2000,
      cfContestId: 1575,
      cfIndex: "A",
      tags: ["data structures", "sortings", "strings"],
      publicTests: [{ input: "5 2\nAA\nAB\nBB\nBA\nAZ\n", output: "5 2 1 3 4 \n" }],
    });
    expect(p!.privateTests.length).toBe(200);
    expect(p!.solutions.length).toBeGreaterThan(0);
    expect(p!.solutions.every((s) => s.language === "python3" && typeof s.passed === "boolean")).toBe(true);
    const first = await searchProblems(t.db, { pageSize: 3 });
    expect(first.items.map((i) => i.indexInSplit)).toEqual([0, 1, 2]);
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await t.db.problem.findFirstOrThrow({ where: { name: "1575_A. Another Sorting Problem" } });
    const summary = await importPath(t.db, file);
    expect(summary).toMatchObject({ total: 165, imported: 0, updated: 0, unchanged: 165 });
    const after = await t.db.problem.findFirstOrThrow({ where: { name: before.name } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.id).toBe(before.id);
  });

  it("a changed problem is updated in place with its tests replaced", async () => {
    const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
    const row = JSON.parse(lines[0]);
    row.public_tests = { input: ["1 1\nA\n"], output: ["1\n"] };
    row.private_and_generated_tests = { input: ["2 1\nB\nA\n"], output: ["2 1\n"] };
    const edited = path.join(dir, "edited.jsonl");
    fs.writeFileSync(edited, [JSON.stringify(row), ...lines.slice(1)].join("\n"));
    const before = await t.db.problem.findFirstOrThrow({ where: { name: row.name } });
    const summary = await importPath(t.db, edited);
    expect(summary).toMatchObject({ imported: 0, updated: 1, unchanged: 164 });
    const p = await getProblem(t.db, row.name, { hidden: true });
    expect(p!.id).toBe(before.id);
    expect(p!.publicTests).toEqual([{ input: "1 1\nA\n", output: "1\n" }]);
    expect(p!.privateTests).toEqual([{ input: "2 1\nB\nA\n", output: "2 1\n" }]);
    expect(p!.counts).toEqual({ public: 1, private: 1, generated: 0 });
    expect(await t.db.problemTest.count({ where: { problemId: before.id } })).toBe(2);
  });
});
