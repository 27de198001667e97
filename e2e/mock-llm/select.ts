import type { MockEntry, MockScheduledFault, MockScript } from "./script";

export const FALLBACK_STAGE = "default";

export type Selection =
  | { kind: "entry"; entry: MockEntry; stageKey: string; ordinal: number }
  | { kind: "scheduled"; fault: MockScheduledFault }
  | { kind: "none"; reason: string };

/**
 * Picks the answer for one request. Entries of a stage are grouped by their `match` string, and each group keeps its
 * own ordinal so concurrent runs of different problems each walk their own list; past the end, the last entry of a
 * group answers again, which makes a one-entry list the stage's default.
 */
export class AnswerSelector {
  private readonly ordinals = new Map<string, number>();
  private requestCount = 0;

  constructor(private readonly script: MockScript) {}

  select(stage: string | undefined, lastUserMessage: string): Selection {
    this.requestCount += 1;
    const scheduled = this.script.faults.find((f) =>
      f.request !== undefined ? f.request === this.requestCount : this.requestCount % (f.every ?? 1) === 0,
    );
    if (scheduled) return { kind: "scheduled", fault: scheduled };

    const stageKey = stage && this.script.stages[stage] ? stage : FALLBACK_STAGE;
    const entries = this.script.stages[stageKey];
    if (!entries) {
      return { kind: "none", reason: `mock-llm: no script answer for stage "${stage ?? "(no X-Alphaflow-Stage header)"}"` };
    }
    const group = pickGroup(entries, lastUserMessage);
    if (group.length === 0) {
      return { kind: "none", reason: `mock-llm: no entry of stage "${stageKey}" matches the last user message` };
    }
    const counterKey = `${stageKey}\u0000${group[0].match ?? ""}`;
    const ordinal = this.ordinals.get(counterKey) ?? 0;
    this.ordinals.set(counterKey, ordinal + 1);
    return { kind: "entry", entry: group[Math.min(ordinal, group.length - 1)], stageKey, ordinal };
  }
}

function pickGroup(entries: MockEntry[], lastUserMessage: string): MockEntry[] {
  const matched = entries.find((e) => e.match !== undefined && lastUserMessage.includes(e.match));
  const match = matched?.match;
  return entries.filter((e) => e.match === match);
}
