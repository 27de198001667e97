import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { LlmError } from "./errors";
import type { LlmDelta } from "./request";
import { ProviderUsage } from "./usage";

export type StreamOutcome = {
  content: string;
  reasoning: string;
  finishReason: string | null;
  usage: ProviderUsage | null;
  emitted: boolean;
};

/** An exception from the caller's onDelta: the caller's bug, never a reason to retry the provider. */
export class DeltaCallbackError extends Error {
  constructor(cause: unknown) {
    super(`onDelta callback failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "DeltaCallbackError";
  }
}

function reasoningText(delta: object, fields: string[]): string {
  for (const field of fields) {
    const value = (delta as Record<string, unknown>)[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return "";
}

/**
 * Reads a chat-completion stream to its end. A stream that stops before any finish_reason was cut, whatever the
 * transport said, so it is reported as such rather than returned as a short answer.
 */
export async function collectStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  options: { reasoningFields: string[]; onDelta?: (d: LlmDelta) => void; onChunk: () => void },
): Promise<StreamOutcome> {
  const out: StreamOutcome = { content: "", reasoning: "", finishReason: null, usage: null, emitted: false };
  const emit = (delta: LlmDelta) => {
    out.emitted = true;
    if (!options.onDelta) return;
    try {
      options.onDelta(delta);
    } catch (error) {
      throw new DeltaCallbackError(error);
    }
  };
  for await (const chunk of stream) {
    options.onChunk();
    if (chunk.usage) {
      const usage = ProviderUsage.safeParse(chunk.usage);
      if (usage.success) out.usage = usage.data;
    }
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    const thinking = reasoningText(delta, options.reasoningFields);
    if (thinking) {
      out.reasoning += thinking;
      emit({ kind: "reasoning", text: thinking });
    }
    if (typeof delta.content === "string" && delta.content !== "") {
      out.content += delta.content;
      emit({ kind: "content", text: delta.content });
    }
    if (choice.finish_reason) out.finishReason = choice.finish_reason;
  }
  if (out.finishReason === null) {
    throw new LlmError("stream_cut", "the response stream ended before the answer was complete (no finish_reason)", {
      retryable: true,
    });
  }
  return out;
}
