import { describe, expect, it } from "vitest";
import { rateEndpoint, rateLockId } from "./rate-endpoint";

describe("rate endpoint names", () => {
  const key = "sk-live-0123456789abcdef0123456789abcdef";

  it("names one provider key the same in every process, and never contains the key", () => {
    const name = rateEndpoint("openai", "https://api.openai.com/v1", key);
    expect(name).toBe(rateEndpoint("openai", "https://api.openai.com/v1", key));
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(name).not.toContain(key.slice(3, 15));
  });

  it("separates keys, base URLs and providers, whose limits are separate", () => {
    const names = [
      rateEndpoint("openai", "https://api.openai.com/v1", key),
      rateEndpoint("openai", "https://api.openai.com/v1", `${key}x`),
      rateEndpoint("openai", "https://api.openai.com/v1", undefined),
      rateEndpoint("openai", "https://example.org/v1", key),
      rateEndpoint("azure", "https://api.openai.com/v1", key),
    ];
    expect(new Set(names).size).toBe(names.length);
  });

  it("derives a signed 64-bit advisory-lock id per endpoint", () => {
    const a = rateLockId("a");
    expect(a).toBe(rateLockId("a"));
    expect(a).not.toBe(rateLockId("b"));
    expect(BigInt.asIntN(64, a)).toBe(a);
  });
});
