import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { importPath } from "@/lib/problems/import-source";
import { getProblem } from "@/lib/problems/repository";
import { tempDatabase } from "../helpers/db";
import { deepmindRow, processedRow, writeDeepmindParquet, writeSaveToDisk } from "./fixtures";

const t = tempDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-formats-"));
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.problem.deleteMany();
});

describe("Hugging Face save_to_disk folder (Arrow IPC streams)", () => {
  const folder = path.join(dir, "valid_and_test_processed");
  writeSaveToDisk(folder, {
    valid: [[processedRow(0), processedRow(1)]],
    test: [[processedRow(2)], [processedRow(3, { generatedValid: [false], time_limit: null })]],
  });

  it("imports every split with its tests, limits, difficulty and string-coded solutions", async () => {
    const summary = await importPath(t.db, folder);
    expect(summary).toMatchObject({ total: 4, imported: 4, withHiddenTests: 4 });
    const p = await getProblem(t.db, processedRow(3).name, { hidden: true });
    expect(p).toMatchObject({
      split: "test",
      indexInSplit: 1,
      difficulty: "A",
      source: "codeforces",
      cfContestId: 1003,
      cfIndex: "A",
      timeLimitMs: null,
      memoryLimitMb: 256,
      tags: ["math", "implementation"],
      publicTests: [{ input: "1 3\n", output: "4\n" }],
      generatedTests: [],
    });
    expect(p!.privateTests).toHaveLength(2);
    expect(p!.solutions.map((s) => s.language)).toEqual(["python3", "cpp"]);
    const first = await getProblem(t.db, processedRow(0).name, { hidden: true });
    expect(first).toMatchObject({ split: "valid", indexInSplit: 0, timeLimitMs: 1500, generatedTests: [{ input: "4 0\n", output: "4\n" }] });
  });

  it("imports one split with --split", async () => {
    const summary = await importPath(t.db, folder, { split: "test" });
    expect(summary.total).toBe(2);
    expect(await t.db.problem.count({ where: { split: "valid" } })).toBe(0);
  });

  it("names a missing split and a folder that is not a dataset", async () => {
    await expect(importPath(t.db, folder, { split: "train" })).rejects.toThrow(/no split "train" \(splits: valid, test\)/);
    const empty = fs.mkdtempSync(path.join(dir, "empty-"));
    await expect(importPath(t.db, empty)).rejects.toThrow(/neither a datasets.save_to_disk folder/);
  });

  it("rejects a corrupt Arrow file naming it, and stores nothing", async () => {
    const broken = path.join(dir, "broken");
    writeSaveToDisk(broken, { test: [[processedRow(5)], [processedRow(6)]] });
    fs.writeFileSync(path.join(broken, "test", "data-00001-of-00002.arrow"), "not arrow at all");
    await expect(importPath(t.db, broken)).rejects.toThrow(/data-00001-of-00002\.arrow/);
    expect(await t.db.problem.count()).toBe(0);
  });
});

describe("parquet (deepmind/code_contests layout)", () => {
  const shards = path.join(dir, "code_contests", "data");
  fs.mkdirSync(shards, { recursive: true });
  writeDeepmindParquet(path.join(shards, "test-00000-of-00002-aaaa.parquet"), [deepmindRow(10), deepmindRow(11), deepmindRow(12)]);
  writeDeepmindParquet(path.join(shards, "test-00001-of-00002-bbbb.parquet"), [deepmindRow(13)]);
  writeDeepmindParquet(path.join(shards, "valid-00000-of-00001-cccc.parquet"), [deepmindRow(14, { time_limit: null })]);

  it("reads a single file across row groups with int-coded languages and labelled solutions", async () => {
    const summary = await importPath(t.db, path.join(shards, "test-00000-of-00002-aaaa.parquet"));
    expect(summary).toMatchObject({ total: 3, imported: 3, hiddenTests: 9 });
    const p = await getProblem(t.db, deepmindRow(12).name, { hidden: true });
    expect(p).toMatchObject({ split: "test", indexInSplit: 2, difficulty: "A", timeLimitMs: 1500, memoryLimitMb: 256, cfRating: 800 });
    expect(p!.solutions).toEqual([
      { language: "python3", code: "print(sum(map(int, input().split())))", passed: true, origin: "dataset" },
      { language: "cpp", code: "int main(){}", passed: true, origin: "dataset" },
      { language: "python2", code: "print 0", passed: false, origin: "dataset" },
    ]);
  });

  it("reads a folder of shards, numbering each split across its shards, and filters by split", async () => {
    expect((await importPath(t.db, path.join(dir, "code_contests"))).total).toBe(5);
    expect((await getProblem(t.db, deepmindRow(13).name))!.indexInSplit).toBe(3);
    expect((await getProblem(t.db, deepmindRow(14).name))!.split).toBe("valid");
    await t.db.problem.deleteMany();
    expect((await importPath(t.db, path.join(dir, "code_contests"), { split: "valid" })).total).toBe(1);
  });

  it("rejects a file that is not parquet", async () => {
    const fake = path.join(dir, "fake.parquet");
    fs.writeFileSync(fake, "PAR1 but not really");
    await expect(importPath(t.db, fake)).rejects.toThrow(/fake\.parquet: is not a parquet file/);
  });
});

describe("JSON documents", () => {
  it("imports AlphaCodium's my_problem_example.json shape and a JSON array", async () => {
    const single = path.join(dir, "my_problem_example.json");
    fs.writeFileSync(
      single,
      JSON.stringify(
        {
          name: "My problem",
          description: "Echo the input.",
          public_tests: { input: ["1\n"], output: ["1\n"], is_valid_test: null },
          private_tests: { input: ["2\n"], output: ["2\n"] },
          generated_tests: { input: ["3\n", "4\n"], output: ["3\n", "4\n"], is_valid_test: [true, false] },
        },
        null,
        2,
      ),
    );
    expect(await importPath(t.db, single)).toMatchObject({ total: 1, hiddenTests: 2 });
    const array = path.join(dir, "many.json");
    fs.writeFileSync(array, JSON.stringify([{ name: "x", description: "d" }, { name: "y", description: "d", publicTests: [{ input: "", output: "0\n" }] }]));
    expect(await importPath(t.db, array)).toMatchObject({ total: 2, imported: 2, publicTests: 1 });
  });
});
