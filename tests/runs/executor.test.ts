import { afterAll, describe, expect, it } from "vitest";
import { appendEvent, listEvents } from "@/lib/runs/event-store";
import { cancelRun, isRunActive, markInterruptedRuns, resumeRun, startRun, waitForRun } from "@/lib/runs/executor";
import { RunConflictError } from "@/lib/runs/errors";
import { tempDatabase } from "../helpers/db";
import { createTestRun, decision, runFinished } from "./fixtures";

const t = tempDatabase();
afterAll(() => t.cleanup());

const types = async (runId: string) => (await listEvents(t.db, runId)).map((e) => e.type);
const status = async (runId: string) => (await t.db.run.findUniqueOrThrow({ where: { id: runId } })).status;
const started = (runId: string) =>
  appendEvent(t.db, runId, { type: "run_started", problem: { id: "p", name: "p" }, mode: "flow", language: "python3", model: "m", config: {} });

describe("executor", () => {
  it("runs execute in the background and leaves a run that finished itself alone", async () => {
    const runId = await createTestRun(t.db);
    await startRun(t.db, runId, async (id) => {
      await started(id);
      await appendEvent(t.db, id, runFinished("succeeded"));
    });
    expect(isRunActive(runId)).toBe(true);
    await expect(startRun(t.db, runId, async () => {})).rejects.toThrow(RunConflictError);
    await waitForRun(runId);
    expect(isRunActive(runId)).toBe(false);
    expect(await types(runId)).toEqual(["run_started", "run_finished"]);
    expect(await status(runId)).toBe("succeeded");
  });

  it("ends a run whose execute throws with an error and a failed run_finished", async () => {
    const runId = await createTestRun(t.db);
    await startRun(t.db, runId, async (id) => {
      await started(id);
      throw new Error("judge exploded");
    });
    await waitForRun(runId);
    const events = await listEvents(t.db, runId);
    expect(events.map((e) => e.type)).toEqual(["run_started", "error", "run_finished"]);
    expect(events[1]).toMatchObject({ message: "judge exploded", fatal: true });
    expect(events[2]).toMatchObject({ status: "failed", error: "judge exploded" });
    expect(await t.db.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "failed", error: "judge exploded" });
  });

  it("cancels an active run through its AbortSignal, ending it as cancelled", async () => {
    const runId = await createTestRun(t.db);
    await startRun(t.db, runId, async (id, signal) => {
      await started(id);
      await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await cancelRun(t.db, runId)).toBe("cancelling");
    await waitForRun(runId);
    expect(await types(runId)).toEqual(["run_started", "run_finished"]);
    expect(await status(runId)).toBe("cancelled");
    await expect(cancelRun(t.db, runId)).rejects.toThrow(/already cancelled/);
  });

  it("cancels a queued run at once and refuses to start it afterwards", async () => {
    const runId = await createTestRun(t.db);
    expect(await cancelRun(t.db, runId)).toBe("cancelled");
    expect(await status(runId)).toBe("cancelled");
    await expect(startRun(t.db, runId, async () => {})).rejects.toThrow(/not queued/);
  });

  it("marks a run left running by a dead process as interrupted, then resumes it", async () => {
    const runId = await createTestRun(t.db);
    await started(runId);
    await appendEvent(t.db, runId, decision("work before the crash"));
    await expect(resumeRun(t.db, runId, async () => {})).rejects.toThrow(/another process/);
    expect(await markInterruptedRuns(t.db, { staleAfterMs: 60_000 })).toEqual([]);
    expect(await markInterruptedRuns(t.db, { staleAfterMs: 60_000, now: new Date(Date.now() + 61_000) })).toEqual([runId]);
    expect(await status(runId)).toBe("interrupted");
    await resumeRun(t.db, runId, async (id) => {
      await appendEvent(t.db, id, { type: "run_started", problem: { id: "p", name: "p" }, mode: "flow", language: "python3", model: "m", config: {}, resumed: true });
      await appendEvent(t.db, id, runFinished("succeeded"));
    });
    await waitForRun(runId);
    expect(await types(runId)).toEqual(["run_started", "decision", "error", "run_started", "run_finished"]);
    expect(await status(runId)).toBe("succeeded");
    await expect(resumeRun(t.db, runId, async () => {})).rejects.toThrow(/already succeeded/);
  });

  it("leaves a silent run alone while a live cluster worker holds its sample, and marks it once the worker is silent", async () => {
    const runId = await createTestRun(t.db);
    await started(runId);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    const datasetRun = await t.db.datasetRun.create({ data: { split: "test", model: "m", provider: "custom", config: {}, status: "running" } });
    await t.db.worker.create({ data: { id: "elsewhere:1:abc", host: "elsewhere", pid: 1, concurrency: 1, currentJobs: [], heartbeatAt: new Date() } });
    await t.db.job.create({
      data: { key: `${datasetRun.id}:x:0`, datasetRunId: datasetRun.id, problemId: run.problemId, sampleIndex: 0, status: "running", runId, lockedBy: "elsewhere:1:abc" },
    });
    const later = new Date(Date.now() + 30_000);
    expect(await markInterruptedRuns(t.db, { staleAfterMs: 10_000, now: later })).toEqual([]);
    await t.db.worker.update({ where: { id: "elsewhere:1:abc" }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
    expect(await markInterruptedRuns(t.db, { staleAfterMs: 10_000, now: later })).toEqual([runId]);
  });

  it("closes a run whose execute returns without a terminal event", async () => {
    const runId = await createTestRun(t.db);
    await startRun(t.db, runId, async (id) => void (await started(id)));
    await waitForRun(runId);
    const events = await listEvents(t.db, runId);
    expect(events.at(-1)).toMatchObject({ type: "run_finished", status: "failed", error: "the run ended without a run_finished event" });
  });
});
