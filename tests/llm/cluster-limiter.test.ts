import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { createDb, type Db } from "@/lib/db/client";
import { createGateway, resolveLlmSettings } from "@/lib/llm";
import { ClusterRateLimiter } from "@/lib/llm/cluster-limiter";
import { rateEndpoint } from "@/lib/llm/rate-endpoint";
import { tempDatabase } from "@/tests/helpers/db";
import { missingPostgres, tempPostgresDatabase } from "@/tests/helpers/postgres";
import { TEST_API_KEY, userMessage } from "./harness";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * A worker process of its own, so that nothing but the database is shared with the others: it warms up (the first
 * Prisma query of a process is slow), says "ready", and on "go" makes its requests through a cluster limiter or a
 * whole gateway.
 */
const WORKER = `
import { createDb } from "@/lib/db/client";
import { ClusterRateLimiter } from "@/lib/llm/cluster-limiter";
const [mode, url, spec] = process.argv.slice(1);
const job = JSON.parse(spec);
const db = createDb(url);
await (await new ClusterRateLimiter(db, "warm-up", {}).admit(0)).settle();
process.stdout.write("ready\\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
if (mode === "limiter") {
  const limiter = new ClusterRateLimiter(db, job.endpoint, job.limits);
  const admit = async () => {
    const admission = await limiter.admit(job.tokens);
    await admission.settle();
    return admission.id;
  };
  process.stdout.write(JSON.stringify(await Promise.all(Array.from({ length: job.count }, admit))) + "\\n");
} else {
  const { createGateway, resolveLlmSettings } = await import("@/lib/llm");
  const gateway = createGateway(resolveLlmSettings([job.settings]), { db, rateWindowMs: job.windowMs });
  const messages = [{ role: "user", content: "hi" }];
  await Promise.all(Array.from({ length: job.count }, () => gateway.complete({ stage: "reflect", messages, cache: false })));
}
await db.$disconnect();
`;

type Worker = { ready: Promise<void>; go: () => void; done: Promise<string> };

function spawnWorker(mode: "limiter" | "gateway", url: string, job: unknown): Worker {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--input-type=module", "-e", WORKER, mode, url, JSON.stringify(job)], { cwd: root });
  let stdout = "";
  let stderr = "";
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith("ready\n")) onReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<string>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(stdout.slice("ready\n".length)) : reject(new Error(`worker exited ${code}: ${stderr}`))));
  });
  // A worker that dies before "ready" must fail the test rather than leave it waiting.
  return { ready: Promise.race([ready, done.then(() => undefined)]), go: () => child.stdin.end("go\n"), done };
}

/** Starts the workers together, so they contend for the same windows, and waits for all of them. */
async function runTogether(workers: Worker[]): Promise<string[]> {
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  return Promise.all(workers.map((w) => w.done));
}

async function admissionTimes(db: Db, endpoint: string): Promise<number[]> {
  const rows = await db.llmRateEvent.findMany({ where: { endpoint }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((row) => row.at.getTime());
}

/** The largest number of times in any half-open window of `windowMs`: what the limiter promises to bound. */
function mostInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) most = Math.max(most, times.filter((t) => t >= times[i] && t < times[i] + windowMs).length);
  return most;
}

const endpoint = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

describe.skipIf(missingPostgres())("cluster-wide LLM rate limits on a shared Postgres", () => {
  let t: { db: Db; url: string; cleanup: () => Promise<void> };
  let other: Db;
  beforeAll(async () => {
    t = await tempPostgresDatabase();
    other = createDb(t.url);
  });
  afterAll(async () => {
    await other?.$disconnect();
    await t?.cleanup();
  });

  it("admits at most N requests per window across three processes, the rest as the window slides", async () => {
    const job = { endpoint: endpoint("procs"), limits: { requestsPerMinute: 4, windowMs: 700 }, tokens: 10, count: 4 };
    const outputs = await runTogether([0, 1, 2].map(() => spawnWorker("limiter", t.url, job)));
    const ids = outputs.map((out) => JSON.parse(out) as number[]);
    expect(ids.map((list) => list.length)).toEqual([4, 4, 4]);

    const times = await admissionTimes(t.db, job.endpoint);
    expect(times).toHaveLength(12);
    expect(mostInAnyWindow(times, 700)).toBe(4);
    // Twelve requests at four per window need three windows: the later ones waited for the window to slide.
    expect(times[11] - times[0]).toBeGreaterThanOrEqual(2 * 700);
    const stored = await t.db.llmRateEvent.findMany({ where: { endpoint: job.endpoint }, select: { id: true } });
    expect(stored.map((row) => row.id).sort((a, b) => a - b)).toEqual(ids.flat().sort((a, b) => a - b));
  });

  it("holds the token budget across limiters and books the actual tokens on settle", async () => {
    const limits = { tokensPerMinute: 100, windowMs: 600 };
    const name = endpoint("tokens");
    const a = new ClusterRateLimiter(t.db, name, limits);
    const b = new ClusterRateLimiter(other, name, limits);
    await (await a.admit(60)).settle(60);
    await (await b.admit(60)).settle(60);
    const [first, second] = await admissionTimes(t.db, name);
    expect(second - first).toBeGreaterThanOrEqual(600);

    const corrected = endpoint("corrected");
    await (await new ClusterRateLimiter(t.db, corrected, limits).admit(90)).settle(5);
    await (await new ClusterRateLimiter(other, corrected, limits).admit(90)).settle();
    const rows = await t.db.llmRateEvent.findMany({ where: { endpoint: corrected }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.tokens)).toEqual([5, 90]);
    expect(rows[1].at.getTime() - rows[0].at.getTime()).toBeLessThan(600);
  });

  it("lets one request larger than the whole token budget through an empty window", async () => {
    const name = endpoint("oversized");
    const limits = { tokensPerMinute: 100, windowMs: 600 };
    await (await new ClusterRateLimiter(t.db, name, limits).admit(500)).settle();
    await (await new ClusterRateLimiter(other, name, limits).admit(10)).settle();
    const [first, second] = await admissionTimes(t.db, name);
    expect(second - first).toBeGreaterThanOrEqual(600);
  });

  it("gives up waiting when the caller aborts, without booking anything", async () => {
    const name = endpoint("abort");
    const limits = { requestsPerMinute: 1, windowMs: 10_000 };
    await new ClusterRateLimiter(t.db, name, limits).admit(0);
    const controller = new AbortController();
    const started = Date.now();
    const waiting = new ClusterRateLimiter(other, name, limits).admit(0, controller.signal);
    setTimeout(() => controller.abort(), 300);
    await expect(waiting).rejects.toMatchObject({ kind: "aborted" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await t.db.llmRateEvent.count({ where: { endpoint: name } })).toBe(1);
  });

  it("clears rows that have left the window", async () => {
    const stale = endpoint("stale");
    await t.db.llmRateEvent.create({ data: { endpoint: stale, at: new Date(Date.now() - 60_000), tokens: 1 } });
    const name = endpoint("prune");
    await (await new ClusterRateLimiter(t.db, name, { requestsPerMinute: 5, windowMs: 1_000, pruneEveryMs: 0 }).admit(1)).settle();
    expect(await t.db.llmRateEvent.count({ where: { endpoint: stale } })).toBe(0);
    expect(await t.db.llmRateEvent.count({ where: { endpoint: name } })).toBe(1);
  });

  describe("through the gateway", () => {
    let mock: MockLlm;
    beforeAll(async () => {
      mock = await startMockLlm({ script: { stages: { default: [{ content: "ok" }] } }, port: 0 });
    });
    afterAll(() => mock?.close());

    it("two worker processes with 3 requests per window each send 6 requests in two windows", async () => {
      const windowMs = 2_000;
      const settings = { provider: "custom", baseUrl: mock.baseUrl, apiKey: TEST_API_KEY, model: "mock-model", requestsPerMinute: 3 };
      await runTogether([0, 1].map(() => spawnWorker("gateway", t.url, { settings, windowMs, count: 3 })));

      const name = rateEndpoint("custom", mock.baseUrl, TEST_API_KEY);
      const booked = await admissionTimes(t.db, name);
      expect(booked).toHaveLength(6);
      expect(mostInAnyWindow(booked, windowMs)).toBe(3);
      const arrived = mock.chatRequests().map((r) => r.startedAt).sort((x, y) => x - y);
      expect(arrived).toHaveLength(6);
      // Each process alone would have sent its three at once; the second three arrive a window after the first
      // (less the jitter between booking a request and the mock receiving it).
      expect(arrived[3] - arrived[0]).toBeGreaterThanOrEqual(windowMs - 600);
      const stored = await t.db.llmRateEvent.findMany({ select: { endpoint: true } });
      expect(stored.some((row) => row.endpoint.includes(TEST_API_KEY))).toBe(false);
    });
  });
});

describe("on SQLite the in-process limiter is the whole gate", () => {
  it("spaces requests in the process and writes nothing to the rate log", async () => {
    const database = tempDatabase();
    const mock = await startMockLlm({ script: { stages: { default: [{ content: "ok" }] } }, port: 0 });
    try {
      const settings = resolveLlmSettings([{ provider: "custom", baseUrl: mock.baseUrl, apiKey: TEST_API_KEY, model: "mock-model", requestsPerMinute: 2 }]);
      const gateway = createGateway(settings, { db: database.db, rateWindowMs: 600 });
      await Promise.all([0, 1, 2].map((i) => gateway.complete({ stage: "reflect", messages: userMessage(`q${i}`), cache: false })));
      const arrived = mock.chatRequests().map((r) => r.startedAt).sort((x, y) => x - y);
      // Less the jitter between letting a request through and the mock receiving it.
      expect(arrived[2] - arrived[0]).toBeGreaterThanOrEqual(450);
      expect(await database.db.llmRateEvent.count()).toBe(0);
    } finally {
      await mock.close();
      await database.cleanup();
    }
  });
});
