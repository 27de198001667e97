import fs from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const MockFaultName = z.enum([
  "rate_limit",
  "server_error",
  "hang",
  "cut",
  "garbage",
  "truncate",
  "unauthorized",
  "bad_request",
]);
export type MockFaultName = z.infer<typeof MockFaultName>;

const count = z.number().int().nonnegative();

export const MockUsage = z
  .object({
    prompt_tokens: count.optional(),
    completion_tokens: count.optional(),
    cached_tokens: count.optional(),
    reasoning_tokens: count.optional(),
  })
  .strict();

/** One scripted answer: content (and optional reasoning) or a fault, optionally only for prompts containing `match`. */
export const MockEntry = z
  .object({
    match: z.string().min(1).optional(),
    content: z.string().default(""),
    reasoning: z.string().optional(),
    finishReason: z.enum(["stop", "length"]).default("stop"),
    usage: MockUsage.optional(),
    fault: MockFaultName.optional(),
    retryAfter: z.number().nonnegative().optional(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    hangMs: z.number().int().positive().optional(),
    cutAfter: count.optional(),
    tokensPerSecond: z.number().nonnegative().optional(),
    latencyMs: count.optional(),
  })
  .strict();
export type MockEntry = z.infer<typeof MockEntry>;

const entryList = z.array(MockEntry).min(1);

/** A fault applied by global request number, independent of stages: it does not consume a stage's ordinal. */
export const MockScheduledFault = z
  .object({
    request: z.number().int().positive().optional(),
    every: z.number().int().positive().optional(),
    fault: MockFaultName,
    retryAfter: z.number().nonnegative().optional(),
    status: z.number().int().min(400).max(599).optional(),
    message: z.string().optional(),
    hangMs: z.number().int().positive().optional(),
    cutAfter: count.optional(),
  })
  .strict()
  .refine((f) => (f.request === undefined) !== (f.every === undefined), {
    message: "a scheduled fault needs exactly one of `request` or `every`",
  });
export type MockScheduledFault = z.infer<typeof MockScheduledFault>;

export const MockScript = z
  .object({
    models: z.array(z.string().min(1)).min(1).default(["mock-model"]),
    contextWindow: z.number().int().positive().optional(),
    tokensPerSecond: z.number().nonnegative().optional(),
    latencyMs: count.optional(),
    usage: z.boolean().default(true),
    reasoningField: z.enum(["reasoning_content", "reasoning"]).default("reasoning_content"),
    stages: z.record(z.string().min(1), entryList).default({}),
    faults: z.array(MockScheduledFault).default([]),
  })
  .strict();
export type MockScript = z.infer<typeof MockScript>;
export type MockScriptInput = z.input<typeof MockScript>;

/** Parses a script given as an object or YAML text; the error names the offending path. */
export function parseMockScript(input: MockScriptInput | string): MockScript {
  const raw = typeof input === "string" ? parse(input) : input;
  const parsed = MockScript.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`invalid mock-llm script: ${issues.join("; ")}`);
  }
  return parsed.data;
}

export function loadMockScriptFile(file: string): MockScript {
  return parseMockScript(fs.readFileSync(file, "utf8"));
}
