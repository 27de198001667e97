import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db/client";
import type { ChatMessage } from "./request";
import type { LlmUsage } from "./usage";

export type CallRecord = {
  runId?: string;
  datasetRunId?: string;
  stage: string;
  provider: string;
  model: string;
  messages: ChatMessage[];
  params: Record<string, unknown>;
  response: string;
  reasoning: string;
  finishReason: string | null;
  usage: LlmUsage;
  latencyMs: number;
  retries: number;
  costUsd: number;
  cacheHit: boolean;
  cacheKey: string;
  error?: string;
};

export async function recordCall(db: Db | DbTransaction, call: CallRecord): Promise<string> {
  const row = await db.llmCall.create({
    data: {
      runId: call.runId,
      datasetRunId: call.datasetRunId,
      stage: call.stage,
      provider: call.provider,
      model: call.model,
      messages: call.messages,
      params: call.params as object,
      response: call.response,
      reasoning: call.reasoning || null,
      finishReason: call.finishReason,
      promptTokens: call.usage.promptTokens,
      completionTokens: call.usage.completionTokens,
      cachedTokens: call.usage.cachedTokens,
      reasoningTokens: call.usage.reasoningTokens,
      usageEstimated: call.usage.estimated,
      latencyMs: Math.round(call.latencyMs),
      retries: call.retries,
      costUsd: call.costUsd,
      cacheHit: call.cacheHit,
      cacheKey: call.cacheKey,
      error: call.error,
    },
    select: { id: true },
  });
  return row.id;
}

export const LlmTotals = z.object({
  calls: z.number().int(),
  cacheHits: z.number().int(),
  failed: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cachedTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  costUsd: z.number(),
  latencyMs: z.number().int(),
  retries: z.number().int(),
  estimatedUsage: z.boolean(),
});
export type LlmTotals = z.infer<typeof LlmTotals>;

export type TotalsScope = { runId: string } | { datasetRunId: string };

type Row = {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  costUsd: number;
  latencyMs: number;
  retries: number;
  cacheHit: boolean;
  usageEstimated: boolean;
  error: string | null;
  stage: string;
};

function sum(rows: Row[]): LlmTotals {
  const totals: LlmTotals = {
    calls: 0,
    cacheHits: 0,
    failed: 0,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    costUsd: 0,
    latencyMs: 0,
    retries: 0,
    estimatedUsage: false,
  };
  for (const r of rows) {
    totals.calls += 1;
    if (r.cacheHit) totals.cacheHits += 1;
    if (r.error) totals.failed += 1;
    totals.promptTokens += r.promptTokens;
    totals.completionTokens += r.completionTokens;
    totals.cachedTokens += r.cachedTokens;
    totals.reasoningTokens += r.reasoningTokens;
    totals.costUsd += r.costUsd;
    totals.latencyMs += r.latencyMs;
    totals.retries += r.retries;
    totals.estimatedUsage ||= r.usageEstimated;
  }
  return totals;
}

const ROW_FIELDS = {
  promptTokens: true,
  completionTokens: true,
  cachedTokens: true,
  reasoningTokens: true,
  costUsd: true,
  latencyMs: true,
  retries: true,
  cacheHit: true,
  usageEstimated: true,
  error: true,
  stage: true,
} as const;

async function rowsOf(db: Db, scope: TotalsScope): Promise<Row[]> {
  return db.llmCall.findMany({ where: scope, select: ROW_FIELDS });
}

/** Totals of a run or a dataset run. Cache hits count as calls with their tokens but cost nothing. */
export async function llmTotals(db: Db, scope: TotalsScope): Promise<LlmTotals> {
  return sum(await rowsOf(db, scope));
}

export async function llmTotalsByStage(db: Db, scope: TotalsScope): Promise<Record<string, LlmTotals>> {
  const byStage = new Map<string, Row[]>();
  for (const row of await rowsOf(db, scope)) {
    const list = byStage.get(row.stage) ?? [];
    list.push(row);
    byStage.set(row.stage, list);
  }
  return Object.fromEntries([...byStage].map(([stage, rows]) => [stage, sum(rows)]));
}

export async function spentUsd(db: Db, scope: TotalsScope): Promise<number> {
  const agg = await db.llmCall.aggregate({ where: scope, _sum: { costUsd: true } });
  return agg._sum.costUsd ?? 0;
}
