import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { importPath } from "@/lib/problems/import-source";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bad-"));
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.problem.deleteMany();
});

const good = (i: number) => JSON.stringify({ name: `P${i}`, description: "d", public_tests: { input: ["1\n"], output: ["1\n"] } });

function jsonl(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Every bad file here has good rows before the bad one: nothing of them may be stored. */
async function expectRejected(file: string, message: RegExp) {
  await expect(importPath(t.db, file)).rejects.toThrow(message);
  expect(await t.db.problem.count()).toBe(0);
  expect(await t.db.problemTest.count()).toBe(0);
}

describe("bad input is refused with its location and stores nothing", () => {
  it("malformed JSON on a line", async () => {
    await expectRejected(jsonl("malformed.jsonl", [good(1), good(2), '{"name": "P3", "description": '] ), /malformed\.jsonl line 3: malformed JSON/);
  });

  it("a row that is not an object", async () => {
    await expectRejected(jsonl("array-row.jsonl", [good(1), "[1, 2]"]), /line 2: expected one problem object per line/);
  });

  it("missing name or description", async () => {
    await expectRejected(jsonl("no-name.jsonl", [good(1), JSON.stringify({ description: "d" })]), /line 2: name: name is missing/);
    await expectRejected(jsonl("no-description.jsonl", [good(1), JSON.stringify({ name: "x" })]), /line 2: description: description is missing/);
  });

  it("wrong field types and unequal input/output lists", async () => {
    await expectRejected(
      jsonl("types.jsonl", [good(1), JSON.stringify({ name: "x", description: "d", public_tests: { input: [1], output: ["1"] } })]),
      /line 2: public_tests/,
    );
    await expectRejected(
      jsonl("lengths.jsonl", [good(1), JSON.stringify({ name: "x", description: "d", private_tests: { input: ["1", "2"], output: ["1"] } })]),
      /line 2: private_tests: 2 inputs but 1 outputs/,
    );
    await expectRejected(jsonl("difficulty.jsonl", [good(1), JSON.stringify({ name: "x", description: "d", difficulty: 99 })]), /line 2: difficulty 99/);
  });

  it("duplicate names within one file, naming both places", async () => {
    await expectRejected(jsonl("dupes.jsonl", [good(1), good(2), good(1)]), /line 3: duplicate problem name "P1" \(first seen at dupes\.jsonl line 1\)/);
  });

  it("a 50 MB line, without reading it into memory whole", async () => {
    const file = path.join(dir, "huge.jsonl");
    const fd = fs.openSync(file, "w");
    fs.writeSync(fd, `${good(1)}\n{"name": "big", "description": "`);
    const chunk = Buffer.alloc(1024 * 1024, "x");
    for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"}\n');
    fs.closeSync(fd);
    await expectRejected(file, /huge\.jsonl line 2: line is longer than 32 MB/);
  });

  it("malformed JSON documents say where", async () => {
    const file = path.join(dir, "broken.json");
    fs.writeFileSync(file, '{\n  "name": "x",\n  "description": "d",,\n}');
    await expectRejected(file, /broken\.json: malformed JSON at line 3/);
    fs.writeFileSync(file, "42");
    await expectRejected(file, /expected a problem object or an array/);
  });

  it("a bad item of a JSON array", async () => {
    const file = path.join(dir, "array.json");
    fs.writeFileSync(file, JSON.stringify([{ name: "a", description: "d" }, { name: "", description: "d" }]));
    await expectRejected(file, /array\.json item 1: name: name is empty/);
  });

  it("a missing path", async () => {
    await expect(importPath(t.db, path.join(dir, "nope.jsonl"))).rejects.toThrow(/no such file or folder/);
  });
});
