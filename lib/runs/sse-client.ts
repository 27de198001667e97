import { createParser } from "eventsource-parser";
import { isTerminalEvent, storedRunEventSchema, type StoredRunEvent } from "./events";

/** Browser- and Node-safe (fetch + web streams): used by the CLI and the run page. */

export type StreamRunEventsOptions = {
  /** Start after this seq (events up to it are already known). */
  afterSeq?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Wait before reconnecting; the server's `retry:` field overrides it. */
  reconnectDelayMs?: number;
  /** Give up after this many connection attempts in a row that brought no new event. */
  maxAttempts?: number;
  headers?: Record<string, string>;
  onReconnect?: (info: { attempt: number; lastSeq: number; reason: string }) => void;
};

/** The server answered with a status that retrying will not fix (404 unknown run, 400 bad resume point). */
export class RunStreamError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RunStreamError";
  }
}

/**
 * The events of a run from its SSE endpoint, in seq order, each once: after a dropped connection it reconnects
 * with `Last-Event-ID`, and drops anything at or below the last seq seen. Ends when the server closes the stream
 * right after the terminal event.
 */
export async function* streamRunEvents(
  url: string | URL,
  options: StreamRunEventsOptions = {},
): AsyncGenerator<StoredRunEvent, void, undefined> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const maxAttempts = options.maxAttempts ?? 10;
  let delayMs = options.reconnectDelayMs ?? 1_000;
  let lastSeq = options.afterSeq ?? 0;
  let failedAttempts = 0;
  const { signal } = options;

  while (!signal?.aborted) {
    let reason: string;
    let endedAfterTerminal = false;
    const received: StoredRunEvent[] = [];
    let protocolError: RunStreamError | null = null;
    const parser = createParser({
      onEvent(message) {
        const parsed = parseMessage(message.data);
        if (parsed instanceof RunStreamError) protocolError ??= parsed;
        else received.push(parsed);
      },
      onRetry(ms) {
        delayMs = ms;
      },
    });
    try {
      const response = await fetchImpl(url, {
        headers: {
          Accept: "text/event-stream",
          ...options.headers,
          ...(lastSeq > 0 && { "Last-Event-ID": String(lastSeq) }),
        },
        cache: "no-store",
        signal,
      });
      if (!response.ok || !response.body) {
        const detail = await errorDetail(response);
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          throw new RunStreamError(`event stream answered ${response.status}: ${detail}`, response.status);
        }
        throw new Error(`event stream answered ${response.status}: ${detail}`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) break;
          parser.feed(chunk.value);
          if (protocolError) throw protocolError;
          while (received.length > 0) {
            const event = received.shift()!;
            if (event.seq <= lastSeq) continue;
            lastSeq = event.seq;
            failedAttempts = 0;
            endedAfterTerminal = isTerminalEvent(event);
            yield event;
            if (signal?.aborted) return;
          }
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
      if (endedAfterTerminal) return;
      reason = "the stream closed before the terminal event";
    } catch (error) {
      if (signal?.aborted) return;
      if (error instanceof RunStreamError) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
    failedAttempts += 1;
    if (failedAttempts >= maxAttempts) {
      throw new RunStreamError(`gave up after ${failedAttempts} attempts without progress: ${reason}`);
    }
    options.onReconnect?.({ attempt: failedAttempts, lastSeq, reason });
    await sleep(delayMs, signal);
  }
}

function parseMessage(data: string): StoredRunEvent | RunStreamError {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return new RunStreamError(`event data is not JSON: ${data.slice(0, 80)}`);
  }
  const parsed = storedRunEventSchema.safeParse(raw);
  return parsed.success ? parsed.data : new RunStreamError(`malformed run event: ${parsed.error.issues[0]?.message}`);
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {}
  return text.slice(0, 200) || response.statusText;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
