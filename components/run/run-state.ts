import type { StoredRunEvent, TestOutcome, TestSet, Verdict } from "@/lib/runs/events";

/**
 * The run page's view of a run, rebuilt from its event log. A pure reducer over batches of StoredRunEvents: the
 * stream hands it everything that arrived since the last frame, so thousands of token events cost one render.
 * Events at or below the last applied seq are dropped, which makes replays after a reconnect harmless.
 */

type EventOf<T extends StoredRunEvent["type"]> = Extract<StoredRunEvent, { type: T }>;

export type StageStatus = "running" | "ok" | "failed" | "skipped";

export type CallView = {
  callId: string;
  text: string;
  reasoning: string;
  /** Set once the call's `llm_call` event arrives. */
  usage?: EventOf<"llm_call">["usage"];
  costUsd?: number;
  latencyMs?: number;
  cacheHit?: boolean;
  finishReason?: string | null;
  truncated?: boolean;
  model?: string;
};

export type StageNode = {
  nodeKey: string;
  stage: string;
  label?: string;
  parentKey?: string;
  dependsOn: string[];
  status: StageStatus;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  tokens: number;
  costUsd: number;
  llmCalls: number;
  resumed: boolean;
  calls: CallView[];
  outputs: unknown[];
  error?: string;
};

export type CodeVersionView = {
  versionId: string;
  ordinal: number;
  nodeKey?: string;
  stage: string;
  reason: string;
  language: EventOf<"code_version">["language"];
  code: string;
  parentVersionId: string | null;
  status: "kept" | "reverted" | "selected" | "rejected";
  decisions: string[];
};

export type TestRunView = {
  seq: number;
  versionId: string;
  nodeKey?: string;
  testSet: TestSet;
  verdict: Verdict;
  passed: number;
  failed: number;
  sandbox?: EventOf<"test_results">["sandbox"];
  tests: TestOutcome[];
};

export type DecisionView = Omit<EventOf<"decision">, "type" | "runId" | "createdAt">;
export type ErrorView = Omit<EventOf<"error">, "type" | "runId" | "createdAt">;

export type RunViewStatus = "waiting" | "running" | "succeeded" | "failed" | "cancelled";

export type RunViewState = {
  lastSeq: number;
  /** Applied seqs as closed ranges: with no gap this is a single [1, lastSeq]. */
  seqRanges: [number, number][];
  /** Events dropped because their seq was already applied (replays after a reconnect). */
  duplicatesDropped: number;
  status: RunViewStatus;
  started?: Omit<EventOf<"run_started">, "type" | "runId" | "seq">;
  startedAt?: string;
  nodes: Record<string, StageNode>;
  /** Node keys in the order they started. */
  order: string[];
  versions: CodeVersionView[];
  testRuns: TestRunView[];
  decisions: DecisionView[];
  errors: ErrorView[];
  finished?: Omit<EventOf<"run_finished">, "type" | "runId">;
  totals: { llmCalls: number; promptTokens: number; completionTokens: number; reasoningTokens: number; costUsd: number };
};

export function initialRunViewState(): RunViewState {
  return {
    lastSeq: 0,
    seqRanges: [],
    duplicatesDropped: 0,
    status: "waiting",
    nodes: {},
    order: [],
    versions: [],
    testRuns: [],
    decisions: [],
    errors: [],
    totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0, costUsd: 0 },
  };
}

/** Copy-on-write for one batch: every node, call list and array touched is copied once, not once per event. */
class Draft {
  readonly state: RunViewState;
  private copiedNodes = new Set<string>();
  private copiedCalls = new Set<string>();
  private copiedArrays = new Set<string>();

  constructor(previous: RunViewState) {
    this.state = { ...previous, nodes: { ...previous.nodes }, totals: { ...previous.totals } };
  }

  node(nodeKey: string): StageNode | undefined {
    const existing = this.state.nodes[nodeKey];
    if (!existing) return undefined;
    if (!this.copiedNodes.has(nodeKey)) {
      this.state.nodes[nodeKey] = { ...existing };
      this.copiedNodes.add(nodeKey);
    }
    return this.state.nodes[nodeKey];
  }

  addNode(node: StageNode): void {
    this.state.nodes[node.nodeKey] = node;
    this.copiedNodes.add(node.nodeKey);
    this.copiedCalls.add(node.nodeKey);
    this.array("order").push(node.nodeKey);
  }

  call(nodeKey: string, callId: string): CallView | undefined {
    const node = this.node(nodeKey);
    if (!node) return undefined;
    if (!this.copiedCalls.has(nodeKey)) {
      node.calls = [...node.calls];
      this.copiedCalls.add(nodeKey);
    }
    let index = node.calls.findIndex((call) => call.callId === callId);
    if (index === -1) {
      node.calls.push({ callId, text: "", reasoning: "" });
      index = node.calls.length - 1;
    }
    const copyKey = `${nodeKey}\u0000${callId}`;
    if (!this.copiedCalls.has(copyKey)) {
      node.calls[index] = { ...node.calls[index] };
      this.copiedCalls.add(copyKey);
    }
    return node.calls[index];
  }

  array<K extends "order" | "versions" | "testRuns" | "decisions" | "errors" | "seqRanges">(key: K): RunViewState[K] {
    if (!this.copiedArrays.has(key)) {
      (this.state[key] as unknown[]) = [...this.state[key]];
      this.copiedArrays.add(key);
    }
    return this.state[key];
  }
}

function recordSeq(draft: Draft, seq: number): void {
  const ranges = draft.array("seqRanges");
  const last = ranges[ranges.length - 1];
  if (last && last[1] + 1 === seq) ranges[ranges.length - 1] = [last[0], seq];
  else ranges.push([seq, seq]);
  draft.state.lastSeq = seq;
}

function ensureNode(draft: Draft, nodeKey: string, stage: string, at: string): StageNode {
  const existing = draft.node(nodeKey);
  if (existing) return existing;
  // An event for a node whose stage_started we never saw (the engine skips it for some steps): show it anyway.
  draft.addNode({
    nodeKey,
    stage,
    dependsOn: [],
    status: "running",
    startedAt: at,
    tokens: 0,
    costUsd: 0,
    llmCalls: 0,
    resumed: false,
    calls: [],
    outputs: [],
  });
  return draft.node(nodeKey)!;
}

function stageOfKey(nodeKey: string): string {
  return nodeKey.split("#")[0];
}

function setVersionStatus(draft: Draft, versionId: string, status: CodeVersionView["status"], reason: string): void {
  const versions = draft.array("versions");
  const index = versions.findIndex((version) => version.versionId === versionId);
  if (index === -1) return;
  versions[index] = { ...versions[index], status, decisions: [...versions[index].decisions, reason] };
}

function omit<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

function apply(draft: Draft, event: StoredRunEvent): void {
  const state = draft.state;
  switch (event.type) {
    case "run_started": {
      state.started = omit(event, ["type", "runId", "seq"]);
      state.startedAt ??= event.createdAt;
      state.status = "running";
      state.finished = undefined;
      return;
    }
    case "stage_started": {
      const existing = draft.node(event.nodeKey);
      if (existing) {
        // A resumed run restarts a node that was interrupted: keep what it streamed, mark it live again.
        existing.status = "running";
        existing.startedAt = event.createdAt;
        existing.finishedAt = undefined;
        existing.durationMs = undefined;
        return;
      }
      draft.addNode({
        nodeKey: event.nodeKey,
        stage: event.stage,
        label: event.label,
        parentKey: event.parentKey,
        dependsOn: event.dependsOn,
        status: "running",
        startedAt: event.createdAt,
        tokens: 0,
        costUsd: 0,
        llmCalls: 0,
        resumed: false,
        calls: [],
        outputs: [],
      });
      return;
    }
    case "token":
    case "reasoning": {
      ensureNode(draft, event.nodeKey, stageOfKey(event.nodeKey), event.createdAt);
      const call = draft.call(event.nodeKey, event.callId)!;
      if (event.type === "token") call.text += event.text;
      else call.reasoning += event.text;
      return;
    }
    case "llm_call": {
      state.totals.llmCalls += 1;
      state.totals.promptTokens += event.usage.promptTokens;
      state.totals.completionTokens += event.usage.completionTokens;
      state.totals.reasoningTokens += event.usage.reasoningTokens;
      state.totals.costUsd += event.costUsd;
      if (!event.nodeKey) return;
      const node = ensureNode(draft, event.nodeKey, event.stage, event.createdAt);
      node.llmCalls += 1;
      node.tokens += event.usage.promptTokens + event.usage.completionTokens;
      node.costUsd += event.costUsd;
      Object.assign(draft.call(event.nodeKey, event.callId)!, {
        usage: event.usage,
        costUsd: event.costUsd,
        latencyMs: event.latencyMs,
        cacheHit: event.cacheHit,
        finishReason: event.finishReason,
        truncated: event.truncated,
        model: event.model,
      });
      return;
    }
    case "parsed_output": {
      const node = ensureNode(draft, event.nodeKey, event.stage, event.createdAt);
      node.outputs = [...node.outputs, event.output];
      return;
    }
    case "code_version": {
      draft.array("versions").push({
        versionId: event.versionId,
        ordinal: event.ordinal,
        nodeKey: event.nodeKey,
        stage: event.stage,
        reason: event.reason,
        language: event.language,
        code: event.code,
        parentVersionId: event.parentVersionId,
        status: "kept",
        decisions: [],
      });
      return;
    }
    case "test_results": {
      draft.array("testRuns").push({
        seq: event.seq,
        versionId: event.versionId,
        nodeKey: event.nodeKey,
        testSet: event.testSet,
        verdict: event.verdict,
        passed: event.passed,
        failed: event.failed,
        sandbox: event.sandbox,
        tests: event.tests,
      });
      return;
    }
    case "decision": {
      draft.array("decisions").push(omit(event, ["type", "runId", "createdAt"]));
      if (event.versionId) setVersionStatus(draft, event.versionId, event.outcome, event.reason);
      return;
    }
    case "stage_finished": {
      const node = ensureNode(draft, event.nodeKey, event.stage, event.createdAt);
      node.status = event.status;
      node.finishedAt = event.createdAt;
      node.durationMs = event.durationMs;
      node.resumed = event.resumed;
      node.error = event.error;
      // The engine's own totals win over the sum of llm_call events (it also counts cache hits and retries).
      if (event.llmCalls > 0 || event.tokens > 0) {
        node.llmCalls = event.llmCalls;
        node.tokens = event.tokens;
        node.costUsd = event.costUsd;
      }
      return;
    }
    case "error": {
      draft.array("errors").push(omit(event, ["type", "runId", "createdAt"]));
      return;
    }
    case "run_finished": {
      state.finished = omit(event, ["type", "runId"]);
      state.status = event.status;
      if (event.finalVersionId) setVersionStatus(draft, event.finalVersionId, "selected", "final program");
      return;
    }
  }
}

/** Applies a batch in seq order; events already applied (seq ≤ lastSeq) are counted and dropped. */
export function applyRunEvents(previous: RunViewState, events: readonly StoredRunEvent[]): RunViewState {
  if (events.length === 0) return previous;
  const draft = new Draft(previous);
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  for (const event of sorted) {
    if (event.seq <= draft.state.lastSeq) {
      draft.state.duplicatesDropped += 1;
      continue;
    }
    recordSeq(draft, event.seq);
    apply(draft, event);
  }
  return draft.state;
}

/** "1-240,242-250": the applied seqs, for the page's data attribute and the no-gap/no-duplicate check. */
export function formatSeqRanges(ranges: readonly [number, number][]): string {
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(",");
}

export function isTerminal(status: RunViewStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}

/** The latest judged results of each test set, optionally for one code version. */
export function latestTestRuns(state: Pick<RunViewState, "testRuns">, versionId?: string): TestRunView[] {
  const bySet = new Map<TestSet, TestRunView>();
  for (const run of state.testRuns) {
    if (versionId && run.versionId !== versionId) continue;
    bySet.set(run.testSet, run);
  }
  const order: TestSet[] = ["public", "ai", "private", "generated"];
  return order.flatMap((set) => (bySet.has(set) ? [bySet.get(set)!] : []));
}
