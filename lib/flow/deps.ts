import type { JudgeOptions, JudgeRequestInput, JudgeResult } from "@/lib/judge/schema";
import type { CompletionRequest, LlmResult } from "@/lib/llm/request";

/** What the flow needs from the LLM gateway (`createGateway(...)` satisfies it). */
export interface FlowGateway {
  complete(request: CompletionRequest): Promise<LlmResult>;
}

/** What the flow needs from the judge (`judge` from @/lib/judge satisfies it). */
export type FlowJudge = (request: JudgeRequestInput, options?: JudgeOptions) => Promise<JudgeResult>;

export interface FlowDeps {
  gateway: FlowGateway;
  judge: FlowJudge;
}
