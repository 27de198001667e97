import { describe, expect, it } from "vitest";
import { structuredAnswers } from "./answers";
import { readYamlAnswer } from "./yaml-reader";

const aiTests = structuredAnswers.ai_tests;
const choose = structuredAnswers.choose_solution;

describe("readYamlAnswer", () => {
  it("reads clean YAML without repairs", () => {
    const read = readYamlAnswer("tests:\n- input: |\n    1 2\n  output: |\n    3\n", aiTests);
    expect(read).toEqual({ ok: true, value: { tests: [{ input: "1 2\n", output: "3\n", explanation: "" }] }, repairs: [] });
  });

  it("takes the YAML out of a fence with prose before and after", () => {
    const text = "Sure! Here are the tests:\n```yaml\ntests:\n- input: '1'\n  output: '2'\n```\nHope this helps: good luck";
    const read = readYamlAnswer(text, aiTests);
    expect(read.ok && read.value.tests[0]).toEqual({ input: "1", output: "2", explanation: "" });
  });

  it("reads an unclosed fence and a closing fence that was never opened", () => {
    expect(readYamlAnswer("```yaml\ntests:\n- input: '1'\n  output: '2'\n", aiTests).ok).toBe(true);
    expect(readYamlAnswer("tests:\n- input: '1'\n  output: '2'\n```\n", aiTests).ok).toBe(true);
  });

  it("rewrites inline text with colons into block scalars for known keys", () => {
    const text = "name: Greedy: take the largest\ncontent: sort a: then b\n  and continue: done\nwhy: it works\nflow:\n- step one\n";
    const read = readYamlAnswer(text, choose);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.name).toBe("Greedy: take the largest");
    expect(read.value.content).toBe("sort a: then b\nand continue: done");
    expect(read.repairs).toContain("block-scalars");
  });

  it("replaces tabs used as indentation", () => {
    const read = readYamlAnswer("tests:\n- input: |\n\t\t5\n  output: |\n\t\t6\n", aiTests);
    expect(read.ok && read.value.tests[0]).toMatchObject({ input: "5\n", output: "6\n" });
    expect(read.ok && read.repairs).toContain("tabs");
  });

  it("closes an unclosed quote under a known key", () => {
    const read = readYamlAnswer('tests:\n- input: "3\\n1 2 3\n  output: "6"\n', aiTests);
    expect(read.ok && read.value.tests[0]).toMatchObject({ input: "3\n1 2 3", output: "6" });
  });

  it("drops the broken tail of an answer cut mid-way and keeps the complete items", () => {
    const text = "tests:\n- input: '1'\n  output: '1'\n- input: '2'\n  output: '4'\n- input: \"3\n  out";
    const read = readYamlAnswer(text, aiTests);
    expect(read.ok && read.value.tests.map((t) => t.output)).toEqual(["1", "4"]);
    expect(read.ok && read.repairs).toContain("trailing-cut");
  });

  it("drops prose appended after the document", () => {
    const text = "tests:\n- input: '1'\n  output: '1'\nThese tests cover: edge cases [and more\n";
    const read = readYamlAnswer(text, aiTests);
    expect(read.ok && read.value.tests).toHaveLength(1);
  });

  it("maps keys of earlier prompt versions and unescapes single-quoted test data", () => {
    const reflect = readYamlAnswer(
      "self_description: |\n  - goal\n  - rules\ntests_explanations:\n- input: '2 2\\n101'\n  output: '18'\n  explanation: x\n",
      structuredAnswers.reflect,
    );
    expect(reflect.ok && reflect.value).toEqual({
      self_reflection: ["goal", "rules"],
      tests_explanations: [{ input: "2 2\n101", output: "18", explanation: "x" }],
    });
    const fix = readYamlAnswer("failed_tests: a\nwhat_went_wrong: b\ninput_output_fixed_flow: c\n", structuredAnswers.analyze_failure);
    expect(fix.ok && fix.value.fixed_flow).toBe("c");
  });

  it("names the failing field when nothing fits the schema", () => {
    const read = readYamlAnswer("tests: []\n", aiTests);
    expect(read).toEqual({ ok: false, error: "tests: no test given" });
    const notYaml = readYamlAnswer("I cannot help with that.", aiTests);
    expect(notYaml.ok).toBe(false);
  });
});
