import { z } from "zod";
import { providerOf, type Db } from "@/lib/db/client";
import type { DatabaseProvider } from "@/lib/db/url";
import { containsText } from "@/lib/db/text-filter";
import type { Prisma } from "@/lib/db/generated/client";
import { MAX_TAGS } from "./schema";

/** Form fields and query strings send "" for an untouched filter; that means "no filter". */
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

export const MAX_PAGE_SIZE = 200;

export const problemQuerySchema = z.object({
  q: optionalText(200),
  split: optionalText(40),
  difficulty: optionalText(40),
  tag: optionalText(100),
  /** Has hidden (private or generated) tests: `1`/`true` or `0`/`false` from a query string, or a boolean. */
  hasHidden: z
    .preprocess((v) => (v === "" ? undefined : v), z.union([z.boolean(), z.enum(["1", "0", "true", "false"])]).optional())
    .transform((v) => (v === undefined || typeof v === "boolean" ? v : v === "1" || v === "true")),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export type ProblemQuery = z.infer<typeof problemQuerySchema>;
export type ProblemQueryInput = z.input<typeof problemQuerySchema>;

export const problemSummarySelect = {
  id: true,
  name: true,
  source: true,
  split: true,
  indexInSplit: true,
  difficulty: true,
  tags: true,
  timeLimitMs: true,
  memoryLimitMb: true,
  cfContestId: true,
  cfIndex: true,
  publicTestCount: true,
  privateTestCount: true,
  generatedTestCount: true,
  updatedAt: true,
} satisfies Prisma.ProblemSelect;

export type ProblemSummary = Prisma.ProblemGetPayload<{ select: typeof problemSummarySelect }>;

export interface ProblemPage {
  items: ProblemSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Problems in dataset order (split, index in split, then name), one page at a time, with the total count. */
export async function searchProblems(db: Db, input: ProblemQueryInput = {}): Promise<ProblemPage> {
  const query = problemQuerySchema.parse(input);
  const where = whereOf(query, providerOf(db));
  const [items, total] = await Promise.all([
    db.problem.findMany({
      where,
      select: problemSummarySelect,
      orderBy: [{ split: { sort: "asc", nulls: "last" } }, { indexInSplit: { sort: "asc", nulls: "last" } }, { name: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.problem.count({ where }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

function whereOf(query: ProblemQuery, provider: DatabaseProvider): Prisma.ProblemWhereInput {
  const and: Prisma.ProblemWhereInput[] = [];
  if (query.q) and.push({ OR: [{ name: containsText(provider, query.q) }, { description: containsText(provider, query.q) }] });
  if (query.split) and.push({ split: query.split });
  if (query.difficulty) and.push({ difficulty: query.difficulty });
  if (query.tag) and.push(tagFilter(provider, query.tag));
  if (query.hasHidden === true) and.push({ OR: [{ privateTestCount: { gt: 0 } }, { generatedTestCount: { gt: 0 } }] });
  if (query.hasHidden === false) and.push({ privateTestCount: 0, generatedTestCount: 0 });
  return and.length > 0 ? { AND: and } : {};
}

/**
 * Postgres has JSON containment (the SQLite client types do not list it, hence the cast); SQLite has no portable
 * "array contains" in Prisma, so each bounded position is compared.
 */
function tagFilter(provider: DatabaseProvider, tag: string): Prisma.ProblemWhereInput {
  if (provider === "postgresql") return { tags: { array_contains: [tag] } } as Prisma.ProblemWhereInput;
  return { OR: Array.from({ length: MAX_TAGS }, (_, i) => ({ tags: { path: `$[${i}]`, equals: tag } })) };
}

/** The values the list page offers as filters. */
export async function problemFacets(db: Db): Promise<{ splits: string[]; difficulties: string[]; tags: string[] }> {
  const [splits, difficulties, tagRows] = await Promise.all([
    db.problem.groupBy({ by: ["split"], where: { split: { not: null } } }),
    db.problem.groupBy({ by: ["difficulty"], where: { difficulty: { not: null } } }),
    db.problem.findMany({ select: { tags: true }, distinct: ["tags"] }),
  ]);
  const tags = new Set<string>();
  for (const row of tagRows) if (Array.isArray(row.tags)) for (const t of row.tags) if (typeof t === "string") tags.add(t);
  return {
    splits: splits.map((r) => r.split!).sort(),
    difficulties: difficulties.map((r) => r.difficulty!).sort(compareDifficulty),
    tags: [...tags].sort(),
  };
}

/** Letters first in alphabetical order (A < B < … < V), then words. */
function compareDifficulty(a: string, b: string): number {
  const letter = (s: string) => s.length === 1;
  if (letter(a) !== letter(b)) return letter(a) ? -1 : 1;
  return a.localeCompare(b);
}
