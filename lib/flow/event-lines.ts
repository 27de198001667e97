import type { RunEvent } from "@/lib/runs/events";

const SET_NAMES = { public: "public", ai: "AI", private: "hidden", generated: "hidden (generated)" } as const;

/**
 * One readable line for the events a person follows in a terminal; null for the ones that are noise there.
 * `ordinals` (version id → number, from the code_version events seen so far) names versions in test lines.
 */
export function describeEvent(event: RunEvent, ordinals: ReadonlyMap<string, number> = new Map()): string | null {
  switch (event.type) {
    case "run_started":
      return `${event.resumed ? "resuming" : "solving"} ${event.problem.name} (${event.mode}, ${event.language}, ${event.model})`;
    case "stage_started":
      return `▶ ${event.label ?? event.stage}`;
    case "stage_finished": {
      const what = event.resumed ? "reused" : `${(event.durationMs / 1000).toFixed(1)} s`;
      const calls = event.llmCalls > 0 ? `, ${event.llmCalls} call(s), ${event.tokens} tokens` : "";
      return event.status === "ok" ? `✓ ${event.nodeKey} (${what}${calls})` : `✗ ${event.nodeKey}: ${event.error ?? event.status}`;
    }
    case "code_version":
      return `  code v${event.ordinal}: ${event.reason}`;
    case "test_results": {
      const marks = event.tests.length <= 40 ? ` ${event.tests.map((t) => (t.verdict === "AC" ? "✓" : t.verdict)).join(" ")}` : "";
      const version = ordinals.has(event.versionId) ? ` (v${ordinals.get(event.versionId)})` : "";
      return `  ${SET_NAMES[event.testSet]} tests${version}: ${event.passed}/${event.passed + event.failed} passed${marks}`;
    }
    case "decision":
      return `  → ${event.reason}`;
    case "error":
      return `  ! ${event.message}`;
    case "run_finished": {
      const hidden = event.tests.hidden ? `, hidden ${event.tests.hidden.passed}/${event.tests.hidden.passed + event.tests.hidden.failed}` : "";
      const solved = event.solved === null ? "" : event.solved ? " — solved" : " — not solved";
      return `${event.status}${solved}: ${event.totals.llmCalls} LLM call(s), ${event.totals.promptTokens + event.totals.completionTokens} tokens${hidden}, ${(event.totals.wallMs / 1000).toFixed(1)} s`;
    }
    default:
      return null;
  }
}
