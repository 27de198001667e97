import type { Db } from "@/lib/db/client";
import { appendEvent } from "./event-store";
import { parseRunEvent, type RunEvent, type RunEventInput, type StoredRunEvent } from "./events";

type DeltaEvent = Extract<RunEvent, { type: "token" | "reasoning" }>;

export type EventWriter = {
  /**
   * Validates at once (a bad event throws here, synchronously) and queues the event. Consecutive token or
   * reasoning deltas of the same node and call within the window are merged into one stored event. The promise
   * settles when the (merged) event is stored; it need not be awaited: a storage failure is rethrown by flush().
   */
  emit(event: RunEventInput): Promise<StoredRunEvent>;
  /** Stores everything queued so far, in order; rejects with the first storage failure since the last flush. */
  flush(): Promise<void>;
};

export type EventWriterOptions = {
  /** How long a delta waits for the next one to merge with. */
  windowMs?: number;
  /** A merged delta is stored early once its text reaches this size. */
  maxDeltaChars?: number;
};

type PendingDelta = {
  event: DeltaEvent;
  timer: ReturnType<typeof setTimeout>;
  resolve: (stored: StoredRunEvent) => void;
  reject: (error: unknown) => void;
  stored: Promise<StoredRunEvent>;
};

/** An ordered, coalescing writer for one run: the way the flow engine emits, so 20,000 tokens are not 20,000 rows. */
export function createEventWriter(db: Db, runId: string, options: EventWriterOptions = {}): EventWriter {
  const windowMs = options.windowMs ?? 40;
  const maxDeltaChars = options.maxDeltaChars ?? 16_384;
  let chain: Promise<unknown> = Promise.resolve();
  let pending: PendingDelta | null = null;
  let failure: { error: unknown } | null = null;

  function enqueue(event: RunEvent): Promise<StoredRunEvent> {
    const stored = chain.then(() => appendEvent(db, runId, event));
    chain = stored.catch((error: unknown) => {
      failure ??= { error };
    });
    stored.catch(() => {});
    return stored;
  }

  function releasePending(): void {
    if (!pending) return;
    const { event, timer, resolve, reject } = pending;
    pending = null;
    clearTimeout(timer);
    enqueue(event).then(resolve, reject);
  }

  function startPending(event: DeltaEvent): Promise<StoredRunEvent> {
    let resolve!: (stored: StoredRunEvent) => void;
    let reject!: (error: unknown) => void;
    const stored = new Promise<StoredRunEvent>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    stored.catch(() => {});
    pending = { event: { ...event }, timer: setTimeout(releasePending, windowMs), resolve, reject, stored };
    return stored;
  }

  return {
    emit(input) {
      const event = parseRunEvent(input);
      if (event.type !== "token" && event.type !== "reasoning") {
        releasePending();
        return enqueue(event);
      }
      if (pending && continuesDelta(pending.event, event)) {
        pending.event.text += event.text;
        const stored = pending.stored;
        if (pending.event.text.length >= maxDeltaChars) releasePending();
        return stored;
      }
      releasePending();
      return startPending(event);
    },
    async flush() {
      releasePending();
      await chain;
      if (failure) {
        const { error } = failure;
        failure = null;
        throw error;
      }
    },
  };
}

function continuesDelta(previous: DeltaEvent, next: DeltaEvent): boolean {
  return previous.type === next.type && previous.nodeKey === next.nodeKey && previous.callId === next.callId;
}
