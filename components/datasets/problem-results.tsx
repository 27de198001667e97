import Link from "next/link";
import { StatusBadge } from "@/components/run/status-badge";
import type { ProblemReport } from "@/lib/datasets/report-schema";

/** One row per problem: each sample's outcome links to its run. */
export function ProblemResults({ problems }: { problems: ProblemReport[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="problem-results">
        <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th className="py-1">#</th>
            <th>problem</th>
            <th>difficulty</th>
            <th>samples</th>
            <th>hidden tests (best sample)</th>
            <th className="text-right">calls</th>
            <th className="text-right">tokens</th>
            <th className="text-right">cost</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem) => {
            const best = [...problem.samples].sort((a, b) => b.private.passed + b.generated.passed - (a.private.passed + a.generated.passed))[0];
            const hiddenPassed = best ? best.private.passed + best.generated.passed : 0;
            return (
              <tr key={problem.problemId} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <td className="py-1 tabular-nums">{problem.indexInSplit ?? ""}</td>
                <td>
                  <Link href={`/problems/${problem.problemId}`} className="hover:underline">
                    {problem.name}
                  </Link>
                </td>
                <td>{problem.difficulty ?? "—"}</td>
                <td className="space-x-1">
                  {problem.samples.map((sample) =>
                    sample.runId ? (
                      <Link key={sample.sampleIndex} href={`/runs/${sample.runId}`} title={sample.error ?? `sample ${sample.sampleIndex}`}>
                        <StatusBadge value={sample.outcome} label={`#${sample.sampleIndex} ${sample.outcome}`} />
                      </Link>
                    ) : (
                      <StatusBadge key={sample.sampleIndex} value={sample.outcome} label={`#${sample.sampleIndex} ${sample.outcome}`} />
                    ),
                  )}
                </td>
                <td className="tabular-nums">
                  {hiddenPassed}/{problem.hiddenTests}
                </td>
                <td className="text-right tabular-nums">{problem.llmCalls}</td>
                <td className="text-right tabular-nums">{problem.tokens}</td>
                <td className="text-right tabular-nums">${problem.costUsd.toFixed(4)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
