import { afterAll, describe, expect, it } from "vitest";
import type { StoredRunEvent } from "@/lib/runs/events";
import { tempDatabase } from "../helpers/db";
import { serveFetch } from "./fetch-server";

const t = tempDatabase();
process.env.DATABASE_URL = t.url;
afterAll(() => t.cleanup());

const { GET } = await import("@/app/api/runs/[id]/events/route");
const { appendEvent } = await import("@/lib/runs/event-store");
const { RunStreamError, streamRunEvents } = await import("@/lib/runs/sse-client");
const { createTestRun, decision, runFinished } = await import("./fixtures");

/** The real route, whose first response is cut after `dropAfter` events like a dropped connection. */
function flakyRoute(dropAfter: number, options: { ignoreLastEventId?: boolean } = {}) {
  const seenLastEventIds: (string | null)[] = [];
  let connections = 0;
  const handler = async (request: Request) => {
    connections += 1;
    seenLastEventIds.push(request.headers.get("last-event-id"));
    const runId = new URL(request.url).pathname.split("/")[3];
    const forwarded = options.ignoreLastEventId
      ? new Request(request.url, { signal: request.signal })
      : request;
    const response = await GET(forwarded, { params: Promise.resolve({ id: runId }) });
    if (connections > 1 || !response.body) return response;
    let messages = 0;
    // The route writes one event per chunk. The cut comes a little later, so what was written reaches the client.
    const cut = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (messages >= dropAfter) return;
        if (new TextDecoder().decode(chunk).startsWith("id: ")) messages += 1;
        controller.enqueue(chunk);
        if (messages === dropAfter) setTimeout(() => controller.error(new Error("connection dropped")), 100);
      },
    });
    return new Response(response.body.pipeThrough(cut), { status: response.status, headers: response.headers });
  };
  return { handler, seenLastEventIds, connections: () => connections };
}

async function collect(events: AsyncIterable<StoredRunEvent>): Promise<StoredRunEvent[]> {
  const all: StoredRunEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe("streamRunEvents", () => {
  it("reconnects with Last-Event-ID after a drop and yields every event once, in order", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 1; i <= 6; i++) await appendEvent(t.db, runId, decision(`d${i}`));
    const route = flakyRoute(3);
    const server = await serveFetch(route.handler);
    try {
      const stream = collect(streamRunEvents(`${server.url}/api/runs/${runId}/events`, { reconnectDelayMs: 20 }));
      setTimeout(() => void appendEvent(t.db, runId, runFinished()), 300);
      const events = await stream;
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(events.at(-1)?.type).toBe("run_finished");
      expect(route.connections()).toBe(2);
      expect(route.seenLastEventIds).toEqual([null, "3"]);
    } finally {
      await server.close();
    }
  });

  it("drops events at or below the last seq when a server replays from the start", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 1; i <= 4; i++) await appendEvent(t.db, runId, decision(`d${i}`));
    await appendEvent(t.db, runId, runFinished());
    const route = flakyRoute(2, { ignoreLastEventId: true });
    const server = await serveFetch(route.handler);
    try {
      const events = await collect(streamRunEvents(`${server.url}/api/runs/${runId}/events`, { reconnectDelayMs: 20 }));
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(route.connections()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("fails at once on 404 and gives up after maxAttempts when the server keeps dropping", async () => {
    const server = await serveFetch(async (request) => {
      const runId = new URL(request.url).pathname.split("/")[3];
      if (runId === "missing") return GET(request, { params: Promise.resolve({ id: runId }) });
      return new Response(": connected\n\n", { headers: { "Content-Type": "text/event-stream" } });
    });
    try {
      await expect(collect(streamRunEvents(`${server.url}/api/runs/missing/events`))).rejects.toThrow(RunStreamError);
      await expect(collect(streamRunEvents(`${server.url}/api/runs/missing/events`))).rejects.toThrow(/404: run not found/);
      const attempts: number[] = [];
      const flaky = streamRunEvents(`${server.url}/api/runs/x/events`, {
        reconnectDelayMs: 5,
        maxAttempts: 3,
        onReconnect: ({ attempt }) => attempts.push(attempt),
      });
      await expect(collect(flaky)).rejects.toThrow(/gave up after 3 attempts/);
      expect(attempts).toEqual([1, 2]);
    } finally {
      await server.close();
    }
  });
});
