import type { Db } from "@/lib/db/client";
import type { StoredRunEvent } from "../events";
import { subscribe } from "../subscribe";
import { json } from "./json";

export type EventStreamOptions = { heartbeatMs?: number; pollMs?: number; retryMs?: number };

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform also keeps compression middleware from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

export function formatSseEvent(event: StoredRunEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Where to resume: the Last-Event-ID header (sent by a reconnecting EventSource) wins over `?after=`. */
export function resumePoint(request: Request): { afterSeq: number } | { error: string } {
  const header = request.headers.get("last-event-id");
  const query = new URL(request.url).searchParams.get("after");
  const raw = header !== null && header.trim() !== "" ? header.trim() : query;
  if (raw === null || raw === "") return { afterSeq: 0 };
  if (!/^\d{1,15}$/.test(raw)) {
    return { error: `${header ? "Last-Event-ID" : "after"} must be a non-negative integer seq (got "${raw}")` };
  }
  return { afterSeq: Number(raw) };
}

/**
 * GET /api/runs/{id}/events: every stored event after the resume point, then live ones, one SSE message per
 * event (pull-driven, so a slow client applies back-pressure instead of growing a buffer). Closes after the
 * terminal event; stops when the client goes away.
 */
export async function runEventStream(
  db: Db,
  runId: string,
  request: Request,
  options: EventStreamOptions = {},
): Promise<Response> {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const resume = resumePoint(request);
  if ("error" in resume) return json(400, { error: resume.error });
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) return json(404, { error: `run not found: ${runId}` });

  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  const events = subscribe(db, runId, resume.afterSeq, signal, { pollMs: options.pollMs });
  const encoder = new TextEncoder();
  let next: Promise<IteratorResult<StoredRunEvent>> | null = null;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`: connected\nretry: ${options.retryMs ?? 1_000}\n\n`));
    },
    async pull(controller) {
      next ??= events.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const heartbeat = new Promise<"heartbeat">((resolve) => (timer = setTimeout(resolve, heartbeatMs, "heartbeat")));
      const result = await Promise.race([next, heartbeat]).finally(() => clearTimeout(timer));
      // After cancel() the controller is closed: touching it would throw.
      if (stop.signal.aborted) return;
      if (result === "heartbeat") {
        controller.enqueue(encoder.encode(": heartbeat\n\n"));
        return;
      }
      next = null;
      if (result.done) controller.close();
      else controller.enqueue(encoder.encode(formatSseEvent(result.value)));
    },
    cancel() {
      stop.abort();
    },
  });
  return new Response(body, { headers: SSE_HEADERS });
}
