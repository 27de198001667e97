import { z } from "zod";

export const ProviderId = z.enum([
  "openai",
  "azure",
  "openrouter",
  "deepseek",
  "ollama",
  "vllm",
  "lmstudio",
  "llamacpp",
  "custom",
]);
export type ProviderId = z.infer<typeof ProviderId>;

export const ProviderPreset = z.object({
  id: ProviderId,
  label: z.string(),
  /** Null where the URL is per account (Azure) or unknown (custom). */
  baseUrl: z.string().nullable(),
  requiresApiKey: z.boolean(),
  local: z.boolean(),
  /** Whether the server accepts `stream_options` (older local servers reject unknown fields). */
  acceptsStreamOptions: z.boolean(),
  /** Process-wide defaults for the limiter; local servers serve one request at a time well. */
  concurrency: z.number().int().positive(),
  requestsPerMinute: z.number().int().positive().nullable(),
  pitfall: z.string(),
});
export type ProviderPreset = z.infer<typeof ProviderPreset>;

export const PROVIDER_PRESETS: Record<ProviderId, ProviderPreset> = {
  openai: {
    id: "openai",
    label: "OpenAI",
    baseUrl: "https://api.openai.com/v1",
    requiresApiKey: true,
    local: false,
    acceptsStreamOptions: true,
    concurrency: 8,
    requestsPerMinute: 500,
    pitfall: "Reasoning models (o-series, gpt-5) reject temperature and penalties and count hidden reasoning in max_completion_tokens.",
  },
  azure: {
    id: "azure",
    label: "Azure OpenAI",
    baseUrl: null,
    requiresApiKey: true,
    local: false,
    acceptsStreamOptions: true,
    concurrency: 4,
    requestsPerMinute: 60,
    pitfall: "The model name is your deployment name, and the api-version must support stream_options (2024-10-21 or later).",
  },
  openrouter: {
    id: "openrouter",
    label: "OpenRouter",
    baseUrl: "https://openrouter.ai/api/v1",
    requiresApiKey: true,
    local: false,
    acceptsStreamOptions: true,
    concurrency: 4,
    requestsPerMinute: 60,
    pitfall: "Model names carry the vendor prefix (openai/gpt-4.1-mini), and the upstream provider may change between calls.",
  },
  deepseek: {
    id: "deepseek",
    label: "DeepSeek",
    baseUrl: "https://api.deepseek.com",
    requiresApiKey: true,
    local: false,
    acceptsStreamOptions: true,
    concurrency: 4,
    requestsPerMinute: 60,
    pitfall: "The base URL has no /v1, and deepseek-reasoner ignores temperature and streams its thinking as reasoning_content.",
  },
  ollama: {
    id: "ollama",
    label: "Ollama",
    baseUrl: "http://localhost:11434/v1",
    requiresApiKey: false,
    local: true,
    acceptsStreamOptions: true,
    concurrency: 1,
    requestsPerMinute: null,
    pitfall: "The OpenAI endpoint ignores num_ctx: prompts longer than the server's context (2048–4096 by default) are silently truncated; set OLLAMA_CONTEXT_LENGTH or a Modelfile num_ctx.",
  },
  vllm: {
    id: "vllm",
    label: "vLLM",
    baseUrl: "http://localhost:8000/v1",
    requiresApiKey: false,
    local: true,
    acceptsStreamOptions: true,
    concurrency: 4,
    requestsPerMinute: null,
    pitfall: "Requests longer than --max-model-len fail with 400, and long batches stall near the end: keep per-call timeouts on.",
  },
  lmstudio: {
    id: "lmstudio",
    label: "LM Studio",
    baseUrl: "http://localhost:1234/v1",
    requiresApiKey: false,
    local: true,
    acceptsStreamOptions: true,
    concurrency: 1,
    requestsPerMinute: null,
    pitfall: "The model is loaded with the context length chosen in the app (often 4096); raise it before running the flow.",
  },
  llamacpp: {
    id: "llamacpp",
    label: "llama.cpp server",
    baseUrl: "http://localhost:8080/v1",
    requiresApiKey: false,
    local: true,
    acceptsStreamOptions: true,
    concurrency: 1,
    requestsPerMinute: null,
    pitfall: "The context is fixed at start (-c); with parallel slots (-np) each slot gets only its share of it.",
  },
  custom: {
    id: "custom",
    label: "OpenAI-compatible (custom)",
    baseUrl: null,
    requiresApiKey: false,
    local: false,
    acceptsStreamOptions: true,
    concurrency: 4,
    requestsPerMinute: null,
    pitfall: "Capabilities are guessed from the model name; check usage and truncation on the first run.",
  },
};

/** Guesses the provider from a base URL so that OPENAI_BASE_URL alone is enough. */
export function inferProvider(baseUrl: string | undefined): ProviderId {
  if (!baseUrl) return "openai";
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "custom";
  }
  const host = url.hostname;
  if (host === "api.openai.com") return "openai";
  if (host.endsWith(".openai.azure.com") || host.endsWith(".cognitiveservices.azure.com")) return "azure";
  if (host.endsWith("openrouter.ai")) return "openrouter";
  if (host.endsWith("deepseek.com")) return "deepseek";
  const local = host === "localhost" || host === "127.0.0.1" || host === "::1" || host === "[::1]";
  if (local && url.port === "11434") return "ollama";
  if (local && url.port === "1234") return "lmstudio";
  if (local && url.port === "8000") return "vllm";
  if (local && url.port === "8080") return "llamacpp";
  return "custom";
}
