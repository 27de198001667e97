"use client";

import { useEffect, useState } from "react";
import { formatCost, formatDuration, formatTokens } from "./format";
import type { RunViewState } from "./run-state";
import { layoutStages } from "./stage-layout";
import { StatusBadge } from "./status-badge";

const BAR_TONE: Record<string, string> = {
  running: "bg-indigo-500 animate-pulse",
  ok: "bg-emerald-500",
  failed: "bg-rose-500",
  skipped: "bg-zinc-400",
};

/** Ticks once a second while something runs, so live durations grow without an event. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function StageTimeline({ state, selected, onSelect }: { state: RunViewState; selected: string | null; onSelect: (nodeKey: string) => void }) {
  const live = state.order.some((key) => state.nodes[key]?.status === "running") && state.status === "running";
  const now = useNow(live);
  const rows = layoutStages(state.nodes, state.order, now);
  if (rows.length === 0) return <p className="text-sm text-zinc-500">Waiting for the first stage…</p>;
  return (
    <ol className="space-y-1" aria-label="Stages" data-testid="stage-timeline">
      {rows.map(({ node, depth, parallelWith, offset, width }) => {
        const duration = node.durationMs ?? (node.status === "running" ? now - Date.parse(node.startedAt) : undefined);
        const streamed = node.calls.reduce((sum, call) => sum + call.text.length + call.reasoning.length, 0);
        const isSelected = selected === node.nodeKey;
        return (
          <li key={node.nodeKey} data-node={node.nodeKey} data-status={node.status}>
            <button
              type="button"
              onClick={() => onSelect(node.nodeKey)}
              aria-pressed={isSelected}
              className={`w-full rounded border px-2 py-1.5 text-left focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                isSelected
                  ? "border-indigo-400 bg-indigo-50 dark:border-indigo-600 dark:bg-indigo-950/60"
                  : "border-transparent hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
              }`}
            >
              <div className="flex items-center gap-2" style={{ paddingLeft: `${Math.min(depth, 6) * 10}px` }}>
                <span className="truncate text-sm font-medium">{node.label ?? node.nodeKey}</span>
                {parallelWith.length > 0 ? (
                  <span className="text-xs text-indigo-600 dark:text-indigo-300" title={`ran in parallel with ${parallelWith.join(", ")}`}>
                    ∥ {parallelWith.length}
                  </span>
                ) : null}
                {node.resumed ? <span className="text-xs text-zinc-500">reused</span> : null}
                <span className="ml-auto">
                  <StatusBadge value={node.status} />
                </span>
              </div>
              <div className="mt-1 h-1.5 w-full rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden>
                <div className={`h-1.5 rounded ${BAR_TONE[node.status]}`} style={{ marginLeft: `${offset * 100}%`, width: `${width * 100}%` }} />
              </div>
              <div className="mt-0.5 flex gap-3 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
                <span>{formatDuration(duration)}</span>
                <span>{formatTokens(node.tokens)} tok</span>
                <span>{formatCost(node.costUsd)}</span>
                <span>{node.llmCalls} calls</span>
                {node.status === "running" && streamed > 0 ? <span>{formatTokens(streamed)} chars streamed</span> : null}
              </div>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
