import { z } from "zod";
import { capabilitiesFor } from "./capabilities";
import { createOpenAiClient } from "./client";
import { LlmError } from "./errors";
import { PROVIDER_PRESETS } from "./providers";
import { redactSecrets } from "./redact";
import { classifyError } from "./retry";
import { baseUrlOf, type LlmSettings } from "./settings";

/** AlphaCodium's stage prompts run 4–8k tokens and answers up to ~2k more: below this a local server truncates. */
export const FLOW_CONTEXT_TOKENS = 10_000;

/** Ollama's server default when neither OLLAMA_CONTEXT_LENGTH nor a Modelfile num_ctx raises it. */
const OLLAMA_DEFAULT_CONTEXT = 4096;

export const ConnectionReport = z.object({
  ok: z.boolean(),
  provider: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  models: z.array(z.string()),
  modelFound: z.boolean().nullable(),
  contextWindow: z.number().int().positive().nullable(),
  contextSource: z.string().nullable(),
  latencyMs: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

type ContextProbe = { tokens: number; source: string } | null;

async function getJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** The server root: native (non-OpenAI) endpoints of local servers live beside /v1, not under it. */
function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
}

const OllamaShow = z.object({
  parameters: z.string().optional(),
  model_info: z.record(z.string(), z.unknown()).optional(),
});

async function probeOllama(root: string, model: string, timeoutMs: number): Promise<ContextProbe> {
  const show = OllamaShow.parse(
    await getJson(`${root}/api/show`, { method: "POST", body: JSON.stringify({ model }) }, timeoutMs),
  );
  const numCtx = show.parameters?.match(/^\s*num_ctx\s+(\d+)/m);
  if (numCtx) return { tokens: Number(numCtx[1]), source: "Modelfile num_ctx" };
  return { tokens: OLLAMA_DEFAULT_CONTEXT, source: "Ollama server default (unless OLLAMA_CONTEXT_LENGTH is set)" };
}

async function probeLlamaCpp(root: string, timeoutMs: number): Promise<ContextProbe> {
  const props = z
    .object({ default_generation_settings: z.object({ n_ctx: z.number().int().positive() }).passthrough() })
    .passthrough()
    .parse(await getJson(`${root}/props`, {}, timeoutMs));
  return { tokens: props.default_generation_settings.n_ctx, source: "llama.cpp /props n_ctx" };
}

async function probeLmStudio(root: string, model: string, timeoutMs: number): Promise<ContextProbe> {
  const info = z
    .object({ loaded_context_length: z.number().int().positive().optional(), max_context_length: z.number().int().positive().optional() })
    .passthrough()
    .parse(await getJson(`${root}/api/v0/models/${encodeURIComponent(model)}`, {}, timeoutMs));
  if (info.loaded_context_length) return { tokens: info.loaded_context_length, source: "LM Studio loaded context" };
  if (info.max_context_length) return { tokens: info.max_context_length, source: "LM Studio max context" };
  return null;
}

/** vLLM (max_model_len) and OpenRouter (context_length) put the window in the model list itself. */
function contextFromListing(entry: Record<string, unknown> | undefined): ContextProbe {
  if (!entry) return null;
  for (const field of ["max_model_len", "context_length", "context_window"]) {
    const value = entry[field];
    if (typeof value === "number" && value > 0) return { tokens: value, source: `/v1/models ${field}` };
  }
  return null;
}

/**
 * Lists the provider's models and checks the configured one, then looks for the context window the server will
 * really use, warning when the flow's prompts would not fit.
 */
export async function testConnection(
  settings: LlmSettings,
  options: { requiredContextTokens?: number; timeoutMs?: number } = {},
): Promise<ConnectionReport> {
  const started = Date.now();
  const preset = PROVIDER_PRESETS[settings.provider];
  const baseUrl = baseUrlOf(settings);
  const required = options.requiredContextTokens ?? FLOW_CONTEXT_TOKENS;
  const timeoutMs = options.timeoutMs ?? Math.min(settings.timeoutMs, 15_000);
  const scrub = (text: string) => redactSecrets(text, [settings.apiKey]);
  const report: ConnectionReport = {
    ok: false,
    provider: settings.provider,
    baseUrl,
    model: settings.model,
    models: [],
    modelFound: null,
    contextWindow: null,
    contextSource: null,
    latencyMs: 0,
    warnings: [],
    error: null,
  };

  const listing: Record<string, unknown>[] = [];
  try {
    const client = createOpenAiClient({ ...settings, timeoutMs });
    for await (const model of client.models.list()) listing.push(model as unknown as Record<string, unknown>);
  } catch (error) {
    report.error = scrub(error instanceof LlmError ? error.message : classifyError(error).message);
    report.latencyMs = Date.now() - started;
    return report;
  }
  report.ok = true;
  report.models = listing.map((m) => String(m.id));
  // Azure lists base models, not deployments, so a deployment name is never in the list.
  if (settings.provider !== "azure") {
    report.modelFound = report.models.includes(settings.model);
    if (!report.modelFound) {
      report.warnings.push(`model "${settings.model}" is not among the ${report.models.length} models the server lists`);
    }
  }

  let probe = contextFromListing(listing.find((m) => m.id === settings.model));
  const root = serverRoot(baseUrl);
  try {
    if (settings.provider === "ollama") probe = await probeOllama(root, settings.model, timeoutMs);
    else if (settings.provider === "llamacpp") probe ??= await probeLlamaCpp(root, timeoutMs);
    else if (settings.provider === "lmstudio") probe ??= await probeLmStudio(root, settings.model, timeoutMs);
  } catch (error) {
    report.warnings.push(`could not read the context window from ${preset.label}: ${scrub((error as Error).message)}`);
  }
  const caps = capabilitiesFor(settings.provider, settings.model, settings.prices);
  if (!probe && !preset.local && caps.contextWindow) probe = { tokens: caps.contextWindow, source: "capability registry" };
  if (probe) {
    report.contextWindow = probe.tokens;
    report.contextSource = probe.source;
    if (probe.tokens < required) {
      report.warnings.push(
        `context window ${probe.tokens} tokens (${probe.source}) is smaller than the ~${required} the flow's prompts need: ` +
          `long prompts will be truncated or rejected. ${preset.pitfall}`,
      );
    }
  } else if (preset.local) {
    report.warnings.push(`the context window of ${preset.label} is unknown: make sure it holds ~${required} tokens`);
  }
  if (!caps.prices) {
    report.warnings.push(`no price is known for "${settings.model}": costs show as $0 and a budget cap cannot stop a run`);
  }
  report.latencyMs = Date.now() - started;
  return report;
}
