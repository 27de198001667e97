import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProblemHeader } from "@/components/problems/problem-header";
import { Statement } from "@/components/problems/statement";
import { TestCaseList } from "@/components/problems/test-case-list";
import { SolveForm } from "@/components/run/solve-form";
import { db } from "@/lib/db/client";
import { getProblem } from "@/lib/problems/repository";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

/** Metadata and page ask for the same problem in one request; read it once. */
const loadProblem = cache((id: string) => getProblem(db(), id));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const problem = await loadProblem((await params).id);
  return { title: problem?.name ?? "Problem not found" };
}

/** The statement and public tests only: hidden tests are never loaded into a page. */
export default async function ProblemPage({ params }: { params: Params }) {
  const problem = await loadProblem((await params).id);
  if (!problem) notFound();
  return (
    <article className="space-y-6">
      <ProblemHeader problem={problem} actions={<SolveForm problemId={problem.id} />} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="Statement">
          <Statement description={problem.description} />
        </section>
        <section aria-label="Public tests" className="space-y-3">
          <h2 className="text-lg font-semibold">Public tests</h2>
          <TestCaseList tests={problem.publicTests} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {problem.counts.private + problem.counts.generated} hidden tests are kept for scoring final code and are never shown
            to a model.
          </p>
        </section>
      </div>
    </article>
  );
}
