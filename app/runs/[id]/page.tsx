import { notFound } from "next/navigation";
import { RunStudio } from "@/components/run/run-studio";
import { runSummarySchema } from "@/components/run/run-summary";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params) {
  const { id } = await params;
  const run = await db().run.findUnique({ where: { id }, select: { problem: { select: { name: true } } } });
  return { title: run ? `Run · ${run.problem.name}` : "Run not found" };
}

/** The server shell: the run row for the header and actions; everything live comes from the event stream. */
export default async function RunPage({ params }: Params) {
  const { id } = await params;
  const run = await db().run.findUnique({
    where: { id },
    include: {
      problem: { select: { id: true, name: true } },
      forks: { select: { id: true, forkFromStage: true, status: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!run) notFound();
  const summary = runSummarySchema.parse({
    id: run.id,
    problem: run.problem,
    status: run.status,
    mode: run.mode,
    language: run.language,
    model: run.model,
    provider: run.provider,
    config: run.config ?? {},
    parentRunId: run.parentRunId,
    forkFromStage: run.forkFromStage,
    createdAt: run.createdAt.toISOString(),
    forks: run.forks,
  });
  return <RunStudio key={run.id} run={summary} />;
}
