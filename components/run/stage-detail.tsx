"use client";

import { useState } from "react";
import { formatCost, formatDuration, formatTokens } from "./format";
import { ParsedOutputView } from "./parsed-output-view";
import type { CallView, StageNode } from "./run-state";
import { StatusBadge } from "./status-badge";
import { FORKABLE_STAGES } from "@/lib/flow/forkable";
import { ForkButton, type ForkSource } from "./fork-dialog";
import { StoredStageResult } from "./stored-stage-result";
import { StreamingText } from "./streaming-text";

function CallPanel({ call, index, live }: { call: CallView; index: number; live: boolean }) {
  const [showReasoning, setShowReasoning] = useState(true);
  return (
    <div className="space-y-2" data-testid="llm-call">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">Call {index + 1}</span>
        {call.model ? <span>{call.model}</span> : null}
        {call.usage ? (
          <span className="tabular-nums">
            {formatTokens(call.usage.promptTokens)} in · {formatTokens(call.usage.completionTokens)} out
            {call.usage.reasoningTokens > 0 ? ` · ${formatTokens(call.usage.reasoningTokens)} reasoning` : ""}
            {call.usage.estimated ? " (estimated)" : ""}
          </span>
        ) : null}
        {call.latencyMs !== undefined ? <span>{formatDuration(call.latencyMs)}</span> : null}
        {call.costUsd !== undefined ? <span>{formatCost(call.costUsd)}</span> : null}
        {call.cacheHit ? <StatusBadge value="ok" label="cache hit" /> : null}
        {call.truncated ? <StatusBadge value="truncated" label="cut at max tokens" /> : null}
        {live ? <StatusBadge value="running" label="streaming" /> : null}
      </div>
      {call.reasoning ? (
        <div className="rounded border border-zinc-200 dark:border-zinc-800">
          <button
            type="button"
            aria-expanded={showReasoning}
            onClick={() => setShowReasoning((open) => !open)}
            className="flex w-full items-center gap-2 px-2 py-1 text-left text-xs font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300"
          >
            <span aria-hidden>{showReasoning ? "▾" : "▸"}</span> Reasoning ({formatTokens(call.reasoning.length)} chars)
          </button>
          {showReasoning ? (
            <div className="px-2 pb-2">
              <StreamingText text={call.reasoning} live={live && call.text === ""} label={`Reasoning of call ${index + 1}`} testId="stage-reasoning" />
            </div>
          ) : null}
        </div>
      ) : null}
      <StreamingText text={call.text} live={live} label={`Answer of call ${index + 1}`} testId="stage-text" />
    </div>
  );
}

export function StageDetail({ runId, node, forkSource }: { runId: string; node: StageNode; forkSource: ForkSource }) {
  const [tab, setTab] = useState<"output" | "stream">("output");
  const live = node.status === "running";
  const output = node.outputs[node.outputs.length - 1];
  const view = output === undefined ? "stream" : tab;
  return (
    <section aria-label={`Stage ${node.label ?? node.nodeKey}`} data-testid="stage-detail" data-node={node.nodeKey} className="space-y-3">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold">{node.label ?? node.nodeKey}</h3>
        <span className="font-mono text-xs text-zinc-500">{node.stage}</span>
        <StatusBadge value={node.status} />
        <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
          {formatDuration(node.durationMs)} · {formatTokens(node.tokens)} tokens · {formatCost(node.costUsd)} · {node.llmCalls} calls
        </span>
        {node.dependsOn.length > 0 ? <span className="text-xs text-zinc-500">after {node.dependsOn.join(", ")}</span> : null}
        {node.status === "ok" && FORKABLE_STAGES.includes(node.nodeKey) ? (
          <span className="ml-auto">
            <ForkButton source={forkSource} nodeKey={node.nodeKey} label={node.label ?? node.nodeKey} />
          </span>
        ) : null}
      </header>
      {node.error ? <p className="rounded bg-rose-50 p-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">{node.error}</p> : null}
      <div role="tablist" aria-label="Stage view" className="flex gap-1 text-sm">
        {(["output", "stream"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            disabled={name === "output" && output === undefined}
            onClick={() => setTab(name)}
            className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-40 ${
              view === name ? "bg-indigo-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
            }`}
          >
            {name === "output" ? "Parsed output" : `Model stream (${node.calls.length})`}
          </button>
        ))}
      </div>
      {view === "output" && output !== undefined ? (
        <ParsedOutputView output={output} />
      ) : node.calls.length === 0 && node.resumed ? (
        <StoredStageResult runId={runId} nodeKey={node.nodeKey} />
      ) : node.calls.length === 0 ? (
        <p className="text-sm text-zinc-500">{live ? "Waiting for the model…" : "This stage made no model call."}</p>
      ) : (
        <div className="space-y-4">
          {node.calls.map((call, i) => (
            <CallPanel key={call.callId} call={call} index={i} live={live && call.usage === undefined} />
          ))}
        </div>
      )}
    </section>
  );
}
