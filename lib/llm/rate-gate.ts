import { providerOf, type Db } from "@/lib/db/client";
import { ClusterRateLimiter, type ClusterLimits } from "./cluster-limiter";
import type { ProviderLimiter } from "./limiter";

/** Gives back what `acquire` took; `actualTokens` corrects the token windows once usage is known. */
export type GateRelease = (actualTokens?: number) => void | Promise<void>;

/** What every attempt waits on before its request leaves (the in-process limiter is one). */
export type RateGate = {
  acquire(tokens: number, signal?: AbortSignal): Promise<GateRelease>;
  pauseFor(ms: number): void;
};

export type SharedRate = { db: Db; endpoint: string; limits: ClusterLimits; log?: (line: string) => void };

/**
 * On SQLite everything runs on one machine and the in-process limiter is the whole gate. On Postgres several
 * processes share a provider key, so a request must also be admitted by the shared log. The local limiter goes
 * first: it keeps concurrency per process and holds a process's own excess without querying the database, and the
 * shared admission comes last so that its timestamp is when the request really leaves.
 */
export function rateGate(local: ProviderLimiter, shared: SharedRate): RateGate {
  const { requestsPerMinute, tokensPerMinute } = shared.limits;
  if (providerOf(shared.db) !== "postgresql" || (!requestsPerMinute && !tokensPerMinute)) return local;
  const cluster = new ClusterRateLimiter(shared.db, shared.endpoint, shared.limits, shared.log);
  return {
    async acquire(tokens, signal) {
      const releaseLocal = await local.acquire(tokens, signal);
      let admission;
      try {
        admission = await cluster.admit(tokens, signal);
      } catch (error) {
        releaseLocal(0);
        throw error;
      }
      return async (actualTokens) => {
        releaseLocal(actualTokens);
        await admission.settle(actualTokens);
      };
    },
    pauseFor: (ms) => local.pauseFor(ms),
  };
}
