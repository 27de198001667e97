import os from "node:os";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDatasetRun } from "@/lib/datasets/create-dataset-run";
import type { JobExecutor } from "@/lib/datasets/job-executor";
import { readProgress } from "@/lib/datasets/progress";
import { DbJobQueue } from "@/lib/datasets/queue/db-queue";
import { runDatasetRun } from "@/lib/datasets/runner";
import { datasetRunRequestSchema, type DatasetRunRequestInput } from "@/lib/datasets/schema";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
const db = t.db;
afterAll(() => t.cleanup());

const SETTINGS = { config: { mode: "flow" }, model: "test-model", provider: "custom" };

async function seedProblems(split: string, count: number, hidden = 2): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const problem = await db.problem.create({
      data: { name: `${split}-p${i}`, description: "d", split, indexInSplit: i, tags: [], contentHash: `${split}${i}`, privateTestCount: hidden },
    });
    ids.push(problem.id);
  }
  return ids;
}

async function start(input: DatasetRunRequestInput) {
  return createDatasetRun(db, datasetRunRequestSchema.parse(input), SETTINGS);
}

/** An executor that records a finished Run per job; `solves(problemIndex, sample)` decides the outcome. */
function recordingExecutor(solves: (problemName: string, sample: number) => boolean | "crash", delayMs = 5) {
  const executed: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const execute: JobExecutor = async (job, context) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const problem = await db.problem.findUniqueOrThrow({ where: { id: job.problemId } });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (context.signal.aborted) return { kind: "interrupted", runId: null };
      const outcome = solves(problem.name, job.sampleIndex);
      executed.push(`${problem.name}#${job.sampleIndex}`);
      const run = await db.run.create({
        data: {
          problemId: job.problemId,
          datasetRunId: job.datasetRunId,
          sampleIndex: job.sampleIndex,
          provider: "custom",
          model: "test-model",
          config: {},
          status: outcome === "crash" ? "failed" : "succeeded",
          solved: outcome === "crash" ? null : outcome,
        },
      });
      await context.attachRun(run.id);
      if (outcome === "crash") return { kind: "finished", runId: run.id, status: "failed", solved: null, error: "boom" };
      return { kind: "finished", runId: run.id, status: "succeeded", solved: outcome, error: null };
    } finally {
      inFlight -= 1;
    }
  };
  return { execute, executed, maxInFlight: () => maxInFlight };
}

describe("dataset runner on the embedded queue", () => {
  beforeEach(async () => {
    await db.job.deleteMany();
    await db.run.deleteMany();
    await db.datasetRun.deleteMany();
  });

  it("runs every (problem, sample) once within the concurrency bound", async () => {
    await seedProblems("a", 5);
    const { datasetRunId, jobs } = await start({ split: "a", k: 3, concurrency: 3, stopOnSolve: false });
    expect(jobs).toBe(15);
    const executor = recordingExecutor(() => false);
    const progress: number[] = [];
    const result = await runDatasetRun(db, datasetRunId, { execute: executor.execute, tickMs: 50, onProgress: (p) => progress.push(p.done + p.failed) });
    expect(result.status).toBe("succeeded");
    expect(executor.executed).toHaveLength(15);
    expect(new Set(executor.executed).size).toBe(15);
    expect(executor.maxInFlight()).toBeLessThanOrEqual(3);
    expect(executor.maxInFlight()).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(15);
    expect(result.progress.etaMs).toBeNull();

    const again = recordingExecutor(() => false);
    expect((await runDatasetRun(db, datasetRunId, { execute: again.execute })).status).toBe("succeeded");
    expect(again.executed).toHaveLength(0);
  });

  it("stops a problem's later samples once one solves it, in sample order", async () => {
    await seedProblems("b", 3);
    const { datasetRunId } = await start({ split: "b", k: 3, concurrency: 3 });
    // b-p0 solves at sample 0, b-p1 at sample 1, b-p2 never.
    const executor = recordingExecutor((name, sample) => (name === "b-p0" ? true : name === "b-p1" ? sample === 1 : false));
    await runDatasetRun(db, datasetRunId, { execute: executor.execute });
    expect(executor.executed.sort()).toEqual(["b-p0#0", "b-p1#0", "b-p1#1", "b-p2#0", "b-p2#1", "b-p2#2"]);
    const counts = await new DbJobQueue(db).counts(datasetRunId);
    expect(counts).toMatchObject({ done: 6, skipped: 3, failed: 0, queued: 0 });
    const progress = await readProgress(db, datasetRunId);
    expect(progress.solvedProblems).toBe(2);
  });

  it("gives in-flight jobs back on abort and finishes them on resume without redoing finished ones", async () => {
    await seedProblems("c", 4);
    const { datasetRunId } = await start({ split: "c", k: 2, concurrency: 2, stopOnSolve: false });
    const controller = new AbortController();
    const first = recordingExecutor(() => false, 40);
    const firstRun = runDatasetRun(db, datasetRunId, { execute: first.execute, signal: controller.signal, tickMs: 20 });
    setTimeout(() => controller.abort(), 60);
    expect((await firstRun).status).toBe("stopped");
    const afterStop = await new DbJobQueue(db).counts(datasetRunId);
    expect(afterStop.running).toBe(0);
    expect(afterStop.done).toBe(first.executed.length);
    expect(afterStop.done).toBeLessThan(8);

    const second = recordingExecutor(() => false, 5);
    expect((await runDatasetRun(db, datasetRunId, { execute: second.execute })).status).toBe("succeeded");
    expect([...first.executed, ...second.executed].sort()).toHaveLength(8);
    expect(new Set([...first.executed, ...second.executed]).size).toBe(8);
  });

  it("takes back jobs held by a dead local worker at once and retries failed jobs alone", async () => {
    await seedProblems("d", 2);
    const { datasetRunId } = await start({ split: "d", k: 1, concurrency: 2, stopOnSolve: false });
    const dead = `${os.hostname()}:2147483646:deadbeef`;
    const queue = new DbJobQueue(db);
    const held = await queue.claim({ datasetRunId, workerId: dead, serialPerProblem: false });
    expect(held).not.toBeNull();

    const crashy = recordingExecutor((name) => (name === "d-p1" ? "crash" : true));
    expect((await runDatasetRun(db, datasetRunId, { execute: crashy.execute, leaseMs: 60_000 })).status).toBe("succeeded");
    expect(crashy.executed.sort()).toEqual(["d-p0#0", "d-p1#0"]);
    expect(await queue.counts(datasetRunId)).toMatchObject({ done: 1, failed: 1 });

    expect(await queue.retryFailed(datasetRunId)).toBe(1);
    const fixed = recordingExecutor(() => true);
    await runDatasetRun(db, datasetRunId, { execute: fixed.execute });
    expect(fixed.executed).toEqual(["d-p1#0"]);
    expect(await queue.counts(datasetRunId)).toMatchObject({ done: 2, failed: 0 });
  });

  it("stops cleanly when the dataset's LLM spend reaches its budget", async () => {
    await seedProblems("e", 4);
    const { datasetRunId } = await start({ split: "e", k: 1, concurrency: 1, stopOnSolve: false, budgetUsd: 0.5 });
    const base = recordingExecutor(() => false);
    const paying: JobExecutor = async (job, context) => {
      const outcome = await base.execute(job, context);
      if (outcome.runId) {
        await db.llmCall.create({
          data: { runId: outcome.runId, stage: "baseline", provider: "custom", model: "m", messages: [], params: {}, response: "", costUsd: 0.3, cacheKey: job.key },
        });
      }
      return outcome;
    };
    const result = await runDatasetRun(db, datasetRunId, { execute: paying });
    expect(result.status).toBe("budget_exhausted");
    expect(base.executed).toHaveLength(2);
    expect(result.progress.costUsd).toBeCloseTo(0.6, 9);
    expect((await db.datasetRun.findUniqueOrThrow({ where: { id: datasetRunId } })).error).toMatch(/budget/);
  });

  it("rejects selections that name unknown problems or have nothing to score", async () => {
    await seedProblems("f", 2, 0);
    await expect(start({ split: "f" })).rejects.toThrow(/no scorable problem/);
    await expect(start({ split: "f", problems: "f-p0,nope", includeUnscorable: true })).rejects.toThrow(/nope/);
    await expect(start({ split: "zzz" })).rejects.toThrow(/no problems in split/);
    const { jobs } = await start({ split: "f", problems: "f-p1", includeUnscorable: true, k: 2 });
    expect(jobs).toBe(2);
  });
});
