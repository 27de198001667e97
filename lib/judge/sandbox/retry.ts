import { SandboxError } from "./session";

export const SANDBOX_ATTEMPTS = 3;

/** A sandbox failure is retried (DeepMind's harness does the same, 3 attempts); a program's failure never is. */
export async function withSandboxRetries<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < SANDBOX_ATTEMPTS; i++) {
    signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
