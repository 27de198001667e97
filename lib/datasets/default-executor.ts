import type { Db } from "@/lib/db/client";
import { runFlowById } from "@/lib/flow";
import { createRun, languageSchema, runModeSchema } from "@/lib/runs";
import { createFlowJobExecutor, type SampleRunInput } from "./flow-executor";
import type { JobExecutor } from "./job-executor";

/** The sample's run, queued through the run service: the flow engine fills in everything else as it runs. */
async function createSampleRun(db: Db, input: SampleRunInput): Promise<string> {
  const language = languageSchema.safeParse(input.config.language);
  const { runId } = await createRun(db, {
    problemId: input.problemId,
    datasetRunId: input.datasetRunId,
    sampleIndex: input.sampleIndex,
    mode: runModeSchema.parse(input.mode),
    ...(language.success && { language: language.data }),
    model: input.model,
    provider: input.provider,
    config: input.config,
  });
  return runId;
}

/** Jobs run the real flow with the process's database, LLM settings and judge. */
export function defaultJobExecutor(db: Db): JobExecutor {
  return createFlowJobExecutor(db, {
    createRun: createSampleRun,
    runFlowById: async (runId, signal) => {
      await runFlowById(runId, signal);
    },
  });
}
