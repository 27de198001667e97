import { describe, expect, it } from "vitest";
import { validatePresetYaml } from "./preset-validation";

describe("validatePresetYaml", () => {
  it("accepts a partial preset and returns the merged config", () => {
    const result = validatePresetYaml("ai_tests:\n  count: 3\nlanguage: cpp\n", "mine");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.config).toMatchObject({ language: "cpp", ai_tests: { count: 3 } });
  });

  it("points a YAML syntax error at its line", () => {
    const result = validatePresetYaml("ai_tests:\n  count: 3\n bad: [\n", "mine");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it("points an unknown key and a bad value at the lines that hold them", () => {
    const yaml = "language: python3\nai_tests:\n  count: 3\n  cuont: 4\nllm:\n  max_tokens: 1\n";
    const result = validatePresetYaml(yaml, "mine");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const unknown = result.issues.find((issue) => issue.message.includes("cuont"));
    const tooSmall = result.issues.find((issue) => issue.path === "llm.max_tokens");
    expect(unknown).toMatchObject({ path: "ai_tests.cuont", line: 4 });
    expect(tooSmall?.line).toBe(6);
  });

  it("rejects a top level that is not a mapping", () => {
    const result = validatePresetYaml("- a\n- b\n", "mine");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0].message).toMatch(/mapping/);
  });
});
