import fs from "node:fs";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { judge } from "@/lib/judge";
import { createGateway, resolveLlmSettings } from "@/lib/llm";
import { resolveFlowConfig } from "@/lib/flow/config";
import { createRunContext, nodeContext, type NodeContext } from "@/lib/flow/context";
import type { FlowDeps } from "@/lib/flow/deps";
import { loadFlowProblem } from "@/lib/flow/problem";
import { createEventWriter } from "@/lib/runs/event-writer";
import { sharedFile } from "../helpers/shared-data";

export interface FixtureProblem {
  name: string;
  description: string;
  publicTests: { input: string; output: string }[];
  hiddenTests: { input: string; output: string }[];
  timeLimitMs?: number;
}

/** Stores a problem (hidden tests as private) and a queued run of it with the given config overrides. */
export async function createRun(db: Db, problem: FixtureProblem, config: Record<string, unknown> = {}): Promise<string> {
  const stored = await db.problem.create({
    data: {
      name: `${problem.name} ${Math.random().toString(36).slice(2, 8)}`,
      description: problem.description,
      tags: [],
      timeLimitMs: problem.timeLimitMs ?? 2000,
      contentHash: createHash("sha256").update(problem.description).digest("hex"),
      publicTestCount: problem.publicTests.length,
      privateTestCount: problem.hiddenTests.length,
      tests: {
        create: [
          ...problem.publicTests.map((t, index) => ({ kind: "public", index, ...t })),
          ...problem.hiddenTests.map((t, index) => ({ kind: "private", index, ...t })),
        ],
      },
    },
  });
  const run = await db.run.create({
    data: { problemId: stored.id, provider: "mock", model: "mock-model", config: config as Prisma.InputJsonValue },
  });
  return run.id;
}

/** The real gateway (over HTTP to the mock server, no cache) and the real sandboxed judge. */
export function mockDeps(db: Db, baseUrl: string): FlowDeps {
  const settings = resolveLlmSettings([{ baseUrl, apiKey: "test-key", model: "mock-model", cache: false, maxRetries: 0 }]);
  return { gateway: createGateway(settings, { db }), judge };
}

const rowSchemaTests = (value: unknown): { input: string[]; output: string[] } =>
  (typeof value === "string" ? JSON.parse(value) : value) as { input: string[]; output: string[] };

/** A complete problem of CodeContests' test split, by name, with a passing reference program from llm_solutions. */
export function codeContestsProblem(name: string): FixtureProblem & { passingCode: string } {
  const file = sharedFile("codecontests/test.jsonl")!;
  const row = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((r) => r.name === name);
  if (!row) throw new Error(`${name} is not in test.jsonl`);
  const pub = rowSchemaTests(row.public_tests);
  const hidden = rowSchemaTests(row.private_and_generated_tests);
  const solutions = row.llm_solutions as { code: string; passed_all_tests: boolean }[];
  const passing = solutions.filter((s) => s.passed_all_tests).sort((a, b) => a.code.length - b.code.length)[0];
  return {
    name,
    description: String(row.description),
    publicTests: pub.input.map((input, i) => ({ input, output: pub.output[i] })),
    hiddenTests: hidden.input.map((input, i) => ({ input, output: hidden.output[i] })),
    timeLimitMs: Math.round(Number(row.time_limit) * 1000),
    passingCode: passing.code.trim() + "\n",
  };
}

export const fenced = (code: string, lang = "python") => `Here is the program:\n\`\`\`${lang}\n${code.trimEnd()}\n\`\`\`\n`;

/** A node context for calling one stage directly, on a stored run, with the real gateway and judge. */
export async function stageContext(
  db: Db,
  baseUrl: string,
  problem: FixtureProblem,
  config: Record<string, unknown> = {},
  nodeKey = "test",
): Promise<{ ctx: NodeContext; runId: string; events: () => Promise<{ type: string; data: Record<string, unknown> }[]> }> {
  const runId = await createRun(db, problem, config);
  const run = await db.run.findUniqueOrThrow({ where: { id: runId } });
  const writer = createEventWriter(db, runId);
  const ctx = nodeContext(
    createRunContext({
      db,
      runId,
      deps: mockDeps(db, baseUrl),
      config: resolveFlowConfig(config),
      problem: await loadFlowProblem(db, run.problemId),
      model: undefined,
      signal: undefined,
      writer,
      firstOrdinal: 1,
    }),
    nodeKey,
  );
  const events = async () => {
    await ctx.writes.flush();
    await writer.flush();
    const rows = await db.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    return rows.map((r) => ({ type: r.type, data: r.data as Record<string, unknown> }));
  };
  return { ctx, runId, events };
}
