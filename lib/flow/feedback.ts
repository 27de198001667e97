import type { FlowTest } from "./problem";
import type { TestOutcomeDetail } from "./testing";

const MAX_SHOWN = 1500;

function shown(text: string): string {
  const trimmed = text.replace(/\s+$/, "");
  return trimmed.length > MAX_SHOWN ? `${trimmed.slice(0, MAX_SHOWN)}\n… (${trimmed.length - MAX_SHOWN} more characters)` : trimmed;
}

/**
 * What the model is told about one failing test: the input, the expected output and what actually happened —
 * the wrong output, the crash's traceback, the time or memory limit, or the compiler's message.
 */
export function describeFailure(test: FlowTest, outcome: TestOutcomeDetail, timeLimitMs: number): string {
  const parts = [`Input:\n${shown(test.input)}`, `Expected output:\n${shown(test.output)}`];
  switch (outcome.verdict) {
    case "TLE":
      parts.push(`The program exceeded the time limit of ${timeLimitMs} ms (too slow, or waiting for more input).`);
      if (outcome.stdout.trim()) parts.push(`Output before it was stopped:\n${shown(outcome.stdout)}`);
      break;
    case "MLE":
      parts.push("The program exceeded the memory limit.");
      break;
    case "RE":
      parts.push(`The program crashed.${outcome.stdout.trim() ? `\nOutput before the crash:\n${shown(outcome.stdout)}` : ""}`);
      parts.push(`Error output:\n${shown(outcome.stderr || outcome.message || "(none)")}`);
      break;
    case "CE":
      parts.push(`The program does not compile:\n${shown(outcome.stderr || outcome.message || "(no message)")}`);
      break;
    case "OLE":
      parts.push("The program printed far more output than expected.");
      break;
    default:
      parts.push(`Actual output:\n${outcome.stdout.trim() ? shown(outcome.stdout) : "(empty)"}`);
      if (outcome.message) parts.push(`Difference: ${outcome.message}`);
  }
  return parts.join("\n\n");
}
