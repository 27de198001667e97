import { z } from "zod";
import type { Db, DbTransaction } from "@/lib/db/client";
import { LlmError } from "./errors";
import { rateLockId } from "./rate-endpoint";
import { fitsWindow, RATE_WINDOW_MS, windowWaitMs, type RateLimits } from "./rate-window";
import { sleep } from "./retry";

export type ClusterLimits = RateLimits & {
  /** Length of the rate window; one minute except in tests that cannot wait one. */
  windowMs?: number;
  /** How often this process clears rows that have left the window (they are never counted again, only kept). */
  pruneEveryMs?: number;
};

/** A request admitted by the shared log; `settle` books the actual tokens once usage is known. */
export type ClusterAdmission = { id: number; settle: (actualTokens?: number) => Promise<void> };

type Verdict = { admitted: number } | { waitMs: number };

const ClockRow = z.array(z.object({ now: z.date() })).length(1);

const PRUNE_EVERY_MS = 60_000;
// Waiting for the advisory lock happens inside the transaction, so its time limits allow for a crowd of workers.
const TRANSACTION = { maxWait: 30_000, timeout: 30_000 };

/** When this process last cleared old rows: the first admission of a process clears, so short runs do too. */
const pruning = globalThis as unknown as { alphaflowRateLogPrunedAt?: number };

/**
 * Requests and tokens per minute belong to the provider key, not to a process, so on a shared Postgres every
 * process books its requests in one sliding log (LlmRateEvent) and is admitted only while the last window stays
 * within the limits. An advisory lock per endpoint makes count-then-insert atomic across processes, and the
 * database's clock stamps the rows, so machines whose clocks differ still agree on the window.
 */
export class ClusterRateLimiter {
  private readonly lockId: bigint;

  constructor(
    private readonly db: Db,
    private readonly endpoint: string,
    private readonly limits: ClusterLimits,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.lockId = rateLockId(endpoint);
  }

  /** Resolves once the request is booked in the shared window; waits (abortably) while the window is full. */
  async admit(tokens: number, signal?: AbortSignal): Promise<ClusterAdmission> {
    for (;;) {
      if (signal?.aborted) throw new LlmError("aborted", "the call was cancelled", { retryable: false });
      const verdict = await this.db.$transaction((tx) => this.tryAdmit(tx, tokens), TRANSACTION);
      if ("admitted" in verdict) {
        const id = verdict.admitted;
        return { id, settle: (actualTokens) => this.settle(id, tokens, actualTokens) };
      }
      // No one is woken when a row ages out, so the waiter sleeps until then and asks again; another process may
      // have taken the slot meanwhile, in which case it sleeps again.
      await sleep(verdict.waitMs, signal);
    }
  }

  private async tryAdmit(tx: DbTransaction, tokens: number): Promise<Verdict> {
    const windowMs = this.limits.windowMs ?? RATE_WINDOW_MS;
    // The lock must come before the count, in its own statement: under READ COMMITTED the next statement's
    // snapshot then includes the row committed by the previous holder.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${this.lockId})`;
    const [{ now }] = ClockRow.parse(await tx.$queryRaw`SELECT clock_timestamp() AS now`);
    const since = new Date(now.getTime() - windowMs);
    await this.pruneOccasionally(tx, since);
    const inWindow = { endpoint: this.endpoint, at: { gt: since } };
    const booked = await tx.llmRateEvent.aggregate({ where: inWindow, _count: true, _sum: { tokens: true } });
    if (fitsWindow(booked._count, booked._sum.tokens ?? 0, tokens, this.limits)) {
      const row = await tx.llmRateEvent.create({ data: { endpoint: this.endpoint, at: now, tokens }, select: { id: true } });
      return { admitted: row.id };
    }
    const entries = await tx.llmRateEvent.findMany({
      where: inWindow,
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { at: true, tokens: true },
    });
    const wait = windowWaitMs(entries.map((e) => ({ at: e.at.getTime(), tokens: e.tokens })), now.getTime(), tokens, this.limits, windowMs);
    return { waitMs: Math.max(1, wait) };
  }

  private async pruneOccasionally(tx: DbTransaction, since: Date): Promise<void> {
    const now = Date.now();
    if (now - (pruning.alphaflowRateLogPrunedAt ?? 0) < (this.limits.pruneEveryMs ?? PRUNE_EVERY_MS)) return;
    pruning.alphaflowRateLogPrunedAt = now;
    await tx.llmRateEvent.deleteMany({ where: { at: { lte: since } } });
  }

  /** A failed correction only leaves the estimate booked, so it is logged rather than failing the finished call. */
  private async settle(id: number, estimated: number, actualTokens: number | undefined): Promise<void> {
    if (actualTokens === undefined || actualTokens === estimated) return;
    try {
      await this.db.llmRateEvent.updateMany({ where: { id }, data: { tokens: actualTokens } });
    } catch (error) {
      this.log(`llm rate log: could not book the actual tokens (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}
