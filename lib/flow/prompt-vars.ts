import { stringify } from "yaml";
import type { NodeContext } from "./context";
import type { PossibleSolution, TestExplanation } from "./schemas";
import type { ReflectionResult } from "./stage-outputs";

/** Lists go into prompts as YAML or bullets, never as a language's repr. */
export function bullets(items: string[]): string {
  return items.map((item) => `- ${item.replace(/\n/g, "\n  ")}`).join("\n");
}

export function yamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0, blockQuote: "literal" }).trimEnd();
}

export function explanationsText(explanations: TestExplanation[]): string {
  return explanations.length > 0 ? yamlText(explanations) : "(no example tests)";
}

export function solutionText(solution: PossibleSolution | Record<string, unknown>): string {
  return yamlText(solution);
}

export function languageVars(ctx: NodeContext): { language_name: string; python: boolean; fence: string } {
  const python = ctx.config.language === "python3";
  return { language_name: python ? "Python 3" : "C++17", python, fence: python ? "python" : "cpp" };
}

export function reflectionText(reflection: ReflectionResult): string {
  return bullets(reflection.self_reflection);
}
