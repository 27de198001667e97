import { db } from "@/lib/db/client";
import { resolveFlowConfig, runFlowById } from "@/lib/flow";
import { loadLlmSettings } from "@/lib/llm";
import { createRunReply, listRunsReply } from "@/lib/runs/http/run-replies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listRunsReply(db(), request);
}

export function POST(request: Request): Promise<Response> {
  return createRunReply(db(), request, {
    execute: runFlowById,
    defaults: async () => {
      const settings = await loadLlmSettings(db());
      return { model: settings.model, provider: settings.provider };
    },
    validateConfig: (config) => void resolveFlowConfig(config, "config"),
  });
}
