import type { ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { ModelCapabilities } from "./capabilities";
import type { ProviderPreset } from "./providers";
import type { ChatMessage, ParsedCompletionRequest } from "./request";
import type { ReasoningEffort } from "./settings";

export type ChatParams = {
  body: ChatCompletionCreateParamsStreaming;
  /** Parameters the model does not accept and that were therefore not sent. */
  dropped: string[];
};

function mapMessages(messages: ChatMessage[], role: ModelCapabilities["systemRole"]): ChatCompletionMessageParam[] {
  if (role !== "user") {
    return messages.map((m) => (m.role === "system" ? { role, content: m.content } : { role: m.role, content: m.content }));
  }
  const system = messages.filter((m) => m.role === "system").map((m) => m.content);
  const rest = messages.filter((m) => m.role !== "system");
  const firstUser = rest.findIndex((m) => m.role === "user");
  return rest.map((m, i) =>
    i === firstUser && system.length > 0
      ? { role: "user", content: `${system.join("\n\n")}\n\n${m.content}` }
      : { role: m.role as "user" | "assistant", content: m.content },
  );
}

/** Translates a gateway request into the body this model accepts, from the capability registry, not from name checks. */
export function buildChatParams(
  request: ParsedCompletionRequest,
  model: string,
  caps: ModelCapabilities,
  preset: ProviderPreset,
  defaultEffort: ReasoningEffort | undefined,
): ChatParams {
  const dropped: string[] = [];
  const body: ChatCompletionCreateParamsStreaming = {
    model,
    messages: mapMessages(request.messages, caps.systemRole),
    stream: true,
  };
  if (request.temperature !== undefined) {
    if (caps.acceptsTemperature) body.temperature = request.temperature;
    else dropped.push("temperature");
  }
  if (request.frequencyPenalty !== undefined) {
    if (caps.acceptsPenalties) body.frequency_penalty = request.frequencyPenalty;
    else dropped.push("frequency_penalty");
  }
  if (request.maxTokens !== undefined) {
    if (caps.maxTokensField === "max_completion_tokens") body.max_completion_tokens = request.maxTokens;
    else body.max_tokens = request.maxTokens;
  }
  const effort = request.reasoningEffort ?? defaultEffort;
  if (effort !== undefined) {
    if (caps.reasoningEffort) body.reasoning_effort = effort;
    else if (request.reasoningEffort !== undefined) dropped.push("reasoning_effort");
  }
  if (preset.acceptsStreamOptions && caps.streamsUsage) body.stream_options = { include_usage: true };
  return { body, dropped };
}

const NOT_ANSWER_KEYS = new Set(["stream", "stream_options", "messages"]);

/** The body minus transport switches and messages: the parameters that decide the answer, for the cache key. */
export function answerParams(body: ChatCompletionCreateParamsStreaming): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !NOT_ANSWER_KEYS.has(key)));
}
