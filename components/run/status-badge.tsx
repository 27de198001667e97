const TONES = {
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  bad: "bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-200",
  live: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200",
  neutral: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  warn: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
} as const;

const TONE_OF: Record<string, keyof typeof TONES> = {
  AC: "good",
  ok: "good",
  succeeded: "good",
  solved: "good",
  kept: "neutral",
  selected: "good",
  running: "live",
  live: "live",
  queued: "neutral",
  waiting: "neutral",
  skipped: "neutral",
  cancelled: "warn",
  interrupted: "warn",
  reverted: "warn",
  rejected: "warn",
};

/** A status or verdict as a small coloured label; anything not known to be fine or live reads as a failure. */
export function StatusBadge({ value, label }: { value: string; label?: string }) {
  const tone = TONES[TONE_OF[value] ?? "bad"];
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{label ?? value}</span>;
}
