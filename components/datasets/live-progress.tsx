"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/run/status-badge";
import { formatProgressLine } from "@/lib/datasets/format-progress";
import { datasetRunSummarySchema, type DatasetRunSummary } from "@/lib/datasets/schema";

const POLL_MS = 1_000;

/** Progress with ETA, polled every second while the run is live; Stop and Resume act on the server's runner. */
export function LiveProgress({ initial }: { initial: DatasetRunSummary }) {
  const router = useRouter();
  const [summary, setSummary] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const live = summary.progress.status === "running" || summary.active;

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/datasets/${initial.id}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const parsed = datasetRunSummarySchema.safeParse(await response.json());
      if (!parsed.success) return;
      setSummary(parsed.data);
      if (parsed.data.progress.status !== "running" && !parsed.data.active) router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live, initial.id, router]);

  async function act(action: "resume" | "stop", body: object = {}) {
    setError(null);
    const response = await fetch(`/api/datasets/${initial.id}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!response?.ok) {
      const reply = (await response?.json().catch(() => ({}))) as { error?: string } | undefined;
      setError(reply?.error ?? `${action} failed`);
      return;
    }
    setSummary({ ...summary, active: action === "resume", progress: { ...summary.progress, status: action === "resume" ? "running" : "stopped" } });
    router.refresh();
  }

  const p = summary.progress;
  const finished = p.done + p.failed + p.skipped;
  const percent = p.total === 0 ? 0 : Math.round((finished / p.total) * 100);
  const resumable = !summary.active && p.status !== "succeeded";

  return (
    <div className="space-y-2" data-testid="dataset-progress">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge value={p.status} />
        <div className="h-2 min-w-48 flex-1 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Samples finished">
          <div className="h-full bg-indigo-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        {summary.active ? (
          <button type="button" onClick={() => act("stop")} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Stop
          </button>
        ) : null}
        {resumable ? (
          <>
            <button type="button" onClick={() => act("resume")} className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700">
              Resume
            </button>
            {p.failed > 0 ? (
              <button type="button" onClick={() => act("resume", { retryFailed: true })} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
                Retry {p.failed} failed
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{formatProgressLine(p)}</p>
      {summary.error ? <p className="text-sm text-amber-700 dark:text-amber-300">{summary.error}</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
