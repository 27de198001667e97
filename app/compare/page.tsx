import Link from "next/link";
import { z } from "zod";
import { compareRun, type ComparedRun } from "@/components/compare/comparison";
import { CompareView } from "@/components/compare/compare-view";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { loadRunState } from "./load-run-state";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compare runs" };

const runIdsSchema = z
  .string()
  .transform((value) => [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(64)).min(2, "name two or three runs: /compare?runs=a,b[,c]").max(3, "compare at most three runs at once"));

function Problem({ message }: { message: string }) {
  return (
    <Card title="Compare runs">
      <p className="text-sm">{message}</p>
      <p className="mt-2 text-sm">
        Pick runs on the{" "}
        <Link className="text-indigo-700 underline dark:text-indigo-300" href="/runs">
          runs page
        </Link>
        .
      </p>
    </Card>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).runs;
  const parsed = runIdsSchema.safeParse(Array.isArray(raw) ? raw.join(",") : (raw ?? ""));
  if (!parsed.success) return <Problem message={parsed.error.issues[0].message} />;
  const rows = await db().run.findMany({ where: { id: { in: parsed.data } }, include: { problem: { select: { name: true } } } });
  const missing = parsed.data.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length > 0) return <Problem message={`No run with id ${missing.join(", ")}.`} />;
  const runs: ComparedRun[] = await Promise.all(
    parsed.data.map(async (id) => {
      const row = rows.find((r) => r.id === id)!;
      return compareRun(id, await loadRunState(db(), id), { problem: row.problem.name, model: row.model, status: row.status, language: row.language });
    }),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Compare runs</h1>
      {new Set(rows.map((row) => row.problemId)).size > 1 ? (
        <p className="text-sm text-amber-700 dark:text-amber-300">These runs solve different problems: their tests do not line up.</p>
      ) : null}
      <CompareView runs={runs} />
    </div>
  );
}
