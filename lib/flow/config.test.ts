import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultFlowConfig, loadFlowConfigFile, resolveFlowConfig } from "./config";

describe("flow config", () => {
  it("has AlphaCodium's defaults", () => {
    const config = defaultFlowConfig();
    expect(config.ai_tests.count).toBe(6);
    expect(config.llm.frequency_penalty).toBe(0.1);
    expect(config.llm.temperatures.possible_solutions).toBe(0.3);
    expect(config.initial_code.max_attempts).toBe(8);
    expect(config.public_fix).toMatchObject({ max_fixes: 4, max_fixes_per_test: 3, fix_style: "two_call" });
    expect(config.mode).toBe("flow");
  });

  it("merges a partial override over the defaults", () => {
    const config = resolveFlowConfig("ai_tests:\n  count: 3\nlanguage: cpp\n");
    expect(config.ai_tests).toMatchObject({ count: 3, validate: false });
    expect(config.language).toBe("cpp");
  });

  it("names unknown keys and bad values by path", () => {
    expect(() => resolveFlowConfig({ ai_tests: { cuont: 3 } }, "my.yaml")).toThrow(
      'invalid flow config (my.yaml): unknown key "ai_tests.cuont"',
    );
    expect(() => resolveFlowConfig({ language: "rust" })).toThrow(/language:/);
    expect(() => resolveFlowConfig("- a list")).toThrow(/top level must be a mapping/);
  });

  it("loads every preset", () => {
    const dir = path.resolve(import.meta.dirname, "..", "..", "config", "presets");
    for (const file of fs.readdirSync(dir)) expect(() => loadFlowConfigFile(path.join(dir, file))).not.toThrow();
    expect(loadFlowConfigFile(path.join(dir, "cpp.yaml")).language).toBe("cpp");
  });
});
