"use client";

import { useEffect, useState, type ReactNode } from "react";
import { formatCost, formatDuration, formatTokens } from "./format";
import { isTerminal, type RunViewState } from "./run-state";
import { StatusBadge } from "./status-badge";

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="min-w-24">
      <div className="text-xs uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function useWallMs(state: RunViewState): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  const running = !isTerminal(state.status) && state.startedAt !== undefined;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [running]);
  if (state.finished) return state.finished.totals.wallMs;
  return state.startedAt ? now - Date.parse(state.startedAt) : undefined;
}

/** LLM calls, tokens, cost and wall time (live, then the engine's final totals), and the verdict on hidden tests. */
export function RunTotals({ state }: { state: RunViewState }) {
  const wallMs = useWallMs(state);
  const totals = state.finished?.totals ?? state.totals;
  const hidden = state.finished?.tests.hidden;
  const solved = state.finished?.solved;
  return (
    <div className="flex flex-wrap items-end gap-x-8 gap-y-3" data-testid="run-totals">
      <Stat label="LLM calls" value={totals.llmCalls} testId="total-calls" />
      <Stat label="Tokens" value={`${formatTokens(totals.promptTokens)} in / ${formatTokens(totals.completionTokens)} out`} testId="total-tokens" />
      <Stat label="Cost" value={formatCost(totals.costUsd)} testId="total-cost" />
      <Stat label="Wall time" value={formatDuration(wallMs)} testId="total-wall" />
      <Stat
        label="Hidden tests"
        testId="final-verdict"
        value={
          state.finished ? (
            solved === null || solved === undefined ? (
              <span className="text-sm font-normal text-zinc-500">not scored</span>
            ) : (
              <span className="flex items-center gap-2">
                <StatusBadge value={solved ? "solved" : "failed"} label={solved ? "solved" : "not solved"} />
                {hidden ? <span className="text-sm font-normal">{hidden.passed} passed, {hidden.failed} failed</span> : null}
              </span>
            )
          ) : (
            <span className="text-sm font-normal text-zinc-500">after the run</span>
          )
        }
      />
    </div>
  );
}
