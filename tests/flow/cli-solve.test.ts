import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { tempDatabase } from "../helpers/db";
import { rightSum, solvingSumStages, sumProblem } from "./sum-scenario";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..", "..");

describe("npx alphaflow solve", () => {
  const t = tempDatabase();
  let mock: MockLlm;
  let problemFile: string;
  beforeAll(async () => {
    mock = await startMockLlm({
      port: 0,
      script: {
        stages: solvingSumStages,
      },
    });
    problemFile = path.join(t.dir, "problem.json");
    const tests = (list: { input: string; output: string }[]) => ({ input: list.map((x) => x.input), output: list.map((x) => x.output) });
    fs.writeFileSync(
      problemFile,
      JSON.stringify({ name: sumProblem.name, description: sumProblem.description, public_tests: tests(sumProblem.publicTests), private_tests: tests(sumProblem.hiddenTests) }),
    );
  });
  afterAll(async () => {
    await mock.close();
    await t.cleanup();
  });

  const env = () => ({ ...process.env, DATABASE_URL: t.url, OPENAI_BASE_URL: mock.baseUrl, OPENAI_API_KEY: "k", ALPHAFLOW_MODEL: "mock-model" });

  it("solves a problem file and prints the contract's JSON, with progress on stderr", async () => {
    const config = path.join(t.dir, "config.yaml");
    fs.writeFileSync(config, "ai_tests:\n  count: 3\ninitial_code:\n  concurrency: 1\n");
    const { stdout, stderr } = await run("node", ["bin/alphaflow.mjs", "solve", "--problem-file", problemFile, "--config", config, "--json"], { cwd: ROOT, env: env() });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      status: "succeeded",
      solved: true,
      code: rightSum,
      language: "python3",
      llmCalls: 5,
      tests: { public: { passed: 2, failed: 0 }, ai: { passed: 3, failed: 0 }, private: { passed: 3, failed: 0 } },
    });
    expect(result.tokens.prompt).toBeGreaterThan(0);
    expect(stderr).toContain("▶ problem reflection");
    expect(stderr).toMatch(/public tests \(v\d+\): 2\/2 passed/);
  });

  it("rejects bad input with a one-line reason", async () => {
    const failure = await run("node", ["bin/alphaflow.mjs", "solve", "--problem", "x", "--problem-file", problemFile], { cwd: ROOT, env: env() }).catch((e) => e);
    expect(failure.code).toBe(2);
    expect(failure.stderr.trim()).toBe("alphaflow: give exactly one of --problem NAME or --problem-file FILE");
  });
});
