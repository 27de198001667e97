import { db as processDb } from "@/lib/db/client";
import { judge } from "@/lib/judge";
import { createGateway, loadLlmSettings } from "@/lib/llm";
import { runFlow, type FlowOutcome } from "./engine";

export { runFlow, type FlowOutcome, type RunFlowOptions } from "./engine";
export type { FlowDeps, FlowGateway, FlowJudge } from "./deps";
export { defaultFlowConfig, loadFlowConfigFile, resolveFlowConfig, ConfigError, flowConfigSchema, type FlowConfig } from "./config";

/**
 * Runs (or resumes) a stored run with the process's database, the stored/env LLM settings and the real judge:
 * what POST /api/runs, the executor and the CLI call.
 */
export async function runFlowById(runId: string, signal?: AbortSignal): Promise<FlowOutcome> {
  const db = processDb();
  const settings = await loadLlmSettings(db);
  const gateway = createGateway(settings, { db });
  return runFlow(db, runId, { gateway, judge }, { signal });
}
