import type { ProblemQuery } from "@/lib/problems/search";

const fieldClass =
  "rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** A plain GET form: filters live in the URL, so results are linkable and work without JavaScript. */
export function ProblemFilters({
  query,
  facets,
}: {
  query: ProblemQuery;
  facets: { splits: string[]; difficulties: string[]; tags: string[] };
}) {
  return (
    <form method="get" action="/problems" className="flex flex-wrap items-end gap-3" role="search">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Search
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Name or statement text" className={fieldClass} />
      </label>
      <Select name="split" label="Split" value={query.split} options={facets.splits} />
      <Select name="difficulty" label="Difficulty" value={query.difficulty} options={facets.difficulties} />
      <Select name="tag" label="Tag" value={query.tag} options={facets.tags} />
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Hidden tests
        <select name="hasHidden" defaultValue={query.hasHidden === undefined ? "" : query.hasHidden ? "1" : "0"} className={fieldClass}>
          <option value="">Any</option>
          <option value="1">With hidden tests</option>
          <option value="0">Without</option>
        </select>
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
        Filter
      </button>
    </form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: string[] }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <select name={name} defaultValue={value ?? ""} className={fieldClass}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
