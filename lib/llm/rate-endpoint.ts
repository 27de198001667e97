import { createHash } from "node:crypto";

/**
 * The name under which every process books its requests to one provider key in the shared rate log. Limits belong
 * to the key, so it is part of the name, but only through a hash: the log is a plain table that must never hold
 * the key itself.
 */
export function rateEndpoint(provider: string, baseUrl: string, apiKey: string | undefined): string {
  return createHash("sha256").update(`alphaflow-rate\n${provider}\n${baseUrl}\n${apiKey ?? ""}`).digest("hex").slice(0, 32);
}

/** The Postgres advisory-lock id (a signed 64-bit integer) that serialises admissions for one endpoint. */
export function rateLockId(endpoint: string): bigint {
  const digest = createHash("sha256").update(`alphaflow-rate-lock\n${endpoint}`).digest("hex");
  return BigInt.asIntN(64, BigInt(`0x${digest.slice(0, 16)}`));
}
