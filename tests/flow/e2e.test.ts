import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { runFlow } from "@/lib/flow";
import { tempDatabase } from "../helpers/db";
import { missingShared } from "../helpers/shared-data";
import { codeContestsProblem, createRun, fenced, mockDeps } from "./fixtures";

const NAME = "1582_A. Luntik and Concerts";

describe.skipIf(missingShared("codecontests/test.jsonl"))("the flow end to end on a real CodeContests problem", () => {
  const t = tempDatabase();
  let mock: MockLlm;
  // Read in beforeAll: a skipped describe still runs its body to collect the tests.
  let problem: ReturnType<typeof codeContestsProblem>;
  let wrongCode: string;
  const aiTests = [
    ["1\n1 1 1\n", "0\n"],
    ["1\n1 2 1\n", "0\n"],
    ["2\n2 2 2\n3 1 1\n", "0\n0\n"],
    ["1\n1 1 4\n", "1\n"],
    ["3\n1 1 1\n2 2 2\n1 2 3\n", "0\n0\n0\n"],
    ["1\n1000000000 1000000000 1000000000\n", "0\n"],
  ];

  beforeAll(async () => {
    problem = codeContestsProblem(NAME);
    // Right on 3 of the 4 public lines ((a+2b+3c) mod 3 instead of mod 2), so the public-test fix has work to do.
    wrongCode = problem.passingCode.replace("% 2", "% 3");
    expect(wrongCode).not.toBe(problem.passingCode);
    mock = await startMockLlm({
      port: 0,
      script: {
        stages: {
          reflect: [
            {
              content:
                "Sure, here is my analysis:\n```yaml\nself_reflection:\n- Songs last 1, 2 or 3 minutes: a, b and c of each.\n- Split all songs into two concerts: minimise the difference of durations.\n" +
                "tests_explanations:\n- input: |\n    4\n    1 1 1\n  output: |\n    0\n  explanation: Total 6 is even: 1+2 vs 3, so the answer is 0\n```\n",
            },
          ],
          possible_solutions: [
            {
              content:
                "possible_solutions:\n- name: Parity of the total\n  content: The answer is the parity of a + 2b + 3c: every total can be split evenly or off by one.\n  why_it_works: durations 1, 2, 3 reach every split\n  labels: [math]\n  complexity: O(1) per test\n" +
                "- name: Brute force over counts\n  content: try every number of each song kind\n  why_it_works: exhaustive\n  labels: [brute force]\n  complexity: O(abc)\n",
            },
          ],
          choose_solution: [
            {
              content:
                "name: Parity of the total\ncontent: Print (a + 2b + 3c) mod 2 for each test case\nwhy: simple and exact\nranking:\n- Parity of the total\nflow:\n- read t\n- for each test case print the parity of the total duration\n",
            },
          ],
          ai_tests: [
            {
              content: `tests:\n${aiTests
                .map(([input, output]) => `- input: |\n${indent(input)}  output: |\n${indent(output)}  explanation: the parity of the total\n`)
                .join("")}`,
            },
          ],
          initial_code: [{ content: fenced(wrongCode) }],
          analyze_failure: [
            {
              content:
                "failed_tests: the last test case 1 1 2 prints 0 instead of 1\nwhat_went_wrong: |\n  The program takes the total modulo 3; the difference depends on the parity.\nfixed_flow: |\n  - print (a + 2b + 3c) mod 2\n",
            },
          ],
          fix_code: [{ content: fenced(problem.passingCode) }],
        },
      },
    });
  });
  afterAll(async () => {
    await mock?.close();
    await t.cleanup();
  });

  it("fixes a wrong first program and ends solved on the hidden tests", async () => {
    const runId = await createRun(t.db, problem, { initial_code: { max_attempts: 1, concurrency: 2 } });
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl));
    expect(outcome).toMatchObject({ status: "succeeded" });

    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "succeeded", solved: true, publicPassed: 1, publicFailed: 0, hiddenFailed: 0 });
    expect(run.hiddenPassed).toBe(problem.hiddenTests.length);
    expect(run.aiPassed).toBe(aiTests.length);
    expect(run.finalCode).toBe(problem.passingCode);

    const requests = mock.chatRequests();
    const calls = Object.fromEntries(["reflect", "possible_solutions", "choose_solution", "ai_tests", "initial_code", "analyze_failure", "fix_code"].map((s) => [s, requests.filter((r) => r.stage === s).length]));
    expect(calls).toEqual({ reflect: 1, possible_solutions: 1, choose_solution: 1, ai_tests: 1, initial_code: 2, analyze_failure: 1, fix_code: 1 });
    expect(run.llmCalls).toBe(requests.length);
    console.log(`LLM calls for this solution: ${requests.length}; wall ${outcome.wallMs} ms`);

    const events = await t.db.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0].type).toBe("run_started");
    expect(events.at(-1)!.type).toBe("run_finished");
    const types = new Set(events.map((e) => e.type));
    for (const type of ["stage_started", "stage_finished", "token", "llm_call", "parsed_output", "code_version", "test_results", "decision"]) {
      expect(types, type).toContain(type);
    }
    const reasons = events.filter((e) => e.type === "decision").map((e) => (e.data as { reason: string }).reason);
    expect(reasons).toContain("fixed public test 1");
    expect(reasons.some((r) => r.startsWith("selected version 3"))).toBe(true);
    expect(await t.db.codeVersion.count({ where: { runId } })).toBe(3);
    expect(await t.db.testResult.count({ where: { runId, testSet: "private" } })).toBe(problem.hiddenTests.length);

    const sent = JSON.stringify(requests.map((r) => r.body));
    const hiddenOnly = problem.hiddenTests.map((h) => h.input).filter((input) => input.length > 12 && !problem.description.includes(input.trim()));
    expect(hiddenOnly.length).toBeGreaterThan(10);
    expect(hiddenOnly.filter((input) => sent.includes(JSON.stringify(input).slice(1, -1)))).toEqual([]);
  });
});

function indent(text: string): string {
  return text.replace(/\n$/, "").split("\n").map((line) => `    ${line}\n`).join("");
}
