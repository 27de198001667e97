// The server-side half of bench:sse: emit→subscriber latency through the event store and the SSE route handler over
// real HTTP, and a 20,000-token stream pushed through the coalescing writer. One process, a temporary database:
// what the browser half measures on top of this is the Next server, the network stack and the page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { summarize, type Summary } from "./stats";

export type InProcessResult = {
  spacingMs: number;
  latency: Summary;
  tokens: number;
  emitLoopMs: number;
  storedMs: number;
  rows: number;
  received: number;
  intact: boolean;
  lastReceivedMs: number;
};

const finished = {
  type: "run_finished" as const,
  status: "succeeded" as const,
  totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, wallMs: 0 },
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureInProcess({ events, tokens }: { events: number; tokens: number }): Promise<InProcessResult> {
  const spacingMs = 10;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-bench-sse-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  migrateDatabase(url);
  // The database client reads its URL once, on first use: set it before importing anything that reaches it.
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

  async function latency(): Promise<Summary> {
    const runId = await newRun();
    const emittedAt = new Map<string, number>();
    const latencies: number[] = [];
    const reader = (async () => {
      for await (const event of streamRunEvents(`${server.url}/api/runs/${runId}/events`)) {
        if (event.type === "decision") latencies.push(performance.now() - emittedAt.get(event.reason)!);
      }
    })();
    await sleep(200);
    for (let i = 0; i < events; i++) {
      const reason = `bench ${i}`;
      emittedAt.set(reason, performance.now());
      await appendEvent(db(), runId, { type: "decision", outcome: "kept", reason });
      await sleep(spacingMs);
    }
    await appendEvent(db(), runId, finished);
    await reader;
    return summarize(latencies);
  }

  async function tokenStream(): Promise<Omit<InProcessResult, "spacingMs" | "latency">> {
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
    const pieces = Array.from({ length: tokens }, (_, i) => `tok${i} `);
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
    return {
      tokens,
      emitLoopMs: emitted - start,
      storedMs: stored - start,
      rows,
      received,
      intact: text === pieces.join(""),
      lastReceivedMs: lastAt - start,
    };
  }

  try {
    const latencySummary = await latency();
    return { spacingMs, latency: latencySummary, ...(await tokenStream()) };
  } finally {
    await server.close();
    await db().$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
