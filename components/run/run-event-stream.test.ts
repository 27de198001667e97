import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSseEvent } from "@/lib/runs/http/event-stream";
import { storedRunEventSchema, type RunEventInput, type StoredRunEvent } from "@/lib/runs/events";
import { followRunEvents, type StreamStatus } from "./run-event-stream";

const TOTAL = 40;
const DROP_AFTER = [7, 23];

function event(seq: number): StoredRunEvent {
  const input: RunEventInput =
    seq === 1
      ? { type: "run_started", problem: { id: "p", name: "p" }, mode: "flow", language: "python3", model: "m", config: {} }
      : seq === TOTAL
        ? { type: "run_finished", status: "succeeded", totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, wallMs: 1 } }
        : { type: "token", nodeKey: "reflect", callId: "c", text: `t${seq} ` };
  return storedRunEventSchema.parse({ ...input, runId: "r1", seq, createdAt: new Date(seq * 1_000).toISOString() });
}

/** A real SSE server (the formatting of lib/runs) that drops the connection after some events, like a flaky network. */
const requests: { lastEventId: string | undefined; after: string | null }[] = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url!, "http://localhost");
  const lastEventId = req.headers["last-event-id"] as string | undefined;
  requests.push({ lastEventId, after: url.searchParams.get("after") });
  const from = Number(lastEventId ?? url.searchParams.get("after") ?? 0);
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.write(": connected\nretry: 10\n\n");
  // The replay overlaps what the client already has by two events: it must drop them itself.
  const start = Math.max(1, from - 1);
  const dropAt = DROP_AFTER.find((n) => n > from) ?? TOTAL;
  let body = "";
  for (let seq = start; seq <= dropAt; seq++) body += formatSseEvent(event(seq));
  // Destroy only once the bytes are out, as a connection lost mid-stream would.
  if (dropAt < TOTAL) res.write(body, () => setTimeout(() => res.socket?.destroy(), 20));
  else res.end(body);
});
let baseUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("followRunEvents", () => {
  it("reconnects after a dropped connection from Last-Event-ID and delivers each seq exactly once", async () => {
    const seqs: number[] = [];
    const statuses: StreamStatus[] = [];
    const done = followRunEvents({
      runId: "r1",
      afterSeq: 0,
      baseUrl,
      signal: AbortSignal.timeout(10_000),
      onEvent: (e) => seqs.push(e.seq),
      onStatus: (status) => statuses.push(status),
    });
    await done;
    expect(seqs).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(requests.map((r) => r.lastEventId)).toEqual(["0", "7", "23"]);
    expect(requests.map((r) => r.after)).toEqual(["0", "7", "23"]);
    expect(statuses).toContain("reconnecting");
    expect(statuses[statuses.length - 1]).toBe("ended");
  });
});
