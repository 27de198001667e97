import { describe, expect, it } from "vitest";
import { parseMockScript } from "./script";
import { AnswerSelector } from "./select";

const contentOf = (selector: AnswerSelector, stage: string | undefined, user = "") => {
  const s = selector.select(stage, user);
  if (s.kind === "entry") return s.entry.fault ?? s.entry.content;
  return s.kind === "scheduled" ? `scheduled:${s.fault.fault}` : `none:${s.reason}`;
};

describe("mock script answers", () => {
  it("walks a stage's list by ordinal and repeats the last entry", () => {
    const selector = new AnswerSelector(parseMockScript("stages:\n  reflect:\n    - content: one\n    - fault: rate_limit\n    - content: three\n"));
    expect(Array.from({ length: 4 }, () => contentOf(selector, "reflect"))).toEqual(["one", "rate_limit", "three", "three"]);
  });

  it("falls back to the default stage, and names a stage with no answer", () => {
    const selector = new AnswerSelector(parseMockScript({ stages: { default: [{ content: "d" }] } }));
    expect(contentOf(selector, "fix_code")).toBe("d");
    expect(contentOf(selector, undefined)).toBe("d");
    expect(contentOf(new AnswerSelector(parseMockScript({})), "fix_code")).toMatch(/none:.*"fix_code"/);
  });

  it("keeps one ordinal per match group so interleaved problems each get their own sequence", () => {
    const selector = new AnswerSelector(
      parseMockScript({
        stages: {
          initial_code: [
            { match: "Problem A", content: "A1" },
            { match: "Problem A", content: "A2" },
            { match: "Problem B", content: "B1" },
            { content: "other" },
          ],
        },
      }),
    );
    expect(contentOf(selector, "initial_code", "solve Problem B")).toBe("B1");
    expect(contentOf(selector, "initial_code", "solve Problem A")).toBe("A1");
    expect(contentOf(selector, "initial_code", "unrelated")).toBe("other");
    expect(contentOf(selector, "initial_code", "solve Problem A")).toBe("A2");
  });

  it("applies scheduled faults by request number without consuming a stage ordinal", () => {
    const selector = new AnswerSelector(
      parseMockScript({ stages: { reflect: [{ content: "r1" }, { content: "r2" }] }, faults: [{ request: 2, fault: "server_error" }] }),
    );
    expect(Array.from({ length: 3 }, () => contentOf(selector, "reflect"))).toEqual(["r1", "scheduled:server_error", "r2"]);
  });

  it("rejects a malformed script with the path of the problem", () => {
    expect(() => parseMockScript("stages:\n  reflect:\n    - fault: explode\n")).toThrow(/stages\.reflect\.0\.fault/);
    expect(() => parseMockScript({ faults: [{ fault: "hang" }] })).toThrow(/exactly one of `request` or `every`/);
    expect(() => parseMockScript({ stages: { reflect: [{ contnet: "typo" }] } } as never)).toThrow(/contnet/);
  });
});
