import type { DatasetProgress } from "./schema";

export function formatDuration(ms: number | null): string {
  if (ms === null) return "--";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

/** One line for logs and non-TTY output. */
export function formatProgressLine(p: DatasetProgress): string {
  const finished = p.done + p.failed + p.skipped;
  const budget = p.budgetUsd === null ? "" : ` of $${p.budgetUsd}`;
  return (
    `${finished}/${p.total} samples (done ${p.done}, failed ${p.failed}, skipped ${p.skipped}, running ${p.running}) · ` +
    `solved ${p.solvedProblems}/${p.problems} problems · $${p.costUsd.toFixed(4)}${budget} · ` +
    `elapsed ${formatDuration(p.elapsedMs)} · ETA ${formatDuration(p.etaMs)}`
  );
}
