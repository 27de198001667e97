import Link from "next/link";
import { z } from "zod";
import { formatCost, formatDateTime, formatDuration, formatTokens } from "@/components/run/format";
import { firstValues, runFiltersSchema, type RunFilters } from "@/components/run/run-filters";
import { StatusBadge } from "@/components/run/status-badge";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { runStatusSchema } from "@/lib/runs/events";
import { listRuns, type ListRunsQuery } from "@/lib/runs/service";

export const dynamic = "force-dynamic";
export const metadata = { title: "Runs" };

const PAGE_SIZE = 50;
const input = "rounded border border-zinc-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900";

/** The filters as lib/runs' listRuns reads them; a "to" day includes the whole of that day. */
function listQuery(filters: RunFilters, page: number): ListRunsQuery {
  return {
    problem: filters.problem,
    model: filters.model,
    status: filters.status,
    from: filters.from ? `${filters.from}T00:00:00.000Z` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
}

function Verdict({ solved, passed, failed }: { solved: boolean | null; passed: number; failed: number }) {
  if (solved === null) return <span className="text-xs text-zinc-500">not scored</span>;
  return (
    <span className="flex items-center gap-1">
      <StatusBadge value={solved ? "solved" : "failed"} label={solved ? "solved" : "not solved"} />
      <span className="text-xs tabular-nums text-zinc-500">
        {passed}/{passed + failed}
      </span>
    </span>
  );
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = runFiltersSchema.safeParse(firstValues(await searchParams));
  const filters: RunFilters = parsed.success ? parsed.data : {};
  const page = filters.page ?? 1;
  const [{ runs, total }, models] = await Promise.all([
    listRuns(db(), listQuery(filters, page)),
    db().run.findMany({ distinct: ["model"], select: { model: true }, orderBy: { model: "asc" } }),
  ]);
  const query = (next: Partial<Record<keyof RunFilters, string | number | undefined>>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filters, ...next })) if (value !== undefined && value !== "") params.set(key, String(value));
    return `/runs?${params}`;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Runs</h1>
      <Card>
        <form method="get" action="/runs" className="flex flex-wrap items-end gap-3" aria-label="Filter runs">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Problem</span>
            <input name="problem" defaultValue={filters.problem} placeholder="name contains…" className={input} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Model</span>
            <select name="model" defaultValue={filters.model ?? ""} className={input}>
              <option value="">any</option>
              {models.map(({ model }) => (
                <option key={model} value={model}>
                  {model}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Status</span>
            <select name="status" defaultValue={filters.status ?? ""} className={input}>
              <option value="">any</option>
              {runStatusSchema.options.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">From</span>
            <input type="date" name="from" defaultValue={filters.from} className={input} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="block font-medium">To</span>
            <input type="date" name="to" defaultValue={filters.to} className={input} />
          </label>
          <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
            Filter
          </button>
          <Link href="/runs" className="text-sm text-zinc-600 underline dark:text-zinc-400">
            Clear
          </Link>
        </form>
        {!parsed.success ? <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">Ignored bad filters: {z.prettifyError(parsed.error)}</p> : null}
      </Card>

      <Card title={`${total} run${total === 1 ? "" : "s"}`}>
        {runs.length === 0 ? (
          <p className="text-sm text-zinc-500">
            No runs{parsed.success && Object.keys(filters).length > 0 ? " match these filters" : " yet: pick a problem and press Solve"}.
          </p>
        ) : (
          <form method="get" action="/compare">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="runs-table">
                <thead className="text-xs uppercase tracking-wide text-zinc-500">
                  <tr>
                    <th className="px-2 py-1">
                      <span className="sr-only">Compare</span>
                    </th>
                    <th className="px-2 py-1">Run</th>
                    <th className="px-2 py-1">Problem</th>
                    <th className="px-2 py-1">Model</th>
                    <th className="px-2 py-1">Status</th>
                    <th className="px-2 py-1">Hidden tests</th>
                    <th className="px-2 py-1 text-right">Calls</th>
                    <th className="px-2 py-1 text-right">Tokens</th>
                    <th className="px-2 py-1 text-right">Cost</th>
                    <th className="px-2 py-1 text-right">Time</th>
                    <th className="px-2 py-1">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => (
                    <tr key={run.id} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="run-row" data-run-id={run.id}>
                      <td className="px-2 py-1">
                        <input type="checkbox" name="runs" value={run.id} aria-label={`Select run ${run.id} to compare`} />
                      </td>
                      <td className="px-2 py-1">
                        <Link href={`/runs/${run.id}`} className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300">
                          {run.id.slice(-8)}
                        </Link>
                        {run.parentRunId ? <span className="ml-1 text-xs text-zinc-500" title={`forked at ${run.forkFromStage}`}>fork</span> : null}
                      </td>
                      <td className="px-2 py-1">
                        <Link href={`/problems/${run.problem.id}`} className="hover:underline">
                          {run.problem.name}
                        </Link>
                      </td>
                      <td className="px-2 py-1 text-xs">{run.model}</td>
                      <td className="px-2 py-1">
                        <StatusBadge value={run.status} />
                      </td>
                      <td className="px-2 py-1">
                        <Verdict solved={run.solved} passed={run.hiddenPassed} failed={run.hiddenFailed} />
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums">{run.llmCalls}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{formatTokens(run.promptTokens + run.completionTokens)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">{formatCost(run.costUsd)}</td>
                      <td className="px-2 py-1 text-right tabular-nums">
                        {run.startedAt && run.finishedAt ? formatDuration(run.finishedAt.getTime() - run.startedAt.getTime()) : "–"}
                      </td>
                      <td className="whitespace-nowrap px-2 py-1 text-xs">{formatDateTime(run.createdAt.toISOString())}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <button type="submit" className="rounded border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
                Compare selected (2–3)
              </button>
              {page > 1 ? (
                <Link href={query({ page: page - 1 })} className="text-sm text-indigo-700 underline dark:text-indigo-300">
                  Newer
                </Link>
              ) : null}
              {page * PAGE_SIZE < total ? (
                <Link href={query({ page: page + 1 })} className="text-sm text-indigo-700 underline dark:text-indigo-300">
                  Older
                </Link>
              ) : null}
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}
