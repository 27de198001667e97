"use client";

import Link from "next/link";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { CodeVersions } from "./code-versions";
import { formatDateTime } from "./format";
import { RunActions } from "./run-actions";
import { RunLog } from "./run-log";
import { formatSeqRanges } from "./run-state";
import type { RunSummary } from "./run-summary";
import { RunTotals } from "./run-totals";
import { StageDetail } from "./stage-detail";
import { StageTimeline } from "./stage-timeline";
import { StatusBadge } from "./status-badge";
import { TestsTable } from "./tests-table";
import { useRunEvents } from "./use-run-events";

/** The live studio of one run: everything on it is rebuilt from the run's event stream. */
export function RunStudio({ run }: { run: RunSummary }) {
  const [generation, setGeneration] = useState(0);
  const { state, stream, streamDetail } = useRunEvents(run.id, generation);
  const [picked, setPicked] = useState<string | null>(null);

  // Follow the newest stage until the reader picks one.
  const selectedKey = picked ?? state.order[state.order.length - 1] ?? null;
  const selected = selectedKey ? state.nodes[selectedKey] : undefined;
  const status = state.status === "waiting" ? run.status : state.status;

  return (
    <div
      className="space-y-4"
      data-testid="run-studio"
      data-run-status={status}
      data-last-seq={state.lastSeq}
      data-seqs={formatSeqRanges(state.seqRanges)}
      data-duplicates-dropped={state.duplicatesDropped}
      data-stream={stream}
    >
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold tracking-tight">
            <Link href={`/problems/${run.problem.id}`} className="hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-300">
              {run.problem.name}
            </Link>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
            <StatusBadge value={status} />
            <span>
              {run.mode} · {run.language} · {state.started?.model ?? run.model} · {run.provider}
            </span>
            <span>started {formatDateTime(run.createdAt)}</span>
            <span className="font-mono text-xs">{run.id}</span>
            <span className="text-xs" title={streamDetail}>
              stream: {stream}
            </span>
          </p>
          {run.parentRunId ? (
            <p className="mt-1 text-sm">
              Forked from{" "}
              <Link className="text-indigo-700 underline dark:text-indigo-300" href={`/runs/${run.parentRunId}`}>
                run {run.parentRunId}
              </Link>{" "}
              at {run.forkFromStage} ·{" "}
              <Link className="text-indigo-700 underline dark:text-indigo-300" href={`/compare?runs=${run.parentRunId},${run.id}`}>
                compare with it
              </Link>
            </p>
          ) : null}
          {run.forks.length > 0 ? (
            <p className="mt-1 text-sm">
              Forks:{" "}
              {run.forks.map((fork) => (
                <Link key={fork.id} className="mr-2 text-indigo-700 underline dark:text-indigo-300" href={`/runs/${fork.id}`}>
                  {fork.forkFromStage ?? "fork"} ({fork.status})
                </Link>
              ))}
            </p>
          ) : null}
        </div>
        <RunActions
          runId={run.id}
          problemId={run.problem.id}
          config={run.config}
          model={run.model}
          status={state.status}
          storedStatus={run.status}
          onResumed={() => setGeneration((g) => g + 1)}
        />
      </header>

      <Card>
        <RunTotals state={state} />
        {state.errors.filter((e) => e.fatal).map((error, i) => (
          <p key={i} role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
            {error.stage ? `${error.stage}: ` : ""}
            {error.message}
          </p>
        ))}
        {state.finished?.error ? <p className="mt-2 text-sm text-rose-700 dark:text-rose-300">{state.finished.error}</p> : null}
      </Card>

      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card title="Stages">
          <StageTimeline state={state} selected={selectedKey} onSelect={setPicked} />
        </Card>
        <Card>
          {selected ? (
            <StageDetail runId={run.id} node={selected} forkSource={{ runId: run.id, problemId: run.problem.id, config: run.config, model: run.model }} />
          ) : (
            <p className="text-sm text-zinc-500">{stream === "failed" ? streamDetail : "Waiting for the run to start…"}</p>
          )}
        </Card>
      </div>

      <Card title="Tests">
        <TestsTable testRuns={state.testRuns} versions={state.versions} />
      </Card>

      <Card title="Code versions">
        <CodeVersions versions={state.versions} />
      </Card>

      {state.decisions.length > 0 || state.errors.length > 0 ? (
        <Card title="Decisions and errors">
          <RunLog decisions={state.decisions} errors={state.errors} />
        </Card>
      ) : null}

    </div>
  );
}
