import { createHash } from "node:crypto";
import type { Db, DbTransaction } from "@/lib/db/client";
import type { ChatMessage } from "./request";
import type { LlmUsage } from "./usage";

/** JSON with sorted keys, so equal parameters hash equally whatever order they were built in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type CacheKeyParts = {
  provider: string;
  model: string;
  messages: ChatMessage[];
  params: Record<string, unknown>;
  sampleIndex: number;
  attempt: number;
};

export function cacheKey(parts: CacheKeyParts): string {
  return createHash("sha256").update(canonical({ v: 1, ...parts })).digest("hex");
}

export type CachedAnswer = {
  content: string;
  reasoning: string;
  finishReason: string | null;
  usage: LlmUsage;
};

export async function readCache(db: Db, key: string): Promise<CachedAnswer | null> {
  const row = await db.llmCacheEntry.findUnique({ where: { key } });
  if (!row) return null;
  return {
    content: row.response,
    reasoning: row.reasoning ?? "",
    finishReason: row.finishReason,
    usage: {
      promptTokens: row.promptTokens,
      completionTokens: row.completionTokens,
      cachedTokens: row.cachedTokens,
      reasoningTokens: row.reasoningTokens,
      estimated: row.usageEstimated,
    },
  };
}

export async function writeCache(db: Db | DbTransaction, key: string, provider: string, model: string, answer: CachedAnswer): Promise<void> {
  const data = {
    provider,
    model,
    response: answer.content,
    reasoning: answer.reasoning || null,
    finishReason: answer.finishReason,
    promptTokens: answer.usage.promptTokens,
    completionTokens: answer.usage.completionTokens,
    cachedTokens: answer.usage.cachedTokens,
    reasoningTokens: answer.usage.reasoningTokens,
    usageEstimated: answer.usage.estimated,
  };
  await db.llmCacheEntry.upsert({ where: { key }, create: { key, ...data }, update: data });
}
