import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { llmTotals } from "@/lib/llm";
import { missingShared, sharedFile } from "@/tests/helpers/shared-data";
import { startHarness, userMessage, type Harness } from "./harness";

const TRANSCRIPTS = "llm-transcripts/alphacodium_calls.jsonl";
const Transcript = z.object({ problem_name: z.string(), call_index: z.number(), response: z.string() });

describe.skipIf(missingShared(TRANSCRIPTS))("real model responses replayed through the mock and the gateway", () => {
  let h: Harness;
  let responses: z.infer<typeof Transcript>[];
  beforeAll(async () => {
    responses = fs
      .readFileSync(sharedFile(TRANSCRIPTS)!, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => Transcript.parse(JSON.parse(line)));
    h = await startHarness({ stages: { analyze_and_fix: responses.map((r) => ({ content: r.response })) } });
  });
  afterAll(() => h.close());

  it("reassembles every streamed response byte for byte, with usage totals equal to what the mock reported", async () => {
    expect(responses).toHaveLength(207);
    const runId = await h.createRun();
    const gateway = h.gateway();
    for (const [i, transcript] of responses.entries()) {
      let streamed = "";
      const result = await gateway.complete({
        stage: "analyze_and_fix",
        messages: userMessage(`${transcript.problem_name} call ${transcript.call_index} (#${i})`),
        runId,
        onDelta: (d) => (streamed += d.text),
      });
      expect(result.content).toBe(transcript.response);
      expect(streamed).toBe(transcript.response);
      expect(result.usage.estimated).toBe(false);
    }
    const reported = h.mock.chatRequests().map((r) => r.usage!);
    const totals = await llmTotals(h.db, { runId });
    expect(totals.calls).toBe(207);
    expect(totals.promptTokens).toBe(reported.reduce((s, u) => s + u.prompt_tokens, 0));
    expect(totals.completionTokens).toBe(reported.reduce((s, u) => s + u.completion_tokens, 0));
    expect(totals.completionTokens).toBeGreaterThan(50_000);
  });
});
