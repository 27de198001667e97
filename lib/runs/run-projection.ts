import type { Prisma } from "@/lib/db/generated/client";
import type { RunEvent } from "./events";

/**
 * How an event changes the Run row's denormalised fields (status, timestamps, counters). Applied by the event
 * store in the same transaction as the insert, so the row never disagrees with the log. Nothing else should write
 * these fields: the log is the source, the row is a projection of it.
 */
export function runProjection(event: RunEvent, at: Date): Prisma.RunUncheckedUpdateInput {
  switch (event.type) {
    case "run_started":
      return { status: "running", finishedAt: null, error: null };
    case "llm_call":
      return {
        llmCalls: { increment: 1 },
        promptTokens: { increment: event.usage.promptTokens },
        completionTokens: { increment: event.usage.completionTokens },
        reasoningTokens: { increment: event.usage.reasoningTokens },
        costUsd: { increment: event.costUsd },
      };
    case "test_results":
      return event.sandbox ? { sandbox: event.sandbox } : {};
    case "error":
      if (event.interrupted) return { status: "interrupted", error: event.message };
      return event.fatal ? { error: event.message } : {};
    case "run_finished": {
      const { tests } = event;
      return {
        status: event.status,
        finishedAt: at,
        solved: event.solved,
        ...(event.finalVersionId !== undefined && { finalVersionId: event.finalVersionId }),
        ...(event.finalCode !== undefined && { finalCode: event.finalCode }),
        ...(event.error !== undefined && { error: event.error }),
        ...(tests.public && { publicPassed: tests.public.passed, publicFailed: tests.public.failed }),
        ...(tests.ai && { aiPassed: tests.ai.passed, aiFailed: tests.ai.failed }),
        ...(tests.hidden && { hiddenPassed: tests.hidden.passed, hiddenFailed: tests.hidden.failed }),
      };
    }
    default:
      return {};
  }
}

/** run_started also stamps the first start; later resumes keep it so wall time counts from the beginning. */
export function stampsFirstStart(event: RunEvent): boolean {
  return event.type === "run_started";
}
