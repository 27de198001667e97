// What one browser scenario asks of the app: a baseline run (one stage, one streamed LLM call) whose answer is a
// Python program padded with comment lines up to a token count, streamed by the mock at a fixed pace.
import { countTokens } from "gpt-tokenizer";

export type Scenario = {
  label: string;
  /** Answer tokens, counted with the tokenizer the mock uses for its usage report. */
  tokens: number;
  /** The mock's pace; 0 sends as fast as the socket takes it. */
  tokensPerSecond: number;
};

const WORDS = "the of and to in is it that for on was with as at by from this be are or an not but all".split(" ");
const PROGRAM = "import sys\n\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\n";

/** A fenced program whose comment lines bring the answer to at least `tokens` tokens. */
export function paddedProgram(tokens: number): string {
  const lines: string[] = [];
  const answer = () => `\`\`\`python\n${lines.join("")}${PROGRAM}\`\`\`\n`;
  // Counting the whole text each time would be quadratic: estimate from a line, then top up.
  const line = (i: number) => `# ${Array.from({ length: 12 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(" ")}\n`;
  const perLine = countTokens(line(0));
  const base = countTokens(answer());
  for (let i = 0; i < Math.max(0, Math.floor((tokens - base) / perLine)); i++) lines.push(line(i));
  while (countTokens(answer()) < tokens) lines.push(line(lines.length));
  return answer();
}

/** The mock's script for this scenario; `startDelayMs` leaves the page time to open its stream first. */
export function mockScript(scenario: Scenario, content: string, startDelayMs: number) {
  return {
    models: ["mock-model"],
    stages: { baseline: [{ content, tokensPerSecond: scenario.tokensPerSecond, latencyMs: startDelayMs }] },
  };
}

/**
 * POST /api/runs body. A model name of its own keeps the run out of the LLM cache; one attempt, no hidden tests and
 * a long call timeout keep the run to the one stream being measured.
 */
export function runRequest(scenario: Scenario, stamp: string) {
  return {
    problem: {
      name: `bench-sse ${scenario.label} ${stamp}`,
      description: "Read two integers and print their sum.",
      public_tests: { input: ["1 2\n"], output: ["3\n"] },
    },
    mode: "baseline",
    model: `mock-sse-${scenario.label}-${stamp}`,
    config: { llm: { parse_retries: 0, max_tokens: 200_000, timeout_s: 900 }, judge: { score_hidden: false } },
  };
}
