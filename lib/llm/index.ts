export { createGateway, type GatewayDeps, type LlmGateway } from "./gateway";
export { StageName, STAGE_HEADER } from "./stages";
export {
  ChatMessage,
  CompletionRequest,
  LlmDelta,
  LlmResult,
  RetryNotice,
  type ParsedCompletionRequest,
} from "./request";
export { LlmUsage } from "./usage";
export { BudgetExceededError, LlmError, LlmErrorKind } from "./errors";
export {
  DEFAULT_MODEL,
  LlmSettings,
  LlmSettingsError,
  loadLlmSettings,
  publicLlmSettings,
  resolveLlmSettings,
  SETTING_KEYS,
  type LlmSettingsInput,
} from "./settings";
export { inferProvider, PROVIDER_PRESETS, ProviderId, ProviderPreset } from "./providers";
export { capabilitiesFor, ModelCapabilities, Prices } from "./capabilities";
export { llmTotals, llmTotalsByStage, LlmTotals, spentUsd, type TotalsScope } from "./accounting";
export { ConnectionReport, FLOW_CONTEXT_TOKENS, testConnection } from "./test-connection";
export { redactSecrets } from "./redact";
