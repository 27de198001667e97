import fs from "node:fs";
import type { Env } from "../env";
import type { SandboxKind } from "../schema";

export class SandboxUnavailableError extends Error {}

const BWRAP_CANDIDATES = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"];

/** ALPHAFLOW_BWRAP names the binary explicitly (and only it); otherwise the usual install locations. */
export function findBwrap(env: Env = process.env): string | null {
  const candidates = env.ALPHAFLOW_BWRAP ? [env.ALPHAFLOW_BWRAP] : BWRAP_CANDIDATES;
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * ALPHAFLOW_SANDBOX=none is the only way to run without isolation: a missing bwrap is an error, never a
 * silent downgrade, because results judged without a sandbox must say so.
 */
export function resolveSandboxKind(env: Env = process.env): SandboxKind {
  const raw = (env.ALPHAFLOW_SANDBOX ?? "").trim().toLowerCase();
  if (raw === "none") return "none";
  if (raw !== "" && raw !== "bwrap") {
    throw new SandboxUnavailableError(`ALPHAFLOW_SANDBOX must be "bwrap" or "none" (got "${env.ALPHAFLOW_SANDBOX}")`);
  }
  if (process.platform !== "linux") {
    throw new SandboxUnavailableError("the bwrap sandbox needs Linux; set ALPHAFLOW_SANDBOX=none to run unsandboxed");
  }
  if (!findBwrap(env)) {
    throw new SandboxUnavailableError(
      "bubblewrap (bwrap) is not installed: apt-get install -y bubblewrap, or set ALPHAFLOW_SANDBOX=none to run untrusted code unsandboxed",
    );
  }
  return "bwrap";
}

export type SandboxStatus = { kind: SandboxKind } | { kind: "unavailable"; reason: string };

/** For pages: what the judge would use right now, without throwing. */
export function sandboxStatus(env: Env = process.env): SandboxStatus {
  try {
    return { kind: resolveSandboxKind(env) };
  } catch (error) {
    return { kind: "unavailable", reason: (error as Error).message };
  }
}
