import { createParser } from "eventsource-parser";
import { isTerminalEvent, storedRunEventSchema, type StoredRunEvent } from "@/lib/runs/events";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "ended" | "failed";

export type RunEventStreamOptions = {
  runId: string;
  /** Resume after this seq: the page may already hold events up to it. */
  afterSeq: number;
  onEvent: (event: StoredRunEvent) => void;
  onStatus: (status: StreamStatus, detail?: string) => void;
  signal: AbortSignal;
  /** Origin of the app; empty in the browser (same origin), a full URL elsewhere. */
  baseUrl?: string;
};

const MAX_BACKOFF_MS = 5_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

class FatalStreamError extends Error {}

/** One SSE message as a stored event: the seq comes from `id:` when the payload does not carry it. */
function toStoredEvent(runId: string, id: string | undefined, data: string): StoredRunEvent {
  const payload = JSON.parse(data) as Record<string, unknown>;
  const parsed = storedRunEventSchema.safeParse({
    runId,
    createdAt: new Date().toISOString(),
    ...payload,
    seq: payload.seq ?? (id === undefined ? undefined : Number(id)),
  });
  if (!parsed.success) throw new Error(`unreadable run event ${id ?? "?"}: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Follows `GET /api/runs/{id}/events` with fetch + eventsource-parser, the one stream of the page. After a drop it
 * reconnects with `Last-Event-ID` (and `?after=`) set to the last seq it delivered, and never delivers a seq twice,
 * so a reconnect shows no gap and no duplicate. Resolves when the terminal event arrived or the signal aborted.
 */
export async function followRunEvents({ runId, afterSeq, onEvent, onStatus, signal, baseUrl = "" }: RunEventStreamOptions): Promise<void> {
  let lastSeq = afterSeq;
  let finished = false;
  let retryMs = 1_000;
  let failures = 0;

  while (!finished && !signal.aborted) {
    onStatus(failures === 0 ? "connecting" : "reconnecting");
    try {
      const response = await fetch(`${baseUrl}/api/runs/${encodeURIComponent(runId)}/events?after=${lastSeq}`, {
        headers: { Accept: "text/event-stream", "Last-Event-ID": String(lastSeq) },
        cache: "no-store",
        signal,
      });
      if (response.status === 404) throw new FatalStreamError("this run does not exist");
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      onStatus("live");
      failures = 0;
      const parser = createParser({
        onEvent(message) {
          if (finished) return;
          const event = toStoredEvent(runId, message.id, message.data);
          if (event.seq <= lastSeq) return;
          lastSeq = event.seq;
          onEvent(event);
          if (isTerminalEvent(event)) finished = true;
        },
        onRetry(ms) {
          retryMs = ms;
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      while (!finished) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      await reader.cancel().catch(() => {});
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof FatalStreamError) {
        onStatus("failed", error.message);
        return;
      }
      failures += 1;
      onStatus("reconnecting", (error as Error).message);
      await sleep(Math.min(retryMs * failures, MAX_BACKOFF_MS), signal);
      continue;
    }
    // The server closed the stream before the terminal event (a restart, a proxy timeout): pick up where it left.
    if (!finished && !signal.aborted) {
      failures += 1;
      await sleep(Math.min(retryMs, MAX_BACKOFF_MS), signal);
    }
  }
  if (finished) onStatus("ended");
}
