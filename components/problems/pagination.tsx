import Link from "next/link";

/** Previous/next links that keep the current filters in the URL. */
export function Pagination({ page, pageCount, params }: { page: number; pageCount: number; params: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => `/problems?${new URLSearchParams({ ...params, page: String(target) })}`;
  const linkClass = "rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)} className={linkClass}>← Previous</Link> : <span />}
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)} className={linkClass}>Next →</Link> : <span />}
    </nav>
  );
}
