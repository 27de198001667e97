// npm run bench:sse — emit→subscriber latency through the event store and the SSE route over real HTTP, and the
// cost of pushing a 20,000-token stream through the coalescing writer. Uses a temporary database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
const SPACING_MS = 10;
const TOKENS = 20_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bench-sse-"));
const url = `file:${path.join(dir, "bench.db")}`;
migrateDatabase(url);
process.env.DATABASE_URL = url;

const { db } = await import("@/lib/db/client");
const { GET } = await import("@/app/api/runs/[id]/events/route");
const { appendEvent } = await import("@/lib/runs/event-store");
const { createEventWriter } = await import("@/lib/runs/event-writer");
const { streamRunEvents } = await import("@/lib/runs/sse-client");
const { serveFetch } = await import("@/tests/runs/fetch-server");

const server = await serveFetch((request) => {
  const runId = new URL(request.url).pathname.split("/")[3];
  return GET(request, { params: Promise.resolve({ id: runId }) });
});

async function newRun(): Promise<string> {
  const problem = await db().problem.create({
    data: { name: `bench-${Date.now()}-${Math.random()}`, description: "bench", tags: [], contentHash: "bench" },
  });
  return (await db().run.create({ data: { problemId: problem.id, provider: "bench", model: "bench", config: {} } })).id;
}

const finished = {
  type: "run_finished" as const,
  status: "succeeded" as const,
  totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, wallMs: 0 },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function latency(): Promise<void> {
  const runId = await newRun();
  const emittedAt = new Map<string, number>();
  const latencies: number[] = [];
  const reader = (async () => {
    for await (const event of streamRunEvents(`${server.url}/api/runs/${runId}/events`)) {
      if (event.type === "decision") latencies.push(performance.now() - emittedAt.get(event.reason)!);
    }
  })();
  await sleep(200);
  for (let i = 0; i < EVENTS; i++) {
    const reason = `bench ${i}`;
    emittedAt.set(reason, performance.now());
    await appendEvent(db(), runId, { type: "decision", outcome: "kept", reason });
    await sleep(SPACING_MS);
  }
  await appendEvent(db(), runId, finished);
  await reader;
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`emit→subscriber over HTTP SSE: ${latencies.length} events, one every ${SPACING_MS} ms`);
  console.log(
    `  p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
}

async function tokenStream(): Promise<void> {
  const runId = await newRun();
  let received = 0;
  let text = "";
  let lastAt = 0;
  const reader = (async () => {
    for await (const event of streamRunEvents(`${server.url}/api/runs/${runId}/events`)) {
      received += 1;
      if (event.type === "token") text += event.text;
      lastAt = performance.now();
    }
  })();
  await sleep(200);
  const writer = createEventWriter(db(), runId);
  const pieces = Array.from({ length: TOKENS }, (_, i) => `tok${i} `);
  const start = performance.now();
  for (let i = 0; i < pieces.length; i++) {
    void writer.emit({ type: "token", nodeKey: "reflect", callId: "c1", text: pieces[i] });
    // A model streams in bursts: yield to the event loop now and then, as a real stream would.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  const emitted = performance.now();
  void writer.emit(finished);
  await writer.flush();
  const stored = performance.now();
  await reader;
  const rows = await db().runEvent.count({ where: { runId } });
  console.log(`${TOKENS.toLocaleString("en")}-token stream through the writer:`);
  console.log(`  emit loop ${(emitted - start).toFixed(0)} ms, all stored ${(stored - start).toFixed(0)} ms, ${rows} rows`);
  console.log(
    `  subscriber got ${received} events, text ${text === pieces.join("") ? "intact" : "CORRUPT"}, last at ${(lastAt - start).toFixed(0)} ms`,
  );
}

try {
  await latency();
  await tokenStream();
} finally {
  await server.close();
  await db().$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
