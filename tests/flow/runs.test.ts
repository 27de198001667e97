import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { runFlow } from "@/lib/flow";
import { tempDatabase } from "../helpers/db";
import { createRun, mockDeps } from "./fixtures";
import { aiTestsAnswer, chooseAnswer, code, maxSum, reflectAnswer, rightSum, solutionsAnswer, sumAiTests, sumProblem } from "./sum-scenario";

const t = tempDatabase();
let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm({ port: 0, script: { stages: { default: [{ content: "unused" }] } } });
});
afterAll(async () => {
  await mock.close();
  await t.cleanup();
});

const eventTypes = async (runId: string) =>
  (await t.db.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } })).map((e) => ({ seq: e.seq, type: e.type, data: e.data as Record<string, unknown> }));

describe("whole runs", () => {
  it("solves a problem with no public tests: the reflection and the AI tests carry the load", async () => {
    mock.setScript({
      stages: {
        reflect: [{ content: "self_reflection:\n- Print the sum of the n integers.\ntests_explanations: []\n" }],
        possible_solutions: [{ content: solutionsAnswer }],
        choose_solution: [{ content: chooseAnswer }],
        ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
        initial_code: [{ content: code(maxSum) }],
        analyze_and_fix: [{ content: `what_went_wrong: it prints a maximum\nfixed_code: |\n${rightSum.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}` }],
      },
    });
    const runId = await createRun(t.db, { ...sumProblem, publicTests: [] }, { ai_tests: { count: 3 }, initial_code: { max_attempts: 0 } });
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl));
    expect(outcome.status).toBe("succeeded");
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ solved: true, publicPassed: 0, publicFailed: 0, aiPassed: 3, aiFailed: 0, hiddenFailed: 0 });
    expect(run.finalCode).toBe(rightSum);
    const reflectPrompt = mock.chatRequests().find((r) => r.stage === "reflect")!.body as { messages: { content: string }[] };
    expect(reflectPrompt.messages[1].content).toContain("no example tests");
  });

  it("runs the baseline with one call", async () => {
    mock.setScript({ stages: { baseline: [{ content: code(rightSum) }] } });
    const runId = await createRun(t.db, sumProblem, { mode: "baseline" });
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl));
    expect(outcome.status).toBe("succeeded");
    expect(mock.chatRequests().map((r) => r.stage)).toEqual(["baseline"]);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ mode: "baseline", solved: true, llmCalls: 1, publicPassed: 2 });
  });

  it("generates and judges C++17 when the run asks for cpp", async () => {
    const cpp = "#include <iostream>\nint main() {\n  int n; long long s = 0, x;\n  std::cin >> n;\n  for (int i = 0; i < n; i++) { std::cin >> x; s += x; }\n  std::cout << s << std::endl;\n}\n";
    mock.setScript({ stages: { baseline: [{ content: code(cpp).replace("```python", "```cpp") }] } });
    const runId = await createRun(t.db, sumProblem, { mode: "baseline", language: "cpp" });
    expect((await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl))).status).toBe("succeeded");
    const prompt = mock.chatRequests().find((r) => r.stage === "baseline")!.body as { messages: { content: string }[] };
    expect(prompt.messages[1].content).toContain("C++17");
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ language: "cpp", solved: true, publicPassed: 2, finalCode: cpp });
  });

  it("skips possible solutions in direct mode", async () => {
    mock.setScript({
      stages: {
        reflect: [{ content: "self_reflection:\n- sum\ntests_explanations:\n- explanation: a\n- explanation: b\n" }],
        choose_solution: [{ content: chooseAnswer }],
        ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
        initial_code: [{ content: code(rightSum) }],
      },
    });
    const runId = await createRun(t.db, sumProblem, { mode: "direct", ai_tests: { count: 3 } });
    expect((await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl))).status).toBe("succeeded");
    const stages = mock.chatRequests().map((r) => r.stage);
    expect(stages).not.toContain("possible_solutions");
    const choose = mock.chatRequests().find((r) => r.stage === "choose_solution")!.body as { messages: { content: string }[] };
    expect(choose.messages[1].content).toContain("exhaustive");
  });

  it("stops in-flight calls when cancelled and records the run as cancelled", async () => {
    mock.setScript({ stages: { reflect: [{ content: "self_reflection:\n- x\n", latencyMs: 20_000 }] } });
    const runId = await createRun(t.db, sumProblem);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 300);
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl), { signal: controller.signal });
    expect(outcome.status).toBe("cancelled");
    expect(Date.now() - started).toBeLessThan(5_000);
    const events = await eventTypes(runId);
    expect(events.at(-1)).toMatchObject({ type: "run_finished", data: { status: "cancelled" } });
    expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("cancelled");
  });

  it("resumes an interrupted run from its last finished node", async () => {
    mock.setScript({
      stages: {
        reflect: [{ content: reflectAnswer }],
        possible_solutions: [{ content: solutionsAnswer }],
        choose_solution: [{ content: chooseAnswer }],
        ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
        initial_code: [{ content: code(rightSum), latencyMs: 400 }],
      },
    });
    const runId = await createRun(t.db, sumProblem, { ai_tests: { count: 3 }, initial_code: { concurrency: 1 } });
    const real = mockDeps(t.db, mock.baseUrl);
    const controller = new AbortController();
    const interrupting = {
      ...real,
      gateway: {
        complete: (request: Parameters<typeof real.gateway.complete>[0]) => {
          if (request.stage === "initial_code") setTimeout(() => controller.abort(), 100);
          return real.gateway.complete(request);
        },
      },
    };
    expect((await runFlow(t.db, runId, interrupting, { signal: controller.signal })).status).toBe("cancelled");
    const resumed = await runFlow(t.db, runId, real);
    expect(resumed.status).toBe("succeeded");
    expect(resumed.resumedNodes).toEqual(expect.arrayContaining(["reflect", "possible_solutions", "choose_solution", "ai_tests"]));
    const perStage = (stage: string) => mock.chatRequests().filter((r) => r.stage === stage).length;
    expect([perStage("reflect"), perStage("possible_solutions"), perStage("choose_solution"), perStage("ai_tests")]).toEqual([1, 1, 1, 1]);
    expect(perStage("initial_code")).toBe(2);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "succeeded", solved: true });
    const events = await eventTypes(runId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === "run_started").map((e) => e.data.resumed)).toEqual([false, true]);
  });

  it("fails cleanly on an invalid stored config", async () => {
    const runId = await createRun(t.db, sumProblem, { ai_tests: { cuont: 2 } });
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl));
    expect(outcome).toMatchObject({ status: "failed", error: 'invalid flow config (run config): unknown key "ai_tests.cuont"' });
    const events = await eventTypes(runId);
    expect(events.map((e) => e.type)).toEqual(["error", "run_finished"]);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("failed");
  });
});
