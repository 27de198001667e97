import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { MAX_PAGE_SIZE, problemQuerySchema, searchProblems, type ProblemSummary } from "@/lib/problems/search";
import { CliError, log, printJson } from "../output";
import type { RegisterCommand } from "./index";

interface ProblemsFlags {
  split?: string;
  search?: string;
  difficulty?: string;
  tag?: string;
  hidden?: boolean;
  page?: string;
  pageSize?: string;
  json?: boolean;
}

const FLAG_NAMES: Record<string, string> = { q: "search", pageSize: "page-size" };

export const registerProblems: RegisterCommand = (program) => {
  program
    .command("problems")
    .description("list stored problems in dataset order")
    .option("--split <split>", "only this split")
    .option("--search <text>", "name or statement contains this text")
    .option("--difficulty <label>", "only this difficulty (e.g. A, B, EASY)")
    .option("--tag <tag>", "only problems with this tag")
    .option("--hidden", "only problems that have hidden (private or generated) tests")
    .option("--page <n>", "one page instead of everything")
    .option("--page-size <n>", `problems per page (1–${MAX_PAGE_SIZE})`)
    .option("--json", "print the list as JSON on stdout")
    .action(async (flags: ProblemsFlags) => {
      const parsed = problemQuerySchema.safeParse({
        q: flags.search,
        split: flags.split,
        difficulty: flags.difficulty,
        tag: flags.tag,
        hasHidden: flags.hidden ? "1" : undefined,
        page: flags.page,
        pageSize: flags.pageSize ?? (flags.page ? undefined : MAX_PAGE_SIZE),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue.path[0] ?? "option");
        throw new CliError(`--${FLAG_NAMES[field] ?? field}: ${issue.message}`);
      }
      migrateDatabase();
      const query = parsed.data;
      const first = await searchProblems(db(), query);
      const items: ProblemSummary[] = [...first.items];
      if (flags.page === undefined) {
        for (let page = 2; page <= first.pageCount; page++) items.push(...(await searchProblems(db(), { ...query, page })).items);
      }
      if (flags.json) {
        printJson({ total: first.total, page: flags.page ? first.page : null, items: items.map(toJson) });
        return;
      }
      for (const p of items) {
        const hidden = p.privateTestCount + p.generatedTestCount;
        const where = p.split ? `${p.split}#${p.indexInSplit ?? "-"}` : "-";
        process.stdout.write(`${where.padEnd(10)} ${(p.difficulty ?? "-").padEnd(6)} ${p.publicTestCount}+${hidden}`.padEnd(32) + ` ${p.name}\n`);
      }
      log(`${items.length} of ${first.total} problems (tests shown as public+hidden)`);
    });
};

function toJson(p: ProblemSummary) {
  return { ...p, hiddenTestCount: p.privateTestCount + p.generatedTestCount, updatedAt: p.updatedAt.toISOString() };
}
