import Link from "next/link";
import { Pagination } from "@/components/problems/pagination";
import { ProblemFilters } from "@/components/problems/problem-filters";
import { ProblemTable } from "@/components/problems/problem-table";
import { db } from "@/lib/db/client";
import { describeZodError } from "@/lib/problems/import-error";
import { problemFacets, problemQuerySchema, searchProblems } from "@/lib/problems/search";

export const dynamic = "force-dynamic";
export const metadata = { title: "Problems" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  ) as Record<string, string>;
  const parsed = problemQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : problemQuerySchema.parse({});
  const [result, facets] = await Promise.all([searchProblems(db(), query), problemFacets(db())]);
  const keep = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== "page"));

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Problems</h1>
        <Link href="/problems/new" className="rounded border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Paste a problem
        </Link>
      </div>
      <ProblemFilters query={query} facets={facets} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Ignored invalid filters: {describeZodError(parsed.error)}
        </p>
      ) : null}
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="problem-count">
        {result.total} {result.total === 1 ? "problem" : "problems"}
        {result.total === 0 && !raw.q && !raw.split ? (
          <>
            {" "}
            — import some with <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npx alphaflow import ../shared/data/codecontests/test.jsonl</code>{" "}
            or <Link href="/problems/new" className="text-indigo-700 underline dark:text-indigo-300">paste one</Link>.
          </>
        ) : null}
      </p>
      <ProblemTable problems={result.items} />
      <Pagination page={result.page} pageCount={result.pageCount} params={keep} />
    </div>
  );
}
