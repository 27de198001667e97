import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { createEventWriter } from "@/lib/runs/event-writer";
import { resolveFlowConfig, type FlowConfig } from "./config";
import { createRunContext, nodeContext, type NodeUsage } from "./context";
import type { FlowDeps } from "./deps";
import { seedFork } from "./fork";
import { flowNodes, type FlowNode } from "./nodes";
import { loadFlowProblem } from "./problem";
import type { FinalResult, ScoreResult } from "./stage-outputs";
import type { WriteQueue } from "./write-queue";

export interface RunFlowOptions {
  signal?: AbortSignal;
}

/** What a finished (or failed) run reports back, beyond what it stored. */
export interface FlowOutcome {
  status: "succeeded" | "failed" | "cancelled";
  error?: string;
  wallMs: number;
  /** Longest dependency chain through the DAG of LLM latency plus judge time (concurrent work counts once). */
  criticalPathMs: number;
  /** The same chain counting LLM latency only. */
  llmCriticalPathMs: number;
  /** Time spent in the judge, summed over all nodes. */
  judgeMs: number;
  /** Sum of every call's latency: the wall time a strictly sequential flow would need for the calls alone. */
  llmLatencyMs: number;
  /** Nodes whose stored result was reused instead of running again. */
  resumedNodes: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The Run row's config is the override object; its mode/language columns fill in what the config leaves unset. */
function effectiveConfig(run: { config: unknown; mode: string; language: string }): FlowConfig {
  const overrides = isPlainObject(run.config) ? run.config : {};
  return resolveFlowConfig({ mode: run.mode, language: run.language, ...overrides }, `run config`);
}

const NO_PATHS = { criticalPathMs: 0, llmCriticalPathMs: 0, llmLatencyMs: 0, judgeMs: 0 };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs (or resumes) the flow of one stored run as a DAG. Each node starts as soon as the nodes it depends on have
 * finished, stores its output in StageResult, and is skipped on a later resume. Every event goes through the
 * run's event writer (persisted with its seq before it is published). The terminal run_finished event carries
 * the final code, the test tallies and the totals, which the event store projects onto the Run row.
 */
export async function runFlow(db: Db, runId: string, deps: FlowDeps, options: RunFlowOptions = {}): Promise<FlowOutcome> {
  const started = Date.now();
  const run = await db.run.findUnique({ where: { id: runId } });
  if (!run) throw new Error(`run ${runId} not found`);
  const writer = createEventWriter(db, runId);
  const emit = (event: Parameters<typeof writer.emit>[0]) => void writer.emit(event);
  const failFast = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, failFast.signal]) : failFast.signal;

  // A run that cannot start (bad config, missing problem, a fork that does not fit) fails with one fatal error.
  const failBeforeStart = (error: unknown) => {
    emit({ type: "error", message: errorText(error), fatal: true });
    return finish(db, runId, writer, started, { status: "failed", error: errorText(error) }, [], NO_PATHS);
  };

  let config: FlowConfig;
  try {
    config = effectiveConfig(run);
  } catch (error) {
    return failBeforeStart(error);
  }
  let problem;
  try {
    problem = await loadFlowProblem(db, run.problemId);
  } catch (error) {
    return failBeforeStart(error);
  }
  const nodes = flowNodes(config);
  try {
    await seedFork(db, run, nodes);
  } catch (error) {
    return failBeforeStart(error);
  }
  const finished = new Map(
    (await db.stageResult.findMany({ where: { runId, status: "finished" } })).map((row) => [row.key, row]),
  );
  const maxOrdinal = await db.codeVersion.aggregate({ where: { runId }, _max: { ordinal: true } });
  const ordinal = maxOrdinal._max.ordinal ?? 0;
  const model = config.model ?? run.model;
  await db.run.update({
    where: { id: runId },
    data: { config: config as unknown as Prisma.InputJsonValue, mode: config.mode, language: config.language, model },
  });
  emit({
    type: "run_started",
    problem: { id: problem.id, name: problem.name },
    mode: config.mode,
    language: config.language,
    model,
    config: config as unknown as Record<string, unknown>,
    resumed: finished.size > 0,
  });

  const runCtx = createRunContext({
    db,
    runId,
    deps,
    config,
    problem,
    model,
    sample: { index: run.sampleIndex, datasetRunId: run.datasetRunId },
    signal,
    writer,
    firstOrdinal: ordinal + 1,
  });
  const results = new Map<string, unknown>();
  const critical = new Map<string, number>();
  const llmCritical = new Map<string, number>();
  let judgeMs = 0;
  const resumedNodes: string[] = [];
  let llmLatencyMs = 0;

  const execute = async (node: FlowNode): Promise<void> => {
    const criticalBefore = Math.max(0, ...node.deps.map((d) => critical.get(d) ?? 0));
    const llmCriticalBefore = Math.max(0, ...node.deps.map((d) => llmCritical.get(d) ?? 0));
    const stored = finished.get(node.key);
    if (stored) {
      const parsed = node.schema.safeParse(stored.output);
      if (parsed.success) {
        results.set(node.key, parsed.data);
        critical.set(node.key, criticalBefore);
        llmCritical.set(node.key, llmCriticalBefore);
        resumedNodes.push(node.key);
        emit({ type: "stage_started", nodeKey: node.key, stage: node.stage, dependsOn: node.deps, label: node.label });
        emit({ type: "stage_finished", nodeKey: node.key, stage: node.stage, status: "ok", durationMs: 0, resumed: true });
        return;
      }
    }
    signal.throwIfAborted();
    const nodeStarted = Date.now();
    runCtx.writes.push(() =>
      db.stageResult.upsert({
        where: { runId_key: { runId, key: node.key } },
        create: { runId, key: node.key, stage: node.stage, status: "running" },
        update: { status: "running", startedAt: new Date(), error: null, finishedAt: null },
      }),
    );
    emit({ type: "stage_started", nodeKey: node.key, stage: node.stage, dependsOn: node.deps, label: node.label });
    const ctx = nodeContext(runCtx, node.key);
    const usageFields = (usage: NodeUsage) => ({
      llmCalls: usage.llmCalls,
      tokens: usage.promptTokens + usage.completionTokens,
      costUsd: usage.costUsd,
    });
    try {
      const output = await node.run(ctx, results);
      // Dependents start at once; the result row follows in the write queue (a crash before it lands only
      // means this node runs again on resume, its LLM calls served from the cache).
      runCtx.writes.push(() =>
        db.stageResult.update({
          where: { runId_key: { runId, key: node.key } },
          data: { status: "finished", output: output as Prisma.InputJsonValue, finishedAt: new Date(), ...usageFields(ctx.usage) },
        }),
      );
      results.set(node.key, output);
      emit({ type: "stage_finished", nodeKey: node.key, stage: node.stage, status: "ok", durationMs: Date.now() - nodeStarted, ...usageFields(ctx.usage) });
    } catch (error) {
      runCtx.writes.push(() =>
        db.stageResult.update({
          where: { runId_key: { runId, key: node.key } },
          data: { status: "failed", error: errorText(error), finishedAt: new Date(), ...usageFields(ctx.usage) },
        }),
      );
      emit({ type: "stage_finished", nodeKey: node.key, stage: node.stage, status: "failed", durationMs: Date.now() - nodeStarted, error: errorText(error), ...usageFields(ctx.usage) });
      throw error;
    } finally {
      critical.set(node.key, criticalBefore + ctx.lane.criticalMs);
      llmCritical.set(node.key, llmCriticalBefore + ctx.lane.llmMs);
      llmLatencyMs += ctx.usage.llmLatencyMs;
      judgeMs += ctx.usage.judgeMs;
    }
  };

  const running = new Map<string, Promise<void>>();
  for (const node of nodes) {
    const waitFor = node.deps.map((d) => running.get(d)!);
    const promise = Promise.all(waitFor).then(() => execute(node));
    promise.catch((error: unknown) => failFast.abort(error));
    running.set(node.key, promise);
  }
  const settled = await Promise.allSettled(running.values());
  const paths = {
    criticalPathMs: Math.max(0, ...critical.values()),
    llmCriticalPathMs: Math.max(0, ...llmCritical.values()),
    llmLatencyMs,
    judgeMs,
  };
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) {
    const cancelled = options.signal?.aborted === true;
    const message = cancelled ? "cancelled" : errorText(failFast.signal.reason ?? rejected.reason);
    emit({ type: "error", message, fatal: !cancelled });
    return finish(db, runId, writer, started, { status: cancelled ? "cancelled" : "failed", error: message }, resumedNodes, paths, runCtx.writes);
  }
  const final = results.get("final") as FinalResult;
  const score = results.get("score") as ScoreResult;
  return finish(
    db,
    runId,
    writer,
    started,
    {
      status: "succeeded",
      final,
      score,
    },
    resumedNodes,
    paths,
    runCtx.writes,
  );
}

async function finish(
  db: Db,
  runId: string,
  writer: ReturnType<typeof createEventWriter>,
  started: number,
  end: { status: FlowOutcome["status"]; error?: string; final?: FinalResult; score?: ScoreResult },
  resumedNodes: string[],
  paths: Pick<FlowOutcome, "criticalPathMs" | "llmCriticalPathMs" | "llmLatencyMs" | "judgeMs">,
  writes?: WriteQueue,
): Promise<FlowOutcome> {
  if (writes) {
    try {
      await writes.flush();
    } catch (error) {
      end = { status: "failed", error: `storing the run's results failed: ${errorText(error)}` };
    }
  }
  await writer.flush();
  const totals = await db.run.findUniqueOrThrow({
    where: { id: runId },
    select: { llmCalls: true, promptTokens: true, completionTokens: true, reasoningTokens: true, costUsd: true },
  });
  const wallMs = Date.now() - started;
  const selected = end.final?.selected;
  void writer.emit({
    type: "run_finished",
    status: end.status,
    solved: end.score?.solved ?? null,
    finalVersionId: selected?.versionId,
    finalCode: selected?.code,
    error: end.error,
    tests: {
      ...(selected && { public: { passed: selected.public.passed, failed: selected.public.failed } }),
      ...(selected?.ai && { ai: { passed: selected.ai.passed, failed: selected.ai.failed } }),
      ...(end.score?.hidden && { hidden: end.score.hidden }),
    },
    totals: { ...totals, wallMs },
  });
  await writer.flush();
  return { status: end.status, error: end.error, wallMs, ...paths, resumedNodes };
}
