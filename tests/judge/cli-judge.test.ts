import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findBwrap } from "@/lib/judge/sandbox/mode";
import { tempDatabase } from "../helpers/db";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "alphaflow.mjs");
const t = tempDatabase();
afterAll(() => t.cleanup());

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run("node", [BIN, ...args], { env: { ...process.env, DATABASE_URL: t.url }, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("alphaflow judge", () => {
  const code = path.join(t.dir, "double.py");
  fs.writeFileSync(code, "print(int(input()) * 2)\n");
  const testsFile = path.join(t.dir, "tests.json");
  fs.writeFileSync(testsFile, JSON.stringify({ input: ["21\n", "2\n"], output: ["42\n", "5\n"] }));

  it("judges a tests file and prints the contract's JSON", async () => {
    const { code: exit, stdout } = await cli(["judge", "--lang", "python3", "--code", code, "--tests", testsFile, "--json"]);
    expect(exit).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ verdict: "WA", passed: 1, failed: 1 });
    expect(result.tests[0]).toMatchObject({ index: 0, verdict: "AC", stdout: "42\n" });
    expect(typeof result.tests[0].timeMs).toBe("number");
    expect(typeof result.tests[0].memoryKb).toBe("number");
  });

  it("judges a stored problem's chosen test set with its time limit", async () => {
    await t.db.problem.create({
      data: {
        name: "double it",
        description: "print twice the number",
        tags: [],
        contentHash: "h",
        timeLimitMs: 1500,
        tests: {
          create: [
            { kind: "public", index: 0, input: "1\n", output: "2\n" },
            { kind: "private", index: 0, input: "3\n", output: "6\n" },
            { kind: "generated", index: 0, input: "4\n", output: "9\n" },
          ],
        },
      },
    });
    const all = JSON.parse((await cli(["judge", "--lang", "python3", "--code", code, "--problem", "double it", "--json"])).stdout);
    expect(all).toMatchObject({ verdict: "WA", passed: 2, failed: 1, timeLimitMs: 1500 });
    const pub = await cli(["judge", "--lang", "python3", "--code", code, "--problem", "double it", "--set", "public"]);
    expect(pub.code).toBe(0);
    expect(pub.stdout).toMatch(/^AC: 1 passed, 0 failed/m);
  });

  it("fails with a one-line reason on bad input", async () => {
    const missing = await cli(["judge", "--lang", "python3", "--code", code, "--problem", "no such problem"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim(), missing.stderr).toBe('alphaflow: no problem named "no such problem" (see alphaflow problems --search)');
    const lang = await cli(["judge", "--lang", "ruby", "--code", code, "--tests", testsFile]);
    expect(lang.code).not.toBe(0);
    expect(lang.stderr).toMatch(/--lang must be one of python3, cpp/);
  });
});
