import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { importPath } from "@/lib/problems/import-source";
import { tempDatabase } from "../helpers/db";
import { missingShared, sharedFile } from "../helpers/shared-data";
import { flowScript, readRows, SMALL_FLOW_CONFIG } from "./flow-mock-script";

const root = path.resolve(import.meta.dirname, "..", "..");
const cli = path.join(root, "bin", "alphaflow.mjs");

/** Five real problems of the test split: the first three are scripted with a program that passes, the rest fail. */
const SOLVED = ["1575_A. Another Sorting Problem", "1579_A. Casimir's String Solitaire", "1582_A. Luntik and Concerts"];
const UNSOLVED = ["1580_A. Portal", "1581_A. CQXYM Count Permutations"];
const K = 3;
/** Judging 200 hidden tests per sample would dominate the test's time; the first ones score just as honestly. */
const HIDDEN_TESTS = 25;

function withHiddenTests(line: string, count: number): string {
  const row = JSON.parse(line) as { private_and_generated_tests: { input: string[]; output: string[] } };
  const hidden = row.private_and_generated_tests;
  return JSON.stringify({ ...row, private_and_generated_tests: { input: hidden.input.slice(0, count), output: hidden.output.slice(0, count) } });
}

type Progress = { done: number; running: number };
const PROGRESS_LINE = /^(\d+)\/(\d+) samples \(done (\d+), failed (\d+), skipped (\d+), running (\d+)\)/;

function startCli(args: string[], env: NodeJS.ProcessEnv, onProgress?: (p: Progress, child: ChildProcess) => void) {
  const child = spawn(cli, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk;
    for (const line of chunk.toString().split("\n")) {
      const match = PROGRESS_LINE.exec(line);
      if (match) onProgress?.({ done: Number(match[3]), running: Number(match[6]) }, child);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe.skipIf(missingShared("codecontests/test.jsonl"))("solve-dataset: killed with SIGKILL mid-run, then resumed", () => {
  const t = tempDatabase();
  let mock: MockLlm;
  let env: NodeJS.ProcessEnv;
  let configFile: string;

  beforeAll(async () => {
    const rows = readRows(sharedFile("codecontests/test.jsonl")!, [...SOLVED, ...UNSOLVED]);
    expect(rows).toHaveLength(5);
    const subset = path.join(t.dir, "five.jsonl");
    fs.writeFileSync(subset, rows.map(({ line }) => withHiddenTests(line, HIDDEN_TESTS)).join("\n"));
    await importPath(t.db, subset, { split: "test" });
    configFile = path.join(t.dir, "small.yaml");
    fs.writeFileSync(configFile, SMALL_FLOW_CONFIG);
    mock = await startMockLlm({ script: flowScript(rows.map(({ row }) => ({ row, solve: SOLVED.includes(row.name) }))), port: 0, latencyMs: 20, tokensPerSecond: 0 });
    env = { ...process.env, DATABASE_URL: t.url, OPENAI_BASE_URL: mock.baseUrl, OPENAI_API_KEY: "test-key", ALPHAFLOW_MODEL: "mock-model" };
    // The CLI migrates on start, which needs the database file free of other connections.
    await t.db.$disconnect();
  });

  afterAll(async () => {
    await mock?.close();
    await t.cleanup();
  });

  it("finishes with no finished sample redone and no LLM call paid twice", async () => {
    const first = startCli(["solve-dataset", "--split", "test", "--k", String(K), "--concurrency", "4", "--config", configFile], env, (p, child) => {
      if (p.done >= 2 && p.running >= 1 && child.exitCode === null) child.kill("SIGKILL");
    });
    const killed = await first.exited;
    expect(killed.signal, first.output().stderr).toBe("SIGKILL");

    const datasetRun = await t.db.datasetRun.findFirstOrThrow();
    const jobsAtKill = await t.db.job.findMany({ where: { datasetRunId: datasetRun.id } });
    const doneAtKill = jobsAtKill.filter((job) => job.status === "done");
    expect(jobsAtKill.filter((job) => job.status === "running").length).toBeGreaterThanOrEqual(1);
    const finishedRuns = await t.db.run.findMany({ where: { id: { in: doneAtKill.map((job) => job.runId!) } } });
    const paidAtKill = await t.db.llmCall.count({ where: { cacheHit: false } });
    const requestsAtKill = mock.chatRequests().length;
    // Calls in flight when the process died were sent but never stored: at most one per running sample.
    expect(requestsAtKill - paidAtKill).toBeGreaterThanOrEqual(0);
    expect(requestsAtKill - paidAtKill).toBeLessThanOrEqual(4);
    await t.db.$disconnect();

    const resumed = startCli(["solve-dataset", "--resume", datasetRun.id, "--json"], env);
    const exit = await resumed.exited;
    expect(exit.code, resumed.output().stderr).toBe(0);
    const result = JSON.parse(resumed.output().stdout) as {
      status: string;
      progress: { done: number; failed: number; skipped: number; total: number };
      passAtK: { k: number; value: number }[];
      solvedProblems: number;
    };
    expect(result.status).toBe("succeeded");
    // Solved problems stop after their first sample; the two unsolved ones run all three.
    expect(result.progress).toMatchObject({ total: 15, done: SOLVED.length + UNSOLVED.length * K, skipped: SOLVED.length * (K - 1), failed: 0 });
    expect(result.solvedProblems).toBe(3);
    expect(result.passAtK.map((p) => p.value)).toEqual([0.6, 0.6, 0.6]);

    // Samples finished before the kill were not run again: same run, same event log, same finish time.
    for (const run of finishedRuns) {
      const after = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
      expect(after.lastSeq).toBe(run.lastSeq);
      expect(after.finishedAt).toEqual(run.finishedAt);
      expect((await t.db.job.findFirstOrThrow({ where: { runId: run.id } })).status).toBe("done");
    }
    // Every request after the kill paid for a call that had not been paid before, and no call was paid twice.
    const paid = await t.db.llmCall.findMany({ where: { cacheHit: false }, select: { cacheKey: true } });
    expect(new Set(paid.map((call) => call.cacheKey)).size).toBe(paid.length);
    expect(mock.chatRequests().length - requestsAtKill).toBe(paid.length - paidAtKill);
    expect(await t.db.run.count()).toBe(result.progress.done);

    await t.db.$disconnect();
    const evaluation = startCli(["evaluate", datasetRun.id, "--json"], env);
    expect((await evaluation.exited).code).toBe(0);
    const report = JSON.parse(evaluation.output().stdout) as { problems: number; solvedProblems: number; alphaCodium: { rate: number } };
    expect(report).toMatchObject({ problems: 5, solvedProblems: 3, alphaCodium: { rate: 0.6 } });
    await t.db.$disconnect();
  });
});
