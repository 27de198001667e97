import { z } from "zod";
import { languageSchema, runModeSchema, runStatusSchema } from "@/lib/runs/events";

/** What the run page's server shell hands its client component: the run row, without its event log. */
export const runSummarySchema = z.object({
  id: z.string(),
  problem: z.object({ id: z.string(), name: z.string() }),
  status: runStatusSchema,
  mode: runModeSchema,
  language: languageSchema,
  model: z.string(),
  provider: z.string(),
  config: z.record(z.string(), z.unknown()),
  parentRunId: z.string().nullable(),
  forkFromStage: z.string().nullable(),
  createdAt: z.string(),
  forks: z.array(z.object({ id: z.string(), forkFromStage: z.string().nullable(), status: runStatusSchema })),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
