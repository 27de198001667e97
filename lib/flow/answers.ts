import type { z } from "zod";
import type { StageName } from "@/lib/llm/stages";
import { askModel } from "./ask-model";
import { FlowStageError, type NodeContext } from "./context";
import { extractCode } from "./parse/code-block";
import { structuredAnswers, type StructuredOutput, type StructuredStage } from "./parse/answers";
import { readYamlAnswer, type YamlAnswerSpec } from "./parse/yaml-reader";
import { renderPrompt, type PromptVars } from "./prompts";
import { syntaxError } from "./syntax-check";

type Check<T> = (value: T) => string | null | Promise<string | null>;

export interface StructuredOptions<T> {
  /** A semantic check after the schema (counts, consistency); its message is fed back to the model. */
  check?: Check<T>;
  /** After the last retry, keep a schema-valid answer that only failed `check` instead of failing the stage. */
  acceptUnchecked?: boolean;
  sampleIndex?: number;
}

function retryMessage(problem: string, truncated: boolean): string {
  const cut = truncated ? " Your answer was cut off at the length limit: keep it shorter." : "";
  return `Your answer could not be used: ${problem}.${cut} Answer again with the complete answer, in exactly the format asked for.`;
}

/**
 * Asks a structured stage and returns its validated YAML answer. An unreadable answer (or one failing `check`)
 * is retried with the problem fed back, up to llm.parse_retries times; then the stage fails with the last error.
 */
export async function askStructured<K extends StructuredStage>(
  ctx: NodeContext,
  stage: K & StageName,
  vars: PromptVars,
  options: StructuredOptions<StructuredOutput<K>> = {},
): Promise<{ value: StructuredOutput<K>; unchecked?: string }> {
  const prompt = renderPrompt(stage, vars);
  let followUp: { answer: string; problem: string } | undefined;
  let lastProblem = "";
  let lastValid: { value: StructuredOutput<K>; problem: string } | undefined;
  for (let attempt = 0; attempt <= ctx.config.llm.parse_retries; attempt++) {
    const result = await askModel(ctx, { stage, prompt, followUp, attempt, sampleIndex: options.sampleIndex });
    const spec: YamlAnswerSpec<z.ZodType> = structuredAnswers[stage];
    const read = readYamlAnswer(result.content, spec);
    let problem: string | null = read.ok ? null : read.error;
    if (read.ok) {
      const value = read.value as StructuredOutput<K>;
      problem = options.check ? await options.check(value) : null;
      if (problem === null) {
        ctx.emit({ type: "parsed_output", nodeKey: ctx.nodeKey, stage, output: value });
        return { value };
      }
      lastValid = { value, problem };
    }
    lastProblem = problem ?? "unknown";
    ctx.emit({ type: "error", stage, nodeKey: ctx.nodeKey, message: `${stage} answer unusable (attempt ${attempt + 1}): ${lastProblem}` });
    followUp = { answer: result.content, problem: retryMessage(lastProblem, result.truncated) };
  }
  if (options.acceptUnchecked && lastValid) {
    ctx.emit({ type: "parsed_output", nodeKey: ctx.nodeKey, stage, output: lastValid.value });
    return { value: lastValid.value, unchecked: lastValid.problem };
  }
  throw new FlowStageError(`${stage}: no usable answer after ${ctx.config.llm.parse_retries + 1} attempt(s): ${lastProblem}`);
}

/** Extracts the program of a code answer and checks its syntax; the reason it is unusable otherwise. */
export async function programFrom(ctx: NodeContext, answer: string): Promise<{ code: string } | { problem: string }> {
  const extracted = extractCode(answer, ctx.config.language);
  if (!extracted.ok) return { problem: extracted.error };
  const error = await syntaxError(ctx, extracted.code);
  return error === null ? { code: extracted.code } : { problem: `the program does not compile: ${error}` };
}

/** Asks a code stage for a program; an answer without a compilable program is retried with the error fed back. */
export async function askProgram(
  ctx: NodeContext,
  stage: StageName,
  promptName: string,
  vars: PromptVars,
  sampleIndex = 0,
): Promise<string> {
  const prompt = renderPrompt(promptName, vars);
  let followUp: { answer: string; problem: string } | undefined;
  let lastProblem = "";
  for (let attempt = 0; attempt <= ctx.config.llm.parse_retries; attempt++) {
    const result = await askModel(ctx, { stage, prompt, followUp, attempt, sampleIndex });
    const program = await programFrom(ctx, result.content);
    if ("code" in program) return program.code;
    lastProblem = program.problem;
    ctx.emit({ type: "error", stage, nodeKey: ctx.nodeKey, message: `${stage} answer unusable (attempt ${attempt + 1}): ${lastProblem}` });
    followUp = { answer: result.content, problem: retryMessage(lastProblem, result.truncated) };
  }
  throw new FlowStageError(`${stage}: no usable program after ${ctx.config.llm.parse_retries + 1} attempt(s): ${lastProblem}`);
}
