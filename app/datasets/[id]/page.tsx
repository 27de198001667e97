import { notFound } from "next/navigation";
import { CostScatter } from "@/components/datasets/cost-scatter";
import { GroupRates } from "@/components/datasets/group-rates";
import { LiveProgress } from "@/components/datasets/live-progress";
import { PassAtKChart } from "@/components/datasets/pass-at-k-chart";
import { ProblemResults } from "@/components/datasets/problem-results";
import { SummaryCards } from "@/components/datasets/summary-cards";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { evaluateDataset } from "@/lib/datasets/evaluate";
import { contextTag } from "@/lib/datasets/format-report";
import { datasetRunSummary } from "@/lib/datasets/list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dataset run" };

const EXPORTS = [
  { format: "json", label: "JSON report" },
  { format: "csv", label: "CSV (per sample)" },
  { format: "alphacodium", label: "AlphaCodium solution database" },
];

export default async function DatasetRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const exists = await db().datasetRun.findUnique({ where: { id }, select: { id: true } });
  if (!exists) notFound();
  const [report, summary] = await Promise.all([evaluateDataset(db(), id), datasetRunSummary(db(), id)]);
  const tag = contextTag(report);
  const { context } = report;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{context.name ?? `Dataset run ${context.datasetRunId}`}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="report-context">
          split <b>{context.split}</b> · mode <b>{context.mode}</b> · model <b>{context.model}</b> ({context.provider}) · config{" "}
          <b>{context.configLabel}</b> <code>#{context.configHash}</code> · comparator <b>{context.comparators.join(", ") || "n/a"}</b> · k={context.k} ·
          stop on solve {context.stopOnSolve ? "on" : "off"}
          {context.unscorableExcluded > 0 ? ` · ${context.unscorableExcluded} problems without hidden tests left out` : ""}
        </p>
      </header>
      <Card title="Progress">
        <LiveProgress initial={summary} />
        {!report.complete ? (
          <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">
            {report.pendingSamples} samples have not run yet; they count as unsolved in every number below.
          </p>
        ) : null}
      </Card>
      <SummaryCards report={report} tag={tag} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="pass@k">
          <PassAtKChart
            points={report.passAtK}
            caption={`${report.estimator === "unbiased" ? "Unbiased estimator 1 − C(n−c,k)/C(n,k) over all samples" : "Samples stopped at the first success: share of problems solved within their first k samples"}; crashed samples count as failures. ${tag}`}
          />
        </Card>
        <Card title="Cost vs solved (per problem)">
          <CostScatter points={report.problemReports.map((p) => ({ name: p.name, costUsd: p.costUsd, llmCalls: p.llmCalls, solved: p.solved }))} />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Solve rate by difficulty">
          <GroupRates groups={report.byDifficulty} tag={tag} />
        </Card>
        <Card title="Solve rate by tag">
          <GroupRates groups={report.byTag} tag={tag} />
        </Card>
      </div>
      <Card title={`Problems (${report.problems})`}>
        <ProblemResults problems={report.problemReports} />
      </Card>
      <Card title="Export">
        <ul className="flex flex-wrap gap-3 text-sm">
          {EXPORTS.map((item) => (
            <li key={item.format}>
              <a href={`/api/datasets/${id}/export?format=${item.format}`} className="text-indigo-700 hover:underline dark:text-indigo-300" download>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
