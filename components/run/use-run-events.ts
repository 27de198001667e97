"use client";

import { useEffect, useRef, useState } from "react";
import type { StoredRunEvent } from "@/lib/runs/events";
import { followRunEvents, type StreamStatus } from "./run-event-stream";
import { applyRunEvents, initialRunViewState, type RunViewState } from "./run-state";

/** Waits for the next frame when the tab is visible (smooth streaming), else flushes on a timer (background tabs get no frames). */
function scheduleFlush(flush: () => void): () => void {
  if (typeof document !== "undefined" && document.visibilityState === "visible") {
    const frame = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(flush, 100);
  return () => clearTimeout(timer);
}

/**
 * The run's view state, fed by its one event stream. Events are queued as they arrive and applied once per frame,
 * so a burst of thousands of token events costs one render. `generation` reopens the stream (after a resume).
 */
export function useRunEvents(runId: string, generation: number): { state: RunViewState; stream: StreamStatus; streamDetail?: string } {
  const [state, setState] = useState(initialRunViewState);
  const [stream, setStream] = useState<{ status: StreamStatus; detail?: string }>({ status: "connecting" });
  const lastSeq = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    let queue: StoredRunEvent[] = [];
    let cancelFlush: (() => void) | null = null;

    const flush = () => {
      cancelFlush = null;
      const batch = queue;
      queue = [];
      setState((previous) => applyRunEvents(previous, batch));
    };

    void followRunEvents({
      runId,
      afterSeq: lastSeq.current,
      signal: controller.signal,
      onEvent(event) {
        lastSeq.current = event.seq;
        queue.push(event);
        cancelFlush ??= scheduleFlush(flush);
      },
      onStatus(status, detail) {
        setStream({ status, detail });
      },
    });

    return () => {
      controller.abort();
      cancelFlush?.();
      if (queue.length > 0) flush();
    };
  }, [runId, generation]);

  return { state, stream: stream.status, streamDetail: stream.detail };
}
