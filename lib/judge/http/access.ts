import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { Env } from "../env";

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; message: string };

export function isLoopbackAddress(address: string): boolean {
  const bare = address.trim().replace(/^\[|\]$/g, "").replace(/^::ffff:/i, "");
  if (bare === "localhost" || bare === "::1") return true;
  return isIP(bare) === 4 && bare.startsWith("127.");
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who may run code here. A valid `Authorization: Bearer <ALPHAFLOW_ACCESS_TOKEN>` always may. Without it, only
 * a loopback client of a server bound to loopback: the client address comes from X-Forwarded-For, which a
 * client can forge, so it is trusted only when the socket itself can only be reached from this machine.
 */
export function sandboxAccess(headers: Headers, env: Env = process.env): AccessDecision {
  const token = env.ALPHAFLOW_ACCESS_TOKEN?.trim();
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (token && bearer) {
    return sameSecret(bearer, token) ? { ok: true } : { ok: false, status: 401, message: "invalid access token" };
  }
  const boundToLoopback = isLoopbackAddress(env.HOST?.trim() || "127.0.0.1");
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").filter((a) => a.trim() !== "");
  const clientIsLocal = forwarded.every(isLoopbackAddress);
  if (boundToLoopback && clientIsLocal) return { ok: true };
  return {
    ok: false,
    status: 403,
    message: token
      ? "the sandbox needs Authorization: Bearer <ALPHAFLOW_ACCESS_TOKEN> from non-loopback clients"
      : "the sandbox only answers loopback clients; set ALPHAFLOW_ACCESS_TOKEN to allow others with a Bearer token",
  };
}
