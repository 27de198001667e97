import { createParser } from "eventsource-parser";
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { startClusterHarness, type ClusterHarness, type WorkerProcess } from "./support/cluster-harness";
import { screenshot, SHARED_TEST_JSONL } from "./support/paths";
import { postgresBinDir } from "../scripts/postgres-cluster";
import { SMALL_FLOW_CONFIG } from "../tests/datasets/flow-mock-script";

const SOLVED = ["1575_A. Another Sorting Problem", "1579_A. Casimir's String Solitaire", "1582_A. Luntik and Concerts"];
const UNSOLVED = ["1580_A. Portal", "1581_A. CQXYM Count Permutations"];
const K = 2;

type Received = { seq: number; type: string };

/** Every event the web server's SSE route sends for one run, duplicates included (no client-side dedup here). */
async function readStream(url: string, into: Received[], signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { signal, headers: { Accept: "text/event-stream" } });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const parser = createParser({ onEvent: (message) => into.push({ seq: Number(message.id), type: message.event ?? "" }) });
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
}

test.describe("scale out: a web server and two workers on one Postgres", () => {
  test.skip(!fs.existsSync(SHARED_TEST_JSONL), "skipped: ../shared/data/codecontests/test.jsonl is not beside this clone");
  test.skip(!postgresBinDir(), "skipped: the PostgreSQL server is not installed (apt-get install -y postgresql)");
  test.setTimeout(300_000);

  let harness: ClusterHarness;
  let workers: WorkerProcess[];
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    harness = await startClusterHarness({ testJsonl: SHARED_TEST_JSONL, solved: SOLVED, unsolved: UNSOLVED, latencyMs: 250, web: true });
    workers = [await harness.startWorker("A", 2), await harness.startWorker("B", 2)];
  });
  test.afterAll(async () => harness?.stop());

  test("a worker killed mid-sample: every sample completes once, streams are whole, no finished call is paid twice", async ({ page }) => {
    const web = harness.webUrl!;
    const started = await fetch(`${web}/api/datasets`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ split: "test", k: K, concurrency: 2, stopOnSolve: false, config: SMALL_FLOW_CONFIG, name: "cluster e2e" }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { datasetRunId } = (await started.json()) as { datasetRunId: string };

    // Follow every run of the dataset through the web server while the workers (other processes) write them.
    const streams = new Map<string, { events: Received[]; done: Promise<void> }>();
    const abort = new AbortController();
    const follow = setInterval(() => {
      void harness.db.run.findMany({ where: { datasetRunId }, select: { id: true } }).then((runs) => {
        for (const { id } of runs) {
          if (streams.has(id)) continue;
          const events: Received[] = [];
          streams.set(id, { events, done: readStream(`${web}/api/runs/${id}/events`, events, abort.signal).catch(() => undefined) });
        }
      });
    }, 200);

    // Kill worker A with SIGKILL while it holds a sample whose run has started calling the model.
    const victim = workers[0];
    const victimId = await expect
      .poll(
        async () => {
          const row = await harness.db.worker.findFirst({ where: { pid: victim.child.pid!, stoppedAt: null } });
          const held = row ? (row.currentJobs as { runId: string | null }[]).filter((job) => job.runId) : [];
          if (!row || held.length === 0) return null;
          const calls = await harness.db.llmCall.count({ where: { runId: { in: held.map((job) => job.runId!) } } });
          return calls > 0 ? row.id : null;
        },
        { timeout: 120_000, intervals: [100] },
      )
      .not.toBeNull()
      .then(async () => (await harness.db.worker.findFirstOrThrow({ where: { pid: victim.child.pid! } })).id);
    victim.child.kill("SIGKILL");
    const killedAt = Date.now();
    const heldAtKill = await harness.db.job.findMany({ where: { datasetRunId, lockedBy: victimId, status: "running" } });
    const storedBeforeKill = new Set(
      (await harness.db.llmCall.findMany({ where: { createdAt: { lte: new Date(killedAt) } }, select: { cacheKey: true } })).map((c) => c.cacheKey),
    );
    expect(heldAtKill.length).toBeGreaterThanOrEqual(1);

    await page.goto(`${web}/datasets`);
    await expect(page.getByTestId("cluster-panel")).toContainText("workers alive");
    await expect(page.getByTestId("cluster-workers")).toContainText(victimId);
    await page.screenshot({ path: screenshot("cluster-workers"), fullPage: true });

    await expect
      .poll(async () => (await harness.db.datasetRun.findUniqueOrThrow({ where: { id: datasetRunId } })).status, { timeout: 180_000, intervals: [500] })
      .toBe("succeeded");
    await expect.poll(() => [...streams.values()].length).toBe(5 * K);
    await Promise.race([Promise.all([...streams.values()].map((s) => s.done)), new Promise((resolve) => setTimeout(resolve, 30_000))]);
    clearInterval(follow);
    abort.abort();

    // Every (problem, sample) has one job, done, and one run that finished exactly once.
    const jobs = await harness.db.job.findMany({ where: { datasetRunId } });
    expect(jobs).toHaveLength(5 * K);
    expect(jobs.every((job) => job.status === "done" && job.runId)).toBe(true);
    const runs = await harness.db.run.findMany({ where: { datasetRunId } });
    expect(runs).toHaveLength(5 * K);
    expect(new Set(runs.map((run) => `${run.problemId}:${run.sampleIndex}`)).size).toBe(5 * K);
    for (const run of runs) {
      expect(run.status).toBe("succeeded");
      expect(await harness.db.runEvent.count({ where: { runId: run.id, type: "run_finished" } })).toBe(1);
    }
    // The samples the dead worker held were handed over and resumed in their own runs.
    for (const held of heldAtKill) {
      const after = jobs.find((job) => job.id === held.id)!;
      expect(after.attempts).toBe(2);
      expect(after.runId === held.runId || held.runId === null).toBe(true);
    }
    expect((await harness.db.worker.findUniqueOrThrow({ where: { id: victimId } })).stoppedAt).not.toBeNull();

    // The streams through the web server: 1..lastSeq for every run, no gap, no duplicate, ending at run_finished.
    for (const run of runs) {
      const events = streams.get(run.id)!.events;
      expect(events.map((e) => e.seq), run.id).toEqual(Array.from({ length: run.lastSeq }, (_, i) => i + 1));
      expect(events.at(-1)?.type).toBe("run_finished");
    }

    // No call paid twice, and the mock saw a call again only if it had not finished (been stored) when the worker died.
    const paid = await harness.db.llmCall.findMany({ where: { cacheHit: false, error: null }, select: { cacheKey: true, runId: true, stage: true, createdAt: true } });
    const paidTwice = paid.filter((call, i) => paid.findIndex((other) => other.cacheKey === call.cacheKey) !== i);
    expect(paidTwice, JSON.stringify({ killedAt: new Date(killedAt), paidTwice })).toEqual([]);
    const byKey = new Map<string, { startedAt: number }[]>();
    for (const request of harness.mock.chatRequests()) {
      const key = request.headers["x-alphaflow-call"];
      expect(key).toBeTruthy();
      byKey.set(key, [...(byKey.get(key) ?? []), request]);
    }
    const repeated = [...byKey.entries()].filter(([, requests]) => requests.length > 1);
    // At most one call in flight per slot of the dead worker.
    expect(repeated.length).toBeLessThanOrEqual(2);
    for (const [key, requests] of repeated) {
      expect(storedBeforeKill.has(key)).toBe(false);
      expect(requests[0].startedAt).toBeLessThanOrEqual(killedAt);
    }
    expect(workers[1].child.exitCode).toBeNull();
  });
});
