"use client";

import dynamic from "next/dynamic";

function EditorPlaceholder() {
  return <p className="rounded border border-zinc-200 p-3 text-sm text-zinc-500 dark:border-zinc-800">Loading editor…</p>;
}

/** Monaco, loaded in the browser only (it needs `window`), from the local package. */
export const CodeEditor = dynamic(() => import("./monaco-code-view"), { ssr: false, loading: EditorPlaceholder });

/** Monaco's diff editor between two programs, read-only. */
export const CodeDiffEditor = dynamic(() => import("./monaco-diff-view"), { ssr: false, loading: EditorPlaceholder });
