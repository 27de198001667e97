import OpenAI, { AzureOpenAI } from "openai";
import { LlmError } from "./errors";
import { PROVIDER_PRESETS } from "./providers";
import { baseUrlOf, type LlmSettings } from "./settings";

/** Local servers ignore the key, but the SDK refuses to start without one. */
const UNUSED_KEY = "not-needed";

/** One SDK client per settings; retries are the gateway's (it must also retry cut streams), so the SDK's are off. */
export function createOpenAiClient(settings: LlmSettings): OpenAI {
  const preset = PROVIDER_PRESETS[settings.provider];
  if (preset.requiresApiKey && !settings.apiKey) {
    throw new LlmError("config", `${preset.label} needs an API key: set OPENAI_API_KEY or llm.apiKey in settings`, {
      retryable: false,
    });
  }
  const common = {
    apiKey: settings.apiKey ?? UNUSED_KEY,
    maxRetries: 0,
    timeout: settings.timeoutMs,
    logLevel: "off" as const,
  };
  if (settings.provider === "azure") {
    // Without a fixed deployment the SDK routes each request to /deployments/<model>, so the model is the deployment.
    return new AzureOpenAI({ ...common, endpoint: baseUrlOf(settings), apiVersion: settings.azureApiVersion });
  }
  return new OpenAI({ ...common, baseURL: baseUrlOf(settings) });
}
