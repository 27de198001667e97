import type { Db } from "@/lib/db/client";
import { defaultFlowConfig, loadFlowConfigFile, resolveFlowConfig } from "@/lib/flow/config";
import { loadLlmSettings } from "@/lib/llm/settings";
import type { ResolvedRunSettings } from "./create-dataset-run";
import type { DatasetMode } from "./schema";

export type RunSettingsSource = {
  mode: DatasetMode;
  /** A YAML file (CLI) or YAML text / an object (the page); nothing means config/default.yaml. */
  configFile?: string;
  configOverrides?: unknown;
  model?: string;
};

/**
 * The configuration every sample of a dataset run uses, fixed when the dataset run is created: the flow config
 * with the dataset's mode, and the model and provider the LLM settings resolve to now.
 */
export async function resolveRunSettings(db: Db, source: RunSettingsSource): Promise<ResolvedRunSettings> {
  const base = source.configFile
    ? loadFlowConfigFile(source.configFile)
    : source.configOverrides !== undefined
      ? resolveFlowConfig(source.configOverrides)
      : defaultFlowConfig();
  const config = resolveFlowConfig({ ...base, mode: source.mode, ...(source.model && { model: source.model }) });
  const llm = await loadLlmSettings(db, { overrides: config.model ? { model: config.model } : {} });
  return { config: { ...config, model: llm.model }, model: llm.model, provider: llm.provider };
}
