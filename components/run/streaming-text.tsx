"use client";

import { memo, useEffect, useMemo, useRef } from "react";
import { textBlocks } from "./text-blocks";

/** A closed block never changes again: memo keeps React from touching it, so the browser need not re-lay it out. */
const ClosedBlock = memo(function ClosedBlock({ text }: { text: string }) {
  return <span className="block">{text}</span>;
});

/**
 * Keeps a growing text scrolled to its end while the reader has not scrolled up to read. The text is shown in
 * blocks of whole lines (see textBlocks): laying out the whole of a 20,000-token answer again on every frame made
 * long tasks of up to ~260 ms while it streamed (npm run bench:sse).
 */
export function StreamingText({ text, live, label, testId }: { text: string; live: boolean; label: string; testId: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  const blocks = useMemo(() => textBlocks(text), [text]);
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
      {blocks.slice(0, -1).map((block, i) => (
        <ClosedBlock key={i} text={block} />
      ))}
      <span className="block">
        {blocks[blocks.length - 1]}
        {live ? <span className="ml-0.5 inline-block h-3 w-1.5 animate-pulse bg-indigo-500 align-middle" /> : null}
      </span>
    </pre>
  );
}
