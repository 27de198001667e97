import { describe, expect, it } from "vitest";
import { parseRunEvent } from "@/lib/runs/events";
import { describeEvent } from "./event-lines";

describe("describeEvent", () => {
  it("names the version in test lines and skips token noise", () => {
    const results = parseRunEvent({
      type: "test_results",
      versionId: "v-a",
      testSet: "public",
      verdict: "WA",
      passed: 1,
      failed: 1,
      tests: [
        { index: 0, verdict: "AC", timeMs: 1, memoryKb: 1 },
        { index: 1, verdict: "WA", timeMs: 1, memoryKb: 1 },
      ],
    });
    expect(describeEvent(results, new Map([["v-a", 3]]))).toBe("  public tests (v3): 1/2 passed ✓ WA");
    expect(describeEvent(parseRunEvent({ type: "token", nodeKey: "reflect", callId: "c", text: "x" }))).toBeNull();
    expect(describeEvent(parseRunEvent({ type: "decision", outcome: "reverted", reason: "reverted: broke anchor AI test 3" }))).toBe(
      "  → reverted: broke anchor AI test 3",
    );
  });
});
