import Link from "next/link";
import { AutoRefresh } from "@/components/datasets/auto-refresh";
import { ClusterPanel } from "@/components/datasets/cluster-panel";
import { StartDatasetForm } from "@/components/datasets/start-form";
import { StatusBadge } from "@/components/run/status-badge";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { formatDuration } from "@/lib/datasets/format-progress";
import { clusterStatus } from "@/lib/datasets/distributed/cluster-status";
import { listDatasetRuns } from "@/lib/datasets/list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const [runs, splits, cluster] = await Promise.all([
    listDatasetRuns(db()),
    db().problem.findMany({ where: { split: { not: null } }, select: { split: true }, distinct: ["split"] }),
    clusterStatus(db()),
  ]);
  const live = cluster.aliveWorkers > 0 || runs.some((run) => run.progress.status === "running");
  const splitNames = splits.flatMap((row) => (row.split ? [row.split] : [])).sort();

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Dataset runs</h1>
      <Card title="Start a dataset run">
        {splitNames.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No split imported yet: <code>npx alphaflow import &lt;file&gt; --split test</code>.
          </p>
        ) : (
          <StartDatasetForm splits={splitNames} />
        )}
        <p className="mt-2 text-xs text-zinc-500">
          The same from a terminal: <code>npx alphaflow solve-dataset --split test --k 5 --concurrency 4</code>.{" "}
          {cluster.mode === "cluster"
            ? "Runs started here are dispatched to the workers below"
            : "Runs started here execute in the server process"}
          ; a stopped or interrupted one resumes where it was.
        </p>
      </Card>
      <Card title={cluster.mode === "cluster" ? "Workers and queue" : "Execution"}>
        <ClusterPanel status={cluster} />
      </Card>
      <AutoRefresh everyMs={3000} active={live} />
      <Card title={`Runs (${runs.length})`}>
        {runs.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No dataset run yet.</p>
        ) : (
          <table className="w-full text-sm" data-testid="dataset-runs">
            <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
              <tr>
                <th className="py-1">run</th>
                <th>status</th>
                <th>split</th>
                <th>mode</th>
                <th>model</th>
                <th>k</th>
                <th>samples</th>
                <th>solved</th>
                <th>cost</th>
                <th>ETA</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1">
                    <Link href={`/datasets/${run.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      {run.name ?? run.id}
                    </Link>
                  </td>
                  <td>
                    <StatusBadge value={run.progress.status} />
                  </td>
                  <td>{run.split}</td>
                  <td>{run.mode}</td>
                  <td>{run.model}</td>
                  <td>{run.k}</td>
                  <td className="tabular-nums">
                    {run.progress.done + run.progress.failed + run.progress.skipped}/{run.progress.total}
                  </td>
                  <td className="tabular-nums">
                    {run.progress.solvedProblems}/{run.progress.problems}
                  </td>
                  <td className="tabular-nums">${run.progress.costUsd.toFixed(4)}</td>
                  <td>{run.progress.status === "running" ? formatDuration(run.progress.etaMs) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
