import type { Prisma } from "./generated/client";
import type { DatabaseProvider } from "./url";

/**
 * A substring filter that ignores case on both databases: SQLite's LIKE already folds ASCII case, Postgres needs
 * `mode: "insensitive"` (which the SQLite client's types do not list, hence the cast).
 */
export function containsText(provider: DatabaseProvider, text: string): Prisma.StringFilter {
  return provider === "postgresql" ? ({ contains: text, mode: "insensitive" } as Prisma.StringFilter) : { contains: text };
}
