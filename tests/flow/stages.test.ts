import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { evaluateVersion } from "@/lib/flow/evaluate";
import { aiTests } from "@/lib/flow/stages/ai-tests";
import { fixOnAiTests } from "@/lib/flow/stages/fix-ai";
import { fixOnPublicTests } from "@/lib/flow/stages/fix-public";
import { initialCode } from "@/lib/flow/stages/initial-code";
import { reflect } from "@/lib/flow/stages/reflect";
import { recordVersion } from "@/lib/flow/versions";
import type { NodeContext } from "@/lib/flow/context";
import type { ReflectionResult } from "@/lib/flow/stage-outputs";
import { tempDatabase } from "../helpers/db";
import { stageContext } from "./fixtures";
import { aiTestsAnswer, chooseAnswer, code, maxSum, reflectAnswer, rightSum, sumAiTests, sumProblem } from "./sum-scenario";

const t = tempDatabase();
let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm({ port: 0, script: { stages: { default: [{ content: "unused" }] } } });
});
afterAll(async () => {
  await mock.close();
  await t.cleanup();
});

type Message = { role: string; content: string };
const messagesOf = (stage: string) =>
  mock.chatRequests().filter((r) => r.stage === stage).map((r) => (r.body as { messages: Message[] }).messages);

const reflection: ReflectionResult = {
  self_reflection: ["sum the numbers"],
  tests_explanations: sumProblem.publicTests.map((test) => ({ ...test, explanation: "the sum" })),
};

async function versionOf(ctx: NodeContext, program: string, aiTestList?: { input: string; output: string }[]) {
  const version = await recordVersion(ctx, { code: program, stage: "initial_code", reason: "test fixture" });
  return (await evaluateVersion(ctx, version, "initial_code", { aiTests: aiTestList })).version;
}

describe("reflect", () => {
  it("reads a clean answer and re-attaches the problem's own tests", async () => {
    mock.setScript({ stages: { reflect: [{ content: reflectAnswer.replace("1 2 3", "9 9 9") }] } });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem);
    const result = await reflect(ctx);
    expect(result.self_reflection).toHaveLength(2);
    expect(result.tests_explanations.map((e) => e.input)).toEqual(sumProblem.publicTests.map((p) => p.input));
    expect((await events()).map((e) => e.type)).toEqual(expect.arrayContaining(["token", "llm_call", "parsed_output"]));
  });

  it("asks again with the YAML error fed back after a malformed answer", async () => {
    mock.setScript({ stages: { reflect: [{ content: "self_reflection: [unclosed\ntests_explanations: {{{" }, { content: reflectAnswer }] } });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem);
    await reflect(ctx);
    const [, retry] = messagesOf("reflect");
    expect(retry.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(retry[3].content).toMatch(/^Your answer could not be used: (YAML syntax|self_reflection|tests_explanations)/);
    expect((await events()).filter((e) => e.type === "error")).toHaveLength(1);
  });

  it("asks again when the number of test explanations is wrong", async () => {
    const oneExplanation = reflectAnswer.slice(0, reflectAnswer.indexOf("- input: |\n    2\n"));
    mock.setScript({ stages: { reflect: [{ content: oneExplanation }, { content: reflectAnswer }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem);
    const result = await reflect(ctx);
    expect(result.tests_explanations[1].explanation).toBe("-5 + 5 = 0");
    expect(messagesOf("reflect")[1][3].content).toContain("tests_explanations has 1 entries, but the problem has exactly 2");
  });

  it("fails the stage, naming the problem, when every retry is unusable", async () => {
    mock.setScript({ stages: { reflect: [{ content: "I don't know." }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem, { llm: { parse_retries: 1 } });
    await expect(reflect(ctx)).rejects.toThrow(/reflect: no usable answer after 2 attempt\(s\)/);
  });
});

describe("ai_tests", () => {
  it("re-asks after a cut answer and tells the model it was cut", async () => {
    const full = aiTestsAnswer(sumAiTests);
    mock.setScript({ stages: { ai_tests: [{ content: full, fault: "truncate", cutAfter: full.indexOf("- input: |\n    3") + 14 }, { content: full }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem, { ai_tests: { count: 3 } });
    const result = await aiTests(ctx, reflection);
    expect(result.tests).toHaveLength(3);
    expect(messagesOf("ai_tests")[1][3].content).toMatch(/tests has 2 entries, expected exactly 3.*cut off/);
  });

  it("drops tests whose input does not fit the problem", async () => {
    const answer = aiTestsAnswer([["1\n5\n", "5\n"], ["two\n1 2\n", "3\n"], ["1 2\n3\n", "3\n"], ["1\n5000\n", "5000\n"], ["3\n1 2 3\n", "6\n"]]);
    mock.setScript({ stages: { ai_tests: [{ content: answer }] } });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem, { ai_tests: { count: 5 } });
    const result = await aiTests(ctx, reflection);
    expect(result.tests.map((x) => x.input)).toEqual(["1\n5\n"]);
    expect(result.dropped.map((d) => d.reason)).toEqual([
      '"two" is not an integer, but every example input holds only integers',
      "the first line has 2 value(s), every example's has 1",
      "5000 is outside the stated bounds [-1000, 1000]",
      "duplicates another test",
    ]);
    expect((await events()).filter((e) => e.type === "decision")).toHaveLength(4);
  });
});

describe("double validation", () => {
  it("takes corrected AI-test outputs and screens the validated tests again", async () => {
    const { validateAiTests } = await import("@/lib/flow/stages/validate-ai-tests");
    mock.setScript({ stages: { validate_ai_tests: [{ content: aiTestsAnswer([["1\n5\n", "5\n"], ["2\n1000 1000\n", "2000\n"], ["1\n9999\n", "9999\n"]]) }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem);
    const generated = { tests: [["1\n5\n", "5\n"], ["2\n1000 1000\n", "1000\n"], ["1\n9\n", "9\n"]].map(([input, output]) => ({ input, output, explanation: "" })), dropped: [] };
    const result = await validateAiTests(ctx, reflection, generated);
    expect(result.tests.map((x) => x.output)).toEqual(["5\n", "2000\n"]);
    expect(result.dropped.map((d) => d.reason)).toEqual(["9999 is outside the stated bounds [-1000, 1000]"]);
  });

  it("keeps the original explanations when the validation answer is unusable, and never the model's test copies", async () => {
    const { validateReflection } = await import("@/lib/flow/stages/validate-reflection");
    mock.setScript({ stages: { validate_reflection: [{ content: "fixed_tests_explanations:\n- input: '3'\n  output: '99'\n  explanation: better\n" }] } });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem, { llm: { parse_retries: 0 } });
    expect(await validateReflection(ctx, reflection)).toEqual(reflection);
    expect((await events()).find((e) => e.type === "decision")?.data.reason).toMatch(/original explanations kept: .*expected exactly 2/);
  });
});

describe("initial_code", () => {
  it("regenerates, falls back to the next ranked candidate and keeps the best attempt", async () => {
    mock.setScript({ stages: { initial_code: [{ match: "sort the numbers", content: code(rightSum) }, { content: code(maxSum) }] } });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem, { initial_code: { max_attempts: 4, concurrency: 1 } });
    const chosen = { name: "Direct sum", content: "add them", why: "", flow: [], ranking: [] };
    const alternatives = [{ name: "Sorted sum", content: "sort the numbers, then add them", why_it_works: "", labels: [], complexity: "" }];
    const result = await initialCode(ctx, reflection, { chosen, alternatives });
    expect(messagesOf("initial_code")).toHaveLength(3);
    expect(result.current.public).toMatchObject({ passed: 2, failed: 0 });
    expect(result.versions.map((v) => v.public.passed)).toEqual([1, 1, 2]);
    await events();
    const statuses = await t.db.codeVersion.findMany({ where: { runId: ctx.runId }, orderBy: { ordinal: "asc" } });
    expect(statuses.map((v) => v.status)).toEqual(["rejected", "rejected", "kept"]);
  });

  it("feeds a syntax error back before anything runs", async () => {
    mock.setScript({ stages: { initial_code: [{ content: code("def main(:\n    pass\n") }, { content: code(rightSum) }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem, { initial_code: { max_attempts: 0 } });
    const chosen = { name: "Direct sum", content: "add them", why: "", flow: [], ranking: [] };
    const result = await initialCode(ctx, reflection, { chosen, alternatives: [] });
    expect(result.current.public.passed).toBe(2);
    expect(messagesOf("initial_code")[1][3].content).toMatch(/does not compile: .*SyntaxError/s);
  });
});

describe("fixes", () => {
  it("reverts a public-test fix that breaks a test that passed", async () => {
    const failsNegative = rightSum.replace("print(sum(", "print(abs(sum(").replace("1 + n])))", "1 + n]))))");
    const breaksFirst = rightSum.replace("print(sum(map(int, data[1:1 + n])))", "print(0)");
    mock.setScript({
      stages: {
        analyze_failure: [{ content: "failed_tests: test 2\nwhat_went_wrong: the sign is lost\nfixed_flow: print the sum\n" }],
        fix_code: [{ content: code(breaksFirst) }, { content: code(rightSum) }],
      },
    });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, { ...sumProblem, publicTests: [...sumProblem.publicTests, { input: "2\n-3 -4\n", output: "-7\n" }] });
    const start = await versionOf(ctx, failsNegative);
    expect(start.public.pass).toEqual([true, true, false]);
    const result = await fixOnPublicTests(ctx, reflection, { current: start, versions: [start], fixes: 0 });
    expect(result.fixes).toBe(2);
    expect(result.current.public).toMatchObject({ passed: 3, failed: 0 });
    const decisions = (await events()).filter((e) => e.type === "decision").map((e) => e.data.reason);
    expect(decisions).toEqual(["reverted: broke public test 1", "fixed public test 3"]);
    const feedback = messagesOf("analyze_failure")[0][1].content;
    expect(feedback).toContain("Input:\n2\n-3 -4");
    expect(feedback).toContain("Expected output:\n-7");
    expect(feedback).toContain("Actual output:\n7");
  });

  it("reverts an AI-test fix that breaks an anchor, and keeps the tests as they are", async () => {
    const dislikes1000 = rightSum.replace("print(sum(map(int, data[1:1 + n])))", "values = list(map(int, data[1:1 + n]))\n    print(0 if 1000 in values else sum(values))");
    const absSum = rightSum.replace("print(sum(map(int, data[1:1 + n])))", "print(sum(abs(int(x)) for x in data[1:1 + n]))");
    mock.setScript({
      stages: {
        analyze_and_fix: [{ content: `failed_tests: AI test 2\nwhat_went_wrong: 1000 is special-cased\nfixed_flow: add absolute values\nfixed_code: |\n${absSum.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}` }],
      },
    });
    const { ctx, events } = await stageContext(t.db, mock.baseUrl, sumProblem);
    const start = await versionOf(ctx, dislikes1000);
    const tests = sumAiTests.map(([input, output]) => ({ input, output, explanation: "" }));
    const result = await fixOnAiTests(ctx, reflection, { current: start, versions: [start], fixes: 0 }, { tests, dropped: [] });
    expect(result.current.versionId).toBe(start.versionId);
    expect(result.current.ai).toMatchObject({ passed: 2, failed: 1 });
    const decision = (await events()).find((e) => e.type === "decision")!;
    expect(decision.data).toMatchObject({ outcome: "reverted", reason: "reverted: broke anchor public test 2", brokenAnchors: [1] });
    const stored = await t.db.codeVersion.findUniqueOrThrow({ where: { id: decision.data.versionId as string } });
    expect(stored.status).toBe("reverted");
    expect(messagesOf("analyze_and_fix")[0][1].content).toContain("Expected output:\n2000");
  });
});

describe("choose_solution", () => {
  it("keeps the model's ranking for later attempts", async () => {
    const { chooseSolution } = await import("@/lib/flow/stages/choose-solution");
    mock.setScript({ stages: { choose_solution: [{ content: chooseAnswer.replace("- Direct sum\n- Sorted sum", "- Direct sum\n- Heap sum\n- Sorted sum") }] } });
    const { ctx } = await stageContext(t.db, mock.baseUrl, sumProblem);
    const candidate = (name: string) => ({ name, content: name, why_it_works: "", labels: [], complexity: "" });
    const result = await chooseSolution(ctx, reflection, [candidate("Sorted sum"), candidate("Direct sum"), candidate("Heap sum")]);
    expect(result.chosen.name).toBe("Direct sum");
    expect(result.alternatives.map((a) => a.name)).toEqual(["Heap sum", "Sorted sum"]);
  });
});
