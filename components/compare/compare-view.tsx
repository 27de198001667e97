"use client";

import Link from "next/link";
import { useState } from "react";
import { CodeDiffEditor } from "@/components/editor/code-editor";
import { formatCost, formatDuration, formatTokens } from "@/components/run/format";
import { ParsedOutputView } from "@/components/run/parsed-output-view";
import { StatusBadge } from "@/components/run/status-badge";
import { Card } from "@/components/ui/card";
import { stageRows, testsMatrix, type ComparedRun } from "./comparison";

function RunHeading({ run, index }: { run: ComparedRun; index: number }) {
  return (
    <div className="space-y-1">
      <Link href={`/runs/${run.id}`} className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300">
        {String.fromCharCode(65 + index)} · {run.id}
      </Link>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <StatusBadge value={run.status} />
        {run.solved === null ? null : <StatusBadge value={run.solved ? "solved" : "failed"} label={run.solved ? "solved" : "not solved"} />}
        <span className="text-zinc-600 dark:text-zinc-400">{run.model}</span>
      </div>
      <div className="text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {run.totals.llmCalls} calls · {formatTokens(run.totals.tokens)} tokens · {formatCost(run.totals.costUsd)} · {formatDuration(run.totals.wallMs)}
      </div>
    </div>
  );
}

export function CompareView({ runs }: { runs: ComparedRun[] }) {
  const [differencesOnly, setDifferencesOnly] = useState(false);
  const [openStage, setOpenStage] = useState<string | null>(null);
  const [diffPair, setDiffPair] = useState<[number, number]>([0, 1]);
  const stages = stageRows(runs);
  const matrix = testsMatrix(runs);
  const shownRows = differencesOnly ? matrix.filter((row) => row.differs) : matrix;
  const columns = { gridTemplateColumns: `12rem repeat(${runs.length}, minmax(0, 1fr))` };
  const [left, right] = [runs[diffPair[0]], runs[diffPair[1]]];

  return (
    <div className="space-y-4" data-testid="compare-view">
      <Card>
        <div className="grid gap-3" style={columns}>
          <div className="text-sm font-semibold">{runs[0].problem}</div>
          {runs.map((run, i) => (
            <RunHeading key={run.id} run={run} index={i} />
          ))}
        </div>
      </Card>

      <Card title="Stages">
        <div className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="compare-stages">
          {stages.map((row) => {
            const open = openStage === row.nodeKey;
            return (
              <div key={row.nodeKey} className="py-1">
                <div className="grid items-center gap-3" style={columns}>
                  <button
                    type="button"
                    aria-expanded={open}
                    onClick={() => setOpenStage(open ? null : row.nodeKey)}
                    className="truncate rounded text-left text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500"
                  >
                    <span aria-hidden>{open ? "▾" : "▸"}</span> {row.cells.find((c) => c?.label)?.label ?? row.nodeKey}
                  </button>
                  {row.cells.map((cell, i) =>
                    cell ? (
                      <div key={i} className="flex flex-wrap items-center gap-2 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
                        <StatusBadge value={cell.status} />
                        <span>{formatDuration(cell.durationMs)}</span>
                        <span>{formatTokens(cell.tokens)} tok</span>
                        <span>{formatCost(cell.costUsd)}</span>
                      </div>
                    ) : (
                      <div key={i} className="text-xs text-zinc-400">
                        not run
                      </div>
                    ),
                  )}
                </div>
                {open ? (
                  <div className="mt-2 grid gap-3" style={columns}>
                    <div />
                    {row.cells.map((cell, i) => (
                      <div key={i} className="min-w-0 overflow-auto rounded border border-zinc-200 p-2 dark:border-zinc-800">
                        {cell?.output ? <ParsedOutputView output={cell.output} /> : <p className="text-xs text-zinc-500">no parsed output</p>}
                      </div>
                    ))}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Card>

      <Card title="Tests of the final programs">
        <label className="mb-2 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={differencesOnly} onChange={(event) => setDifferencesOnly(event.target.checked)} />
          Differences only ({matrix.filter((row) => row.differs).length} of {matrix.length} tests differ)
        </label>
        <div className="max-h-[32rem] overflow-auto">
          <table className="w-full text-left text-sm" data-testid="tests-matrix">
            <thead className="sticky top-0 bg-white text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900">
              <tr>
                <th className="px-2 py-1">Test</th>
                <th className="px-2 py-1">Input</th>
                {runs.map((run, i) => (
                  <th key={run.id} className="px-2 py-1">
                    Run {String.fromCharCode(65 + i)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <tr key={row.key} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="matrix-row" data-differs={row.differs}>
                  <td className="whitespace-nowrap px-2 py-1 text-xs">{row.label}</td>
                  <td className="max-w-64 px-2 py-1">
                    <code className="line-clamp-2 whitespace-pre-wrap break-all text-xs">{row.input ?? ""}</code>
                  </td>
                  {row.cells.map((cell, i) => (
                    <td key={i} className="px-2 py-1">
                      {cell ? (
                        <span className="flex items-center gap-2">
                          <StatusBadge value={cell.verdict} />
                          <span className="text-xs tabular-nums text-zinc-500">{formatDuration(cell.timeMs)}</span>
                        </span>
                      ) : (
                        <span className="text-xs text-zinc-400">—</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {shownRows.length === 0 ? <p className="p-2 text-sm text-zinc-500">{differencesOnly ? "The runs agree on every test." : "No tests were run."}</p> : null}
        </div>
      </Card>

      <Card title="Final programs">
        {runs.length > 2 ? (
          <div className="mb-2 flex flex-wrap gap-3 text-sm">
            {(["from", "to"] as const).map((side, s) => (
              <label key={side} className="flex items-center gap-2">
                {side}
                <select
                  value={diffPair[s]}
                  onChange={(event) => {
                    const next: [number, number] = [...diffPair];
                    next[s] = Number(event.target.value);
                    setDiffPair(next);
                  }}
                  className="rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
                >
                  {runs.map((run, i) => (
                    <option key={run.id} value={i}>
                      Run {String.fromCharCode(65 + i)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        ) : null}
        {left.finalCode !== null && right.finalCode !== null ? (
          <CodeDiffEditor original={left.finalCode} modified={right.finalCode} language={right.language} />
        ) : (
          <p className="text-sm text-zinc-500">One of the runs has no program yet.</p>
        )}
      </Card>
    </div>
  );
}
