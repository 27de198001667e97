import Link from "next/link";
import type { ProblemSummary } from "@/lib/problems/search";

export function ProblemTable({ problems }: { problems: ProblemSummary[] }) {
  if (problems.length === 0) {
    return <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">No problems match these filters.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th className="px-3 py-2">Problem</th>
            <th className="px-3 py-2">Split</th>
            <th className="px-3 py-2">Difficulty</th>
            <th className="px-3 py-2">Tags</th>
            <th className="px-3 py-2 text-right">Public</th>
            <th className="px-3 py-2 text-right">Hidden</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {problems.map((p) => (
            <tr key={p.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
              <td className="px-3 py-2">
                <Link href={`/problems/${p.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  {p.name}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-zinc-600 dark:text-zinc-400">
                {p.split ? `${p.split} #${p.indexInSplit ?? "–"}` : "–"}
              </td>
              <td className="px-3 py-2">{p.difficulty ?? "–"}</td>
              <td className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">{tagList(p.tags)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{p.publicTestCount}</td>
              <td className="px-3 py-2 text-right tabular-nums">{p.privateTestCount + p.generatedTestCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function tagList(tags: unknown): string {
  return Array.isArray(tags) ? tags.filter((t) => typeof t === "string").join(", ") : "";
}
