import type { ReactNode } from "react";
import type { StoredProblem } from "@/lib/problems/repository";

/** Title, limits and test counts; `actions` is the slot for page-level buttons (the studio's Solve). */
export function ProblemHeader({ problem, actions }: { problem: StoredProblem; actions?: ReactNode }) {
  const hidden = problem.counts.private + problem.counts.generated;
  const facts = [
    problem.split ? `${problem.split} #${problem.indexInSplit ?? "–"}` : null,
    problem.difficulty ? `difficulty ${problem.difficulty}` : null,
    problem.timeLimitMs ? `${problem.timeLimitMs / 1000} s` : null,
    problem.memoryLimitMb ? `${problem.memoryLimitMb} MB` : null,
    `${problem.counts.public} public tests`,
    `${hidden} hidden tests (${problem.counts.private} private, ${problem.counts.generated} generated)`,
  ].filter(Boolean);
  return (
    <header className="flex flex-wrap items-start justify-between gap-4 border-b border-zinc-200 pb-4 dark:border-zinc-800">
      <div className="min-w-0 space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{problem.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{facts.join(" · ")}</p>
        {problem.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1">
            {problem.tags.map((tag) => (
              <li key={tag} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </header>
  );
}
