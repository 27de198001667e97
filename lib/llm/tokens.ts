import { countTokens } from "gpt-tokenizer";

/** Local estimate used when a provider reports no usage; o200k_base is close enough for other tokenizers' budgets. */
export function countTextTokens(text: string): number {
  return text ? countTokens(text) : 0;
}

/** Chat framing costs a few tokens per message plus the reply primer. */
export function estimatePromptTokens(messages: { content: string }[]): number {
  return messages.reduce((sum, m) => sum + countTextTokens(m.content) + 4, 3);
}
