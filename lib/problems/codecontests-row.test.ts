import { describe, expect, it } from "vitest";
import { problemFromRow } from "./codecontests-row";
import { difficultyLabel } from "./difficulty";

const base = { name: "1_A. P", description: "d" };

describe("problemFromRow", () => {
  it("reads time limits as seconds or {seconds, nanos}, and memory in bytes", () => {
    expect(problemFromRow({ ...base, time_limit: 2.5 }).timeLimitMs).toBe(2500);
    expect(problemFromRow({ ...base, time_limit: { seconds: 1, nanos: 250_000_000 } }).timeLimitMs).toBe(1250);
    expect(problemFromRow({ ...base, time_limit: { seconds: 0, nanos: 0 } }).timeLimitMs).toBeNull();
    expect(problemFromRow({ ...base, memory_limit_bytes: 268_435_456 }).memoryLimitMb).toBe(256);
  });

  it("treats the merged private_and_generated_tests as private, and drops tests marked invalid", () => {
    const p = problemFromRow({
      ...base,
      private_tests: { input: ["a"], output: ["b"] },
      private_and_generated_tests: { input: ["c", "d"], output: ["e", "f"] },
      generated_tests: { input: ["g", "h"], output: ["i", "j"], is_valid_test: [true, false] },
    });
    expect(p.privateTests.map((t) => t.input)).toEqual(["a", "c", "d"]);
    expect(p.generatedTests).toEqual([{ input: "g", output: "i" }]);
  });

  it("labels solutions from each dataset shape", () => {
    const p = problemFromRow({
      ...base,
      solutions: { language: [3, 2, 4, 1, 0], solution: ["a", "b", "c", "d", "e"] },
      incorrect_solutions: { language: ["PYTHON3"], solution: ["f"] },
      llm_solutions: [
        { language: "Python3", code: "g", passed_all_tests: "True", model_alias: "M", method: "CoT" },
        { language: "Python3", code: "h", passed_all_tests: false },
        { language: "Python3", code: "", passed_all_tests: false },
      ],
    });
    expect(p.solutions.map((s) => [s.language, s.code, s.passed, s.origin])).toEqual([
      ["python3", "a", true, "dataset"],
      ["cpp", "b", true, "dataset"],
      ["java", "c", true, "dataset"],
      ["python2", "d", true, "dataset"],
      ["unknown", "e", true, "dataset"],
      ["python3", "f", false, "dataset"],
      ["python3", "g", true, "llm:M:CoT"],
      ["python3", "h", false, "llm"],
    ]);
  });

  it("maps source codes, merges tags and derives the Codeforces index from the name", () => {
    const p = problemFromRow({ ...base, name: "1582_F1. X", source: 2, cf_contest_id: 1582, cf_tags: ["dp", " dp ", ""], tags: ["math"] });
    expect(p).toMatchObject({ source: "codeforces", cfIndex: "F1", tags: ["dp", "math"] });
    expect(problemFromRow({ ...base, source: [{ repo: "x" }] }).source).toBe("codecontests");
  });

  it("takes split and index from the row, else from the caller", () => {
    expect(problemFromRow({ ...base, split: "test", index_in_split: 4 }, { split: "valid", indexInSplit: 1 })).toMatchObject({ split: "test", indexInSplit: 4 });
    expect(problemFromRow(base, { split: "valid", indexInSplit: 1 })).toMatchObject({ split: "valid", indexInSplit: 1 });
  });

  it("accepts the camelCase shape and reports the failing field", () => {
    expect(problemFromRow({ ...base, publicTests: [{ input: "1", output: "2" }] }).publicTests).toHaveLength(1);
    expect(problemFromRow({ ...base, timeLimitMs: 1500 }).timeLimitMs).toBe(1500);
    expect(() => problemFromRow({ ...base, publicTests: [{ input: 1 }] })).toThrow(/publicTests\.0\.input/);
    expect(() => problemFromRow({ ...base, cf_tags: "dp" })).toThrow(/cf_tags/);
    expect(() => problemFromRow({ ...base, solutions: { language: [1, 2], solution: ["a"] } })).toThrow(/2 languages but 1 programs/);
  });
});

describe("difficultyLabel", () => {
  it("maps CodeContests difficulty codes", () => {
    expect([0, 1, 5, 6, 7, 11, 28].map((n) => difficultyLabel(n))).toEqual([null, "EASY", "HARDEST", "EXTERNAL", "A", "E", "V"]);
    expect(difficultyLabel("B")).toBe("B");
    expect(difficultyLabel("9")).toBe("C");
    expect(difficultyLabel(null)).toBeNull();
    expect(() => difficultyLabel(29)).toThrow(/beyond/);
    expect(() => difficultyLabel(-1)).toThrow();
  });
});
