import type OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { classifyError } from "./retry";
import { LlmError } from "./errors";
import type { LlmDelta } from "./request";
import { CALL_HEADER, STAGE_HEADER, type StageName } from "./stages";
import { collectStream, DeltaCallbackError, type StreamOutcome } from "./stream";

export type AttemptInput = {
  client: OpenAI;
  body: ChatCompletionCreateParamsStreaming;
  stage: StageName;
  /** The call's cache key: sent so a proxy or the mock can tell a retried call from a new one. */
  callKey: string;
  timeoutMs: number;
  reasoningFields: string[];
  signal?: AbortSignal;
  onDelta?: (d: LlmDelta) => void;
};

/**
 * One request and its whole stream. The timeout is an inactivity timeout: it restarts on every chunk, so a hung
 * server is abandoned while a long answer that keeps streaming is not.
 */
export async function attemptOnce(input: AttemptInput): Promise<StreamOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  let emitted = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, input.timeoutMs);
  };
  const onAbort = () => controller.abort();
  input.signal?.addEventListener("abort", onAbort, { once: true });
  arm();
  try {
    const stream = await input.client.chat.completions.create(input.body, {
      signal: controller.signal,
      headers: { [STAGE_HEADER]: input.stage, [CALL_HEADER]: input.callKey },
      maxRetries: 0,
      timeout: input.timeoutMs,
    });
    arm();
    return await collectStream(stream, {
      reasoningFields: input.reasoningFields,
      onChunk: arm,
      onDelta: input.onDelta
        ? (d) => {
            emitted = true;
            input.onDelta!(d);
          }
        : () => {
            emitted = true;
          },
    });
  } catch (error) {
    if (error instanceof DeltaCallbackError) throw error;
    let failure: LlmError;
    if (input.signal?.aborted) failure = new LlmError("aborted", "the call was cancelled", { retryable: false });
    else if (timedOut) {
      failure = new LlmError("timeout", `no data from the provider for ${input.timeoutMs} ms`, { retryable: true });
    } else failure = classifyError(error);
    failure.partialOutput = emitted;
    throw failure;
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onAbort);
  }
}
