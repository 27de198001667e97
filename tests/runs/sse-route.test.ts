import { afterAll, describe, expect, it } from "vitest";
import { tempDatabase } from "../helpers/db";

const t = tempDatabase();
process.env.DATABASE_URL = t.url;
afterAll(() => t.cleanup());

const { GET } = await import("@/app/api/runs/[id]/events/route");
const { appendEvent } = await import("@/lib/runs/event-store");
const { createTestRun, decision, runFinished } = await import("./fixtures");

type Message = { id?: string; event?: string; data?: string };

function parseSse(text: string): { messages: Message[]; comments: string[] } {
  const messages: Message[] = [];
  const comments: string[] = [];
  for (const block of text.split("\n\n")) {
    const message: Message = {};
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments.push(line.slice(1).trim());
      else if (line.startsWith("id: ")) message.id = line.slice(4);
      else if (line.startsWith("event: ")) message.event = line.slice(7);
      else if (line.startsWith("data: ")) message.data = line.slice(6);
    }
    if (message.data !== undefined) messages.push(message);
  }
  return { messages, comments };
}

function call(runId: string, init: { headers?: Record<string, string>; query?: string; signal?: AbortSignal } = {}) {
  const request = new Request(`http://localhost/api/runs/${runId}/events${init.query ?? ""}`, init);
  return GET(request, { params: Promise.resolve({ id: runId }) });
}

describe("GET /api/runs/{id}/events", () => {
  it("replays after Last-Event-ID with id/event/data per event, then closes after run_finished", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 1; i <= 4; i++) await appendEvent(t.db, runId, decision(`d${i}`));
    await appendEvent(t.db, runId, runFinished());
    const response = await call(runId, { headers: { "Last-Event-ID": "2" }, query: "?after=0" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const text = await response.text();
    expect(text.startsWith(": connected\n")).toBe(true);
    const { messages } = parseSse(text);
    expect(messages.map((m) => [m.id, m.event])).toEqual([
      ["3", "decision"],
      ["4", "decision"],
      ["5", "run_finished"],
    ]);
    const data = JSON.parse(messages[0].data!);
    expect(data).toMatchObject({ runId, seq: 3, type: "decision", reason: "d3" });
  });

  it("honours ?after= when there is no Last-Event-ID", async () => {
    const runId = await createTestRun(t.db);
    for (let i = 1; i <= 3; i++) await appendEvent(t.db, runId, decision(`d${i}`));
    await appendEvent(t.db, runId, runFinished());
    const { messages } = parseSse(await (await call(runId, { query: "?after=3" })).text());
    expect(messages.map((m) => m.id)).toEqual(["4"]);
  });

  it("streams live events one message at a time", async () => {
    const runId = await createTestRun(t.db);
    const response = await call(runId);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain(": connected");
    await appendEvent(t.db, runId, decision("live 1"));
    const first = await reader.read();
    expect(parseSse(first.value!).messages.map((m) => m.id)).toEqual(["1"]);
    await appendEvent(t.db, runId, runFinished());
    const second = await reader.read();
    expect(parseSse(second.value!).messages.map((m) => m.event)).toEqual(["run_finished"]);
    expect((await reader.read()).done).toBe(true);
  });

  it("sends heartbeats while idle and stops when the request is aborted", async () => {
    const runId = await createTestRun(t.db);
    const controller = new AbortController();
    const { runEventStream } = await import("@/lib/runs/http/event-stream");
    const request = new Request(`http://localhost/api/runs/${runId}/events`, { signal: controller.signal });
    const response = await runEventStream(t.db, runId, request, { heartbeatMs: 30 });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes(": heartbeat")) text += (await reader.read()).value ?? "";
    controller.abort();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
    }
    expect(text).toContain(": heartbeat");
  });

  it("answers 404 for an unknown run and 400 for a bad Last-Event-ID, as JSON", async () => {
    const missing = await call("missing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "run not found: missing" });
    const runId = await createTestRun(t.db);
    const bad = await call(runId, { headers: { "Last-Event-ID": "abc" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Last-Event-ID/);
  });
});
