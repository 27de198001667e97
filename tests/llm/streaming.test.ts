import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, userMessage, type Harness } from "./harness";
import type { LlmDelta } from "@/lib/llm";

const REFLECTION = `self_reflection:
- The input is two integers and the answer is their sum.
tests_explanations:
- input: "1 2"
  output: "3"
  explanation: 1 + 2 = 3
`;

describe("streaming through the real SDK against the mock server", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      stages: {
        reflect: [{ content: REFLECTION, reasoning: "Think about the sum of two numbers first." }],
        initial_code: [{ content: "print(sum(map(int, input().split())))", usage: { prompt_tokens: 1200, cached_tokens: 1000, completion_tokens: 300, reasoning_tokens: 200 } }],
        fix_code: [{ content: "a partial answer that goes on and on", finishReason: "length" }],
        baseline: [{ content: "print(42)" }],
      },
    });
  });
  afterAll(() => h.close());

  it("streams content and reasoning separately and reports the usage the mock sent", async () => {
    const runId = await h.createRun();
    const deltas: LlmDelta[] = [];
    const result = await h.gateway().complete({
      stage: "reflect",
      messages: userMessage("Sum two numbers."),
      temperature: 0.2,
      frequencyPenalty: 0.1,
      runId,
      onDelta: (d) => deltas.push(d),
    });

    expect(result.content).toBe(REFLECTION);
    expect(result.reasoning).toBe("Think about the sum of two numbers first.");
    const content = deltas.filter((d) => d.kind === "content");
    const reasoning = deltas.filter((d) => d.kind === "reasoning");
    expect(content.length).toBeGreaterThan(5);
    expect(reasoning.length).toBeGreaterThan(3);
    expect(content.map((d) => d.text).join("")).toBe(REFLECTION);
    expect(reasoning.map((d) => d.text).join("")).toBe(result.reasoning);

    const [req] = h.mock.chatRequests();
    expect(req.stage).toBe("reflect");
    expect(req.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, temperature: 0.2, frequency_penalty: 0.1 });
    expect(req.usage).toBeDefined();
    expect(result.usage).toEqual({
      promptTokens: req.usage!.prompt_tokens,
      completionTokens: req.usage!.completion_tokens,
      cachedTokens: 0,
      reasoningTokens: req.usage!.completion_tokens_details.reasoning_tokens,
      estimated: false,
    });
    expect(result.truncated).toBe(false);
    expect(result.finishReason).toBe("stop");

    const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: result.callId } });
    expect(row).toMatchObject({
      runId,
      stage: "reflect",
      provider: "custom",
      model: "mock-model",
      response: REFLECTION,
      reasoning: result.reasoning,
      finishReason: "stop",
      promptTokens: result.usage.promptTokens,
      completionTokens: result.usage.completionTokens,
      usageEstimated: false,
      cacheHit: false,
      retries: 0,
      error: null,
    });
    expect(row.messages).toEqual(userMessage("Sum two numbers."));
  });

  it("prices cached and reasoning tokens from the registry", async () => {
    const result = await h.gateway({ prices: { input: 2, cachedInput: 0.5, output: 8, reasoning: 10 } }).complete({
      stage: "initial_code",
      messages: userMessage("Write the code."),
    });
    expect(result.usage).toEqual({ promptTokens: 1200, completionTokens: 300, cachedTokens: 1000, reasoningTokens: 200, estimated: false });
    // 200 uncached * 2 + 1000 cached * 0.5 + 100 output * 8 + 200 reasoning * 10, per million
    expect(result.costUsd).toBeCloseTo((200 * 2 + 1000 * 0.5 + 100 * 8 + 200 * 10) / 1e6, 12);
  });

  it("reports finish_reason length as truncated, and does not cache it", async () => {
    const gateway = h.gateway();
    const first = await gateway.complete({ stage: "fix_code", messages: userMessage("Fix it.") });
    expect(first.truncated).toBe(true);
    expect(first.finishReason).toBe("length");
    const before = h.mock.chatRequests().length;
    const again = await gateway.complete({ stage: "fix_code", messages: userMessage("Fix it.") });
    expect(again.cacheHit).toBe(false);
    expect(h.mock.chatRequests().length).toBe(before + 1);
  });

  it("counts tokens locally and marks them estimated when the provider sends no usage", async () => {
    h.mock.setScript({ usage: false, stages: { baseline: [{ content: "print(42)" }] } });
    const result = await h.gateway().complete({ stage: "baseline", messages: userMessage("Solve it directly."), cache: false });
    expect(h.mock.chatRequests()[0].usage).toBeUndefined();
    expect(result.usage.estimated).toBe(true);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    expect(result.usage.promptTokens).toBeGreaterThan(10);
    const row = await h.db.llmCall.findUniqueOrThrow({ where: { id: result.callId } });
    expect(row.usageEstimated).toBe(true);
  });

  it("shapes the request from the capability registry for a reasoning model", async () => {
    h.mock.setScript({ stages: { baseline: [{ content: "print(1)" }] } });
    await h.gateway({ model: "o3-mini", reasoningEffort: "low" }).complete({
      stage: "baseline",
      messages: userMessage("Solve."),
      temperature: 0.3,
      frequencyPenalty: 0.1,
      maxTokens: 4000,
      cache: false,
    });
    const body = h.mock.chatRequests()[0].body as Record<string, unknown>;
    expect(body.model).toBe("o3-mini");
    expect(body.temperature).toBeUndefined();
    expect(body.frequency_penalty).toBeUndefined();
    expect(body.max_tokens).toBeUndefined();
    expect(body.max_completion_tokens).toBe(4000);
    expect(body.reasoning_effort).toBe("low");
    expect((body.messages as { role: string }[]).map((m) => m.role)).toEqual(["developer", "user"]);
  });

  it("warns when the server counted far fewer prompt tokens than were sent", async () => {
    h.mock.setScript({ stages: { reflect: [{ content: "ok", usage: { prompt_tokens: 2048 } }] } });
    const longPrompt = "The statement goes on. ".repeat(800);
    const result = await h.gateway().complete({ stage: "reflect", messages: userMessage(longPrompt), cache: false });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/counted 2048 prompt tokens .* truncated the prompt/);
    h.mock.setScript({ stages: { reflect: [{ content: "ok" }] } });
    const fine = await h.gateway().complete({ stage: "reflect", messages: userMessage(longPrompt), cache: false });
    expect(fine.warnings).toEqual([]);
  });

  it("rejects an invalid request with a clear error before sending anything", async () => {
    const before = h.mock.requests.length;
    await expect(
      h.gateway().complete({ stage: "nope" as "reflect", messages: [] }),
    ).rejects.toThrow(/invalid LLM request: stage: .*messages: /s);
    expect(h.mock.requests.length).toBe(before);
  });
});
