"use client";

import { useEffect, useRef } from "react";

/** Keeps a growing text scrolled to its end while the reader has not scrolled up to read. */
export function StreamingText({ text, live, label, testId }: { text: string; live: boolean; label: string; testId: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = ref.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [text]);
  return (
    <pre
      ref={ref}
      tabIndex={0}
      aria-label={label}
      aria-busy={live}
      data-testid={testId}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
      className="max-h-80 overflow-auto whitespace-pre-wrap rounded bg-zinc-50 p-2 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-indigo-500 dark:bg-zinc-900"
    >
      {text}
      {live ? <span className="ml-0.5 inline-block h-3 w-1.5 animate-pulse bg-indigo-500 align-middle" /> : null}
    </pre>
  );
}
