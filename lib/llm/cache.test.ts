import { describe, expect, it } from "vitest";
import { cacheKey } from "./cache";

const parts = {
  provider: "openai",
  model: "gpt-4.1",
  messages: [{ role: "user" as const, content: "hi" }],
  params: { temperature: 0.2, max_tokens: 10 },
  sampleIndex: 0,
  attempt: 0,
};

describe("cacheKey", () => {
  it("ignores parameter order", () => {
    expect(cacheKey(parts)).toBe(cacheKey({ ...parts, params: { max_tokens: 10, temperature: 0.2 } }));
  });

  it.each([
    ["sample index", { sampleIndex: 1 }],
    ["attempt", { attempt: 1 }],
    ["model", { model: "gpt-4o" }],
    ["provider", { provider: "azure" }],
    ["messages", { messages: [{ role: "user" as const, content: "hi!" }] }],
    ["parameters", { params: { temperature: 0.3, max_tokens: 10 } }],
  ])("changes with the %s", (_name, change) => {
    expect(cacheKey({ ...parts, ...change })).not.toBe(cacheKey(parts));
  });
});
