/**
 * Flow benchmark: one scripted run through the real engine, gateway (over HTTP) and sandboxed judge, with the mock
 * LLM answering every call after a fixed latency. Prints the run's wall time against its critical path (the
 * longest dependency chain of LLM latency plus judge time, concurrent work counted once) and against the
 * sequential cost (every call's latency plus all judge time one after another, as the original flow would run).
 *
 *   npm run bench:flow -- [--latency-ms 300] [--runs 3]
 */
import { parseArgs } from "node:util";
import { startMockLlm } from "@/e2e/mock-llm/server";
import { runFlow, type FlowOutcome } from "@/lib/flow";
import { tempDatabase } from "@/tests/helpers/db";
import { createRun, mockDeps } from "@/tests/flow/fixtures";
import { aiTestsAnswer, chooseAnswer, code, maxSum, reflectAnswer, rightSum, solutionsAnswer, sumAiTests, sumProblem } from "@/tests/flow/sum-scenario";

const { values } = parseArgs({ options: { "latency-ms": { type: "string", default: "300" }, runs: { type: "string", default: "3" } } });
const latencyMs = Number(values["latency-ms"]);
const runs = Number(values.runs);
if (!Number.isFinite(latencyMs) || latencyMs < 0 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run bench:flow -- [--latency-ms N] [--runs N]");
  process.exit(2);
}

// The scenario: both double validations on; three initial-code generations at once, where the two for the chosen
// approach are wrong and the one for the alternative candidate is right; the AI tests then pass without fixes.
const script = {
  stages: {
    reflect: [{ content: reflectAnswer }],
    validate_reflection: [{ content: reflectAnswer.replace("self_reflection:\n- Read n and then n integers.\n- Print their sum (it may be negative).\ntests_explanations:", "fixed_tests_explanations:") }],
    possible_solutions: [{ content: solutionsAnswer }],
    choose_solution: [{ content: chooseAnswer }],
    ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
    validate_ai_tests: [{ content: aiTestsAnswer(sumAiTests) }],
    initial_code: [{ match: "sort the numbers", content: code(rightSum) }, { content: code(maxSum) }],
  },
};
const config = {
  reflection: { validate: true },
  ai_tests: { count: sumAiTests.length, validate: true },
  initial_code: { max_attempts: 2, concurrency: 3 },
};

const t = tempDatabase();
const mock = await startMockLlm({ script, port: 0, latencyMs, tokensPerSecond: 0 });
const outcomes: FlowOutcome[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const runId = await createRun(t.db, sumProblem, config);
    const before = mock.chatRequests().length;
    const outcome = await runFlow(t.db, runId, mockDeps(t.db, mock.baseUrl));
    if (outcome.status !== "succeeded") throw new Error(`run ${i + 1} ${outcome.status}: ${outcome.error}`);
    const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
    outcomes.push(outcome);
    const calls = mock.chatRequests().length - before;
    console.log(
      `run ${i + 1}: wall ${outcome.wallMs} ms, ${calls} LLM calls, critical path ${outcome.criticalPathMs} ms ` +
        `(LLM ${outcome.llmCriticalPathMs} ms), LLM latency sum ${outcome.llmLatencyMs} ms, judge ${outcome.judgeMs} ms, solved ${run.solved}`,
    );
  }
} finally {
  await mock.close();
  await t.cleanup();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (pick: (o: FlowOutcome) => number) => median(outcomes.map(pick));
const wall = m((o) => o.wallMs);
const critical = m((o) => o.criticalPathMs);
const llmCritical = m((o) => o.llmCriticalPathMs);
const sequential = m((o) => o.llmLatencyMs + o.judgeMs);
const llmSequential = m((o) => o.llmLatencyMs);
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");
console.log(`\nmedian of ${runs} run(s), mock latency ${latencyMs} ms per call`);
console.log(`flow wall time               ${wall} ms`);
console.log(`critical path (LLM + judge)  ${critical} ms   wall / critical   = ${ratio(wall, critical)}  (target <= 1.05)`);
console.log(`critical path (LLM only)     ${llmCritical} ms   wall / LLM path  = ${ratio(wall, llmCritical)}`);
console.log(`sequential (LLM + judge)     ${sequential} ms   wall / sequential = ${ratio(wall, sequential)}  (target <= 0.60)`);
console.log(`sum of call latencies        ${llmSequential} ms   wall / LLM sum   = ${ratio(wall, llmSequential)}`);
process.exit(0);
