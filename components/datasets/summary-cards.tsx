import { Card } from "@/components/ui/card";
import type { DatasetReport } from "@/lib/datasets/report-schema";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The headline numbers; each card repeats what it was measured under. */
export function SummaryCards({ report, tag }: { report: DatasetReport; tag: string }) {
  const last = report.passAtK[report.passAtK.length - 1];
  const cards = [
    { title: `pass@${last?.k ?? 1}`, value: last ? percent(last.value) : "—", note: `${report.estimator} estimator` },
    { title: "solved", value: `${report.solvedProblems}/${report.problems}`, note: `${report.crashedSamples} crashed samples counted as unsolved` },
    {
      title: "AlphaCodium's score",
      value: report.alphaCodium.rate === null ? "n/a" : percent(report.alphaCodium.rate),
      note: `drops ${report.alphaCodium.excluded} problems with no solution`,
    },
    { title: "cost", value: `$${report.totals.costUsd.toFixed(4)}`, note: `${report.totals.llmCalls} calls, ${report.totals.promptTokens + report.totals.completionTokens} tokens` },
    {
      title: "per solved problem",
      value: report.perSolvedProblem ? `$${report.perSolvedProblem.costUsd.toFixed(4)}` : "n/a",
      note: report.perSolvedProblem ? `${report.perSolvedProblem.llmCalls.toFixed(1)} calls` : "none solved",
    },
  ];
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="summary-cards">
      {cards.map((card) => (
        <Card key={card.title} title={card.title}>
          <p className="text-2xl font-semibold tabular-nums">{card.value}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{card.note}</p>
          <p className="mt-1 break-all text-[10px] text-zinc-500">{tag}</p>
        </Card>
      ))}
    </div>
  );
}
