"use client";

import { Fragment, memo, useState } from "react";
import type { TestSet } from "@/lib/runs/events";
import { formatDuration } from "./format";
import { OutputDiff } from "./output-diff";
import { latestTestRuns, type CodeVersionView, type TestRunView } from "./run-state";
import { StatusBadge } from "./status-badge";

/** Large hidden sets (200+ tests) would bury the page: failures first, then the first rows, the rest on request. */
const ROWS_PER_SET = 20;

const SET_LABEL: Record<TestSet, string> = { public: "public", ai: "AI", private: "hidden (private)", generated: "hidden (generated)" };

function excerpt(text: string | undefined): string {
  if (text === undefined) return "";
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Re-renders only when tests or versions change, not on every streamed token. */
export const TestsTable = memo(function TestsTable({ testRuns, versions }: { testRuns: TestRunView[]; versions: CodeVersionView[] }) {
  const [versionId, setVersionId] = useState<string>("");
  const [open, setOpen] = useState<string | null>(null);
  const [expandedSets, setExpandedSets] = useState<Set<string>>(new Set());
  const runs = latestTestRuns({ testRuns }, versionId || undefined);
  const judgedVersions = versions.filter((version) => testRuns.some((run) => run.versionId === version.versionId));
  const versionLabel = (id: string) => {
    const version = versions.find((v) => v.versionId === id);
    return version ? `v${version.ordinal}` : id;
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <span className="text-zinc-600 dark:text-zinc-400">Results of</span>
          <select
            value={versionId}
            onChange={(event) => setVersionId(event.target.value)}
            className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">the latest version judged on each set</option>
            {judgedVersions.map((version) => (
              <option key={version.versionId} value={version.versionId}>
                v{version.ordinal}: {version.reason}
              </option>
            ))}
          </select>
        </label>
        {runs.map((run) => (
          <span key={run.testSet} className="text-xs text-zinc-600 dark:text-zinc-400" data-testid={`tests-summary-${run.testSet}`}>
            {SET_LABEL[run.testSet]}: {run.passed} passed, {run.failed} failed ({versionLabel(run.versionId)})
          </span>
        ))}
      </div>
      {runs.length === 0 ? (
        <p className="text-sm text-zinc-500">No test has run yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="tests-table">
            <thead className="text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-2 py-1">Set</th>
                <th className="px-2 py-1">#</th>
                <th className="px-2 py-1">Input</th>
                <th className="px-2 py-1">Expected</th>
                <th className="px-2 py-1">Actual</th>
                <th className="px-2 py-1">Verdict</th>
                <th className="px-2 py-1">Time</th>
                <th className="px-2 py-1">Anchor</th>
              </tr>
            </thead>
            <tbody>
              {runs.flatMap((run) => {
                const ordered = [...run.tests].sort((a, b) => Number(a.verdict === "AC") - Number(b.verdict === "AC") || a.index - b.index);
                const showAll = expandedSets.has(run.testSet) || ordered.length <= ROWS_PER_SET;
                const shown = showAll ? ordered : ordered.slice(0, ROWS_PER_SET);
                const rows = shown.map((test) => {
                  const key = `${run.testSet}:${test.index}`;
                  const failed = test.verdict !== "AC";
                  const expanded = open === key;
                  return (
                    <Fragment key={key}>
                      <tr className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="test-row" data-set={run.testSet} data-verdict={test.verdict}>
                        <td className="px-2 py-1 text-xs">{SET_LABEL[run.testSet]}</td>
                        <td className="px-2 py-1 tabular-nums">{test.index}</td>
                        <td className="max-w-48 px-2 py-1">
                          <code className="whitespace-pre-wrap break-all text-xs">{excerpt(test.input)}</code>
                        </td>
                        <td className="max-w-48 px-2 py-1">
                          <code className="whitespace-pre-wrap break-all text-xs">{excerpt(test.expected)}</code>
                        </td>
                        <td className="max-w-48 px-2 py-1">
                          <code className="whitespace-pre-wrap break-all text-xs">{excerpt(test.stdout)}</code>
                        </td>
                        <td className="px-2 py-1">
                          {failed ? (
                            <button
                              type="button"
                              aria-expanded={expanded}
                              onClick={() => setOpen(expanded ? null : key)}
                              className="rounded focus-visible:outline-2 focus-visible:outline-indigo-500"
                              title="Show the output diff"
                            >
                              <StatusBadge value={test.verdict} label={`${test.verdict} ${expanded ? "▾" : "▸"}`} />
                            </button>
                          ) : (
                            <StatusBadge value={test.verdict} />
                          )}
                        </td>
                        <td className="px-2 py-1 tabular-nums text-xs">{formatDuration(test.timeMs)}</td>
                        <td className="px-2 py-1 text-xs">{test.isAnchor ? <span title="a fix must keep this test passing">⚓ anchor</span> : ""}</td>
                      </tr>
                      {expanded ? (
                        <tr>
                          <td colSpan={8} className="px-2 pb-3">
                            {test.expected !== undefined ? (
                              <OutputDiff expected={test.expected} actual={test.stdout} />
                            ) : (
                              <p className="text-xs text-zinc-500">The expected output of this test is not shown (hidden tests keep it on the server).</p>
                            )}
                            {test.stderr ? (
                              <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-rose-50 p-2 font-mono text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-200">
                                {test.stderr}
                              </pre>
                            ) : null}
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                });
                if (!showAll) {
                  rows.push(
                    <tr key={`${run.testSet}:more`} className="border-t border-zinc-100 dark:border-zinc-800">
                      <td colSpan={8} className="px-2 py-1">
                        <button
                          type="button"
                          onClick={() => setExpandedSets((sets) => new Set([...sets, run.testSet]))}
                          className="text-xs text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
                        >
                          Show all {ordered.length} {SET_LABEL[run.testSet]} tests ({ordered.length - ROWS_PER_SET} more)
                        </button>
                      </td>
                    </tr>,
                  );
                }
                return rows;
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
});
