import { formatDuration } from "@/lib/datasets/format-progress";
import type { ClusterStatus } from "@/lib/datasets/distributed/cluster-status";

function age(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return seconds < 90 ? `${seconds}s ago` : `${Math.round(seconds / 60)} min ago`;
}

/** The shared queue and its workers: who is alive, what each is running, how fast the queue drains. */
export function ClusterPanel({ status }: { status: ClusterStatus }) {
  const now = Date.parse(status.at);
  if (status.mode === "embedded") {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="cluster-panel">
        Embedded mode (SQLite): dataset runs execute in the process that starts them. To spread them over several
        machines, point every process at one Postgres (<code>DATABASE_URL=postgresql://…</code>) and start{" "}
        <code>npx alphaflow worker</code> on each machine.
      </p>
    );
  }
  return (
    <div className="space-y-3" data-testid="cluster-panel">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {[
          ["workers alive", String(status.aliveWorkers)],
          ["slots busy", `${status.busySlots}/${status.slots}`],
          ["queue depth", String(status.queueDepth)],
          [`throughput (${status.windowMinutes} min)`, `${status.throughputPerMinute.toFixed(1)}/min`],
          ["ETA", status.queueDepth + status.running === 0 ? "—" : formatDuration(status.etaMs)],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {status.aliveWorkers === 0 && (
        <p className="text-sm text-amber-700 dark:text-amber-400" role="status">
          No live worker: queued samples wait until one starts (<code>npx alphaflow worker --concurrency 2</code>).
        </p>
      )}
      {status.workers.length > 0 && (
        <table className="w-full text-sm" data-testid="cluster-workers">
          <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th className="py-1">worker</th>
              <th>state</th>
              <th>busy</th>
              <th>done</th>
              <th>last heartbeat</th>
              <th>running</th>
            </tr>
          </thead>
          <tbody>
            {status.workers.map((worker) => (
              <tr key={worker.id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-1 font-mono text-xs">{worker.id}</td>
                <td>{worker.alive ? "alive" : worker.stoppedAt ? "stopped" : "silent"}</td>
                <td className="tabular-nums">
                  {worker.busy}/{worker.concurrency}
                </td>
                <td className="tabular-nums">{worker.jobsDone}</td>
                <td>{age(worker.heartbeatAt, now)}</td>
                <td className="text-xs">
                  {worker.currentJobs.map((job) =>
                    job.runId ? (
                      <a key={job.key} href={`/runs/${job.runId}`} className="block text-indigo-700 hover:underline dark:text-indigo-300">
                        {job.key.split(":").slice(1).join(":")}
                      </a>
                    ) : (
                      <span key={job.key} className="block">
                        {job.key.split(":").slice(1).join(":")}
                      </span>
                    ),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
