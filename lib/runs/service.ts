import { z } from "zod";
import { providerOf, type Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/text-filter";
import type { Prisma } from "@/lib/db/generated/client";
import { RunInputError, RunNotFoundError } from "./errors";
import { languageSchema, runModeSchema, runStatusSchema, type RunStatus } from "./events";
import { isRunActive } from "./executor";
import { findProblemId, savePastedProblem } from "./problem-source";

export const createRunInputSchema = z
  .object({
    problemId: z.string().trim().min(1).optional(),
    /** A pasted problem, validated by lib/problems. */
    problem: z.unknown().optional(),
    mode: runModeSchema.default("flow"),
    language: languageSchema.default("python3"),
    model: z.string().trim().min(1),
    provider: z.string().trim().min(1),
    /** The effective flow configuration, as the flow engine will read it. */
    config: z.record(z.string(), z.unknown()).default({}),
    parentRunId: z.string().min(1).optional(),
    forkFromStage: z.string().min(1).optional(),
    forkInput: z.unknown().optional(),
    datasetRunId: z.string().min(1).optional(),
    sampleIndex: z.int().nonnegative().default(0),
  })
  .refine((input) => (input.problemId === undefined) !== (input.problem === undefined), {
    message: "give exactly one of problemId and problem",
    path: ["problemId"],
  })
  .refine((input) => input.forkFromStage === undefined || input.parentRunId !== undefined, {
    message: "forkFromStage needs parentRunId",
    path: ["forkFromStage"],
  });

export type CreateRunInput = z.input<typeof createRunInputSchema>;

/** Stores a queued run; starting it is the executor's job. */
export async function createRun(db: Db, raw: CreateRunInput): Promise<{ runId: string; problemId: string }> {
  const input = parseOrThrow(createRunInputSchema, raw);
  if (input.parentRunId && !(await db.run.findUnique({ where: { id: input.parentRunId }, select: { id: true } }))) {
    throw new RunInputError(`parentRunId: no run with id "${input.parentRunId}"`);
  }
  const problemId =
    input.problemId !== undefined ? await findProblemId(db, input.problemId) : await savePastedProblem(db, input.problem);
  const run = await db.run.create({
    data: {
      problemId,
      mode: input.mode,
      language: input.language,
      model: input.model,
      provider: input.provider,
      config: input.config as Prisma.InputJsonValue,
      parentRunId: input.parentRunId,
      forkFromStage: input.forkFromStage,
      forkInput: input.forkInput === undefined ? undefined : (input.forkInput as Prisma.InputJsonValue),
      datasetRunId: input.datasetRunId,
      sampleIndex: input.sampleIndex,
    },
    select: { id: true },
  });
  return { runId: run.id, problemId };
}

const RESUMABLE: ReadonlySet<string> = new Set<RunStatus>(["queued", "interrupted", "failed", "cancelled"]);

/** Whether a run in this status may be started again from its stored stage results. */
export function isResumableStatus(status: string): boolean {
  return RESUMABLE.has(status);
}

/** GET /api/runs/{id}: the run with its problem, stages, LLM calls, code versions and test results. */
export async function getRunDetail(db: Db, id: string) {
  const run = await db.run.findUnique({
    where: { id },
    include: {
      problem: {
        select: {
          id: true,
          name: true,
          source: true,
          difficulty: true,
          timeLimitMs: true,
          memoryLimitMb: true,
          publicTestCount: true,
          privateTestCount: true,
          generatedTestCount: true,
        },
      },
      stages: { orderBy: [{ startedAt: "asc" }, { key: "asc" }] },
      llmCallRecords: { orderBy: { createdAt: "asc" } },
      codeVersions: { orderBy: { ordinal: "asc" } },
      testResults: { orderBy: [{ createdAt: "asc" }, { testSet: "asc" }, { testIndex: "asc" }] },
    },
  });
  if (!run) throw new RunNotFoundError(id);
  const active = isRunActive(id);
  return { ...run, active, resumable: !active && isResumableStatus(run.status) };
}

export type RunDetail = Awaited<ReturnType<typeof getRunDetail>>;

export const listRunsQuerySchema = z
  .object({
    /** A problem id, or part of a problem name. */
    problem: z.string().trim().min(1).optional(),
    model: z.string().trim().min(1).optional(),
    status: runStatusSchema.optional(),
    datasetRunId: z.string().trim().min(1).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from is after to", path: ["from"] });

export type ListRunsQuery = z.input<typeof listRunsQuerySchema>;

/** GET /api/runs: newest first, with the listing columns (the large config and code fields are left out). */
export async function listRuns(db: Db, raw: ListRunsQuery = {}) {
  const query = parseOrThrow(listRunsQuerySchema, raw);
  const where: Prisma.RunWhereInput = {
    ...(query.problem && { OR: [{ problemId: query.problem }, { problem: { name: containsText(providerOf(db), query.problem) } }] }),
    ...(query.model && { model: query.model }),
    ...(query.status && { status: query.status }),
    ...(query.datasetRunId && { datasetRunId: query.datasetRunId }),
    ...((query.from || query.to) && { createdAt: { gte: query.from, lte: query.to } }),
  };
  const [total, runs] = await Promise.all([
    db.run.count({ where }),
    db.run.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      omit: { config: true, forkInput: true, finalCode: true },
      include: { problem: { select: { id: true, name: true, difficulty: true } } },
    }),
  ]);
  return { runs, total, page: query.page, pageSize: query.pageSize };
}

export type RunList = Awaited<ReturnType<typeof listRuns>>;

function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RunInputError(`${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
  }
  return parsed.data;
}
