import type { Verdict } from "@/lib/judge/schema";

const STYLES: Record<Verdict, string> = {
  AC: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  WA: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  TLE: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
  MLE: "bg-orange-100 text-orange-800 dark:bg-orange-900/50 dark:text-orange-200",
  RE: "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-900/50 dark:text-fuchsia-200",
  CE: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
  OLE: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
  SE: "bg-zinc-900 text-white dark:bg-white dark:text-zinc-900",
};

export const VERDICT_MEANING: Record<Verdict, string> = {
  AC: "accepted",
  WA: "wrong answer",
  TLE: "time limit exceeded",
  MLE: "memory limit exceeded",
  RE: "runtime error",
  CE: "compilation error",
  OLE: "output limit exceeded",
  SE: "sandbox error (not the program's fault)",
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span
      title={VERDICT_MEANING[verdict]}
      className={`inline-block min-w-10 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${STYLES[verdict]}`}
    >
      {verdict}
    </span>
  );
}
