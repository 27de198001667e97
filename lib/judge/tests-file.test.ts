import { describe, expect, it } from "vitest";
import { testsFromCodeContests } from "./tests-file";

describe("testsFromCodeContests", () => {
  it("zips inputs with outputs", () => {
    expect(testsFromCodeContests({ input: ["1\n", "2\n"], output: ["a", "b"] })).toEqual([
      { input: "1\n", output: "a" },
      { input: "2\n", output: "b" },
    ]);
    expect(testsFromCodeContests({ input: ["1"] })).toEqual([{ input: "1", output: undefined }]);
  });

  it("explains what is wrong", () => {
    expect(() => testsFromCodeContests({ input: ["1"], output: [] })).toThrow(/same number of entries/);
    expect(() => testsFromCodeContests([{ input: "1" }])).toThrow(/CodeContests tests object/);
  });
});
