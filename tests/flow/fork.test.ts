import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/e2e/mock-llm/server";
import { runFlow } from "@/lib/flow";
import { tempDatabase } from "../helpers/db";
import { createRun, mockDeps } from "./fixtures";
import { solvingSumStages, sumProblem } from "./sum-scenario";

const t = tempDatabase();
let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm({
    port: 0,
    script: {
      stages: solvingSumStages,
    },
  });
});
afterAll(async () => {
  await mock.close();
  await t.cleanup();
});

async function fork(parentRunId: string, forkFromStage: string, forkInput: unknown): Promise<string> {
  const parent = await t.db.run.findUniqueOrThrow({ where: { id: parentRunId } });
  const child = await t.db.run.create({
    data: { problemId: parent.problemId, provider: "mock", model: "mock-model", config: { ai_tests: { count: 3 } }, parentRunId, forkFromStage, forkInput: forkInput as object },
  });
  return child.id;
}

describe("continue from a stage with edited input", () => {
  it("reuses the parent's earlier stages, runs the rest on the edited AI tests, and leaves the parent as it was", async () => {
    const parentId = await createRun(t.db, sumProblem, { ai_tests: { count: 3 } });
    expect((await runFlow(t.db, parentId, mockDeps(t.db, mock.baseUrl))).status).toBe("succeeded");
    const parentAiTests = await t.db.stageResult.findUniqueOrThrow({ where: { runId_key: { runId: parentId, key: "ai_tests" } } });
    const parentEvents = await t.db.runEvent.count({ where: { runId: parentId } });

    const edited = parentAiTests.output as { tests: { input: string; output: string; explanation: string }[]; dropped: unknown[] };
    const forkInput = { ...edited, tests: [...edited.tests.slice(0, 2), { input: "4\n1 2 3 4\n", output: "10\n", explanation: "edited by hand" }] };
    const childId = await fork(parentId, "ai_tests", forkInput);
    mock.reset();
    const outcome = await runFlow(t.db, childId, mockDeps(t.db, mock.baseUrl));

    expect(outcome.status).toBe("succeeded");
    expect(outcome.resumedNodes.sort()).toEqual(["ai_tests", "choose_solution", "possible_solutions", "reflect"]);
    expect(mock.chatRequests().map((r) => r.stage)).toEqual(["initial_code"]);
    const child = await t.db.run.findUniqueOrThrow({ where: { id: childId } });
    expect(child).toMatchObject({ solved: true, aiPassed: 3, aiFailed: 0 });
    const aiInputs = await t.db.testResult.findMany({ where: { runId: childId, testSet: "ai" }, select: { testIndex: true, stdout: true } });
    expect(aiInputs.some((r) => r.stdout.trim() === "10")).toBe(true);
    expect(await t.db.runEvent.count({ where: { runId: parentId } })).toBe(parentEvents);
  });

  it("fails the fork with a clear reason when the edited output does not fit the stage", async () => {
    const parentId = await createRun(t.db, sumProblem, { ai_tests: { count: 3 } });
    expect((await runFlow(t.db, parentId, mockDeps(t.db, mock.baseUrl))).status).toBe("succeeded");
    const childId = await fork(parentId, "choose_solution", { name: 3 });
    const outcome = await runFlow(t.db, childId, mockDeps(t.db, mock.baseUrl));
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/edited choose_solution output does not fit/);
    expect(await t.db.stageResult.count({ where: { runId: childId } })).toBe(0);
  });

  it("refuses to fork from a code stage", async () => {
    const parentId = await createRun(t.db, sumProblem, { ai_tests: { count: 3 } });
    expect((await runFlow(t.db, parentId, mockDeps(t.db, mock.baseUrl))).status).toBe("succeeded");
    const outcome = await runFlow(t.db, await fork(parentId, "fix_public", {}), mockDeps(t.db, mock.baseUrl));
    expect(outcome.error).toMatch(/cannot fork from "fix_public"/);
  });
});
