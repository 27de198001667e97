import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { EventWriter } from "@/lib/runs/event-writer";
import type { RunEventInput } from "@/lib/runs/events";
import type { JudgeResult } from "@/lib/judge/schema";
import type { FlowConfig } from "./config";
import type { FlowDeps } from "./deps";
import type { FlowProblem } from "./problem";
import { createWriteQueue, type WriteQueue } from "./write-queue";

/** Usage a node accumulates; persisted on its StageResult row and summed into run_finished. */
export interface NodeUsage {
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  costUsd: number;
  /** Sum of call latencies: what the node would cost if every call ran one after another. */
  llmLatencyMs: number;
  /** Time spent waiting for the judge (sandboxed runs and syntax checks). */
  judgeMs: number;
}

/** Everything a stage needs, shared by all nodes of one run. */
export interface RunContext {
  db: Db;
  runId: string;
  deps: FlowDeps;
  config: FlowConfig;
  problem: FlowProblem;
  model: string | undefined;
  /** The run's pass@k sample and dataset run: part of every call's cache key and accounting. */
  sample: { index: number; datasetRunId: string | null };
  signal: AbortSignal | undefined;
  emit(event: RunEventInput): void;
  writer: EventWriter;
  nextOrdinal(): number;
  /**
   * Public-test judgements made while checking that a fresh program compiles (the judge compiles before it runs),
   * keyed by program text: the evaluation that follows takes its result from here instead of judging twice.
   */
  publicJudgements: Map<string, JudgeResult>;
  writes: WriteQueue;
}

/**
 * One running node. `lane` measures the time on this node's critical path: LLM latency and judge time of work
 * done one after another add up, concurrent lanes count with the slowest.
 */
export interface NodeContext extends RunContext {
  nodeKey: string;
  usage: NodeUsage;
  lane: { criticalMs: number; llmMs: number };
}

/** The run-wide context; `firstOrdinal` continues the numbering of code versions a resumed run already has. */
export function createRunContext(input: {
  db: Db;
  runId: string;
  deps: FlowDeps;
  config: FlowConfig;
  problem: FlowProblem;
  model: string | undefined;
  sample?: { index: number; datasetRunId: string | null };
  signal: AbortSignal | undefined;
  writer: EventWriter;
  firstOrdinal: number;
}): RunContext {
  let next = input.firstOrdinal;
  return {
    db: input.db,
    runId: input.runId,
    deps: input.deps,
    config: input.config,
    problem: input.problem,
    model: input.model,
    sample: input.sample ?? { index: 0, datasetRunId: null },
    signal: input.signal,
    writer: input.writer,
    emit: (event) => void input.writer.emit(event),
    nextOrdinal: () => next++,
    publicJudgements: new Map(),
    writes: createWriteQueue(),
  };
}

export function nodeContext(run: RunContext, nodeKey: string): NodeContext {
  return { ...run, nodeKey, usage: emptyUsage(), lane: { criticalMs: 0, llmMs: 0 } };
}

export function emptyUsage(): NodeUsage {
  return { llmCalls: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0, costUsd: 0, llmLatencyMs: 0, judgeMs: 0 };
}

/** A context for work that runs beside its siblings: its latency is combined with theirs by max, not sum. */
export function parallelLane(ctx: NodeContext): NodeContext {
  return { ...ctx, lane: { criticalMs: 0, llmMs: 0 } };
}

/** Runs tasks concurrently, each in its own lane, and adds the slowest lane to the caller's critical path. */
export async function inParallel<T>(ctx: NodeContext, tasks: ((lane: NodeContext) => Promise<T>)[]): Promise<T[]> {
  const lanes = tasks.map(() => parallelLane(ctx));
  try {
    return await Promise.all(tasks.map((task, i) => task(lanes[i])));
  } finally {
    ctx.lane.criticalMs += Math.max(0, ...lanes.map((lane) => lane.lane.criticalMs));
    ctx.lane.llmMs += Math.max(0, ...lanes.map((lane) => lane.lane.llmMs));
  }
}

/** A judge call whose duration counts on the node's current lane. */
export async function judgeTimed(ctx: NodeContext, ...args: Parameters<FlowDeps["judge"]>): ReturnType<FlowDeps["judge"]> {
  const started = Date.now();
  try {
    return await ctx.deps.judge(...args);
  } finally {
    const ms = Date.now() - started;
    ctx.usage.judgeMs += ms;
    ctx.lane.criticalMs += ms;
  }
}

export function newCallId(): string {
  return `call_${randomUUID().slice(0, 12)}`;
}

export class FlowStageError extends Error {}

