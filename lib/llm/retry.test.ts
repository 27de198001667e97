import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, classifyError, parseRetryAfter } from "./retry";

const httpError = (status: number, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message: `provider says ${status}` } }, undefined, new Headers(headers));

describe("retry policy", () => {
  it.each([408, 409, 429, 500, 502, 503])("retries HTTP %i", (status) => {
    expect(classifyError(httpError(status)).retryable).toBe(true);
  });

  it.each([400, 401, 403, 404, 422])("does not retry HTTP %i", (status) => {
    const error = classifyError(httpError(status));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(`provider says ${status}`);
  });

  it("retries dropped connections and malformed streams, not user aborts", () => {
    expect(classifyError(new APIConnectionError({ message: "x" })).kind).toBe("connection");
    expect(classifyError(new SyntaxError("Unexpected token <")).kind).toBe("bad_response");
    expect(classifyError(new TypeError("terminated"))).toMatchObject({ kind: "stream_cut", retryable: true });
    expect(classifyError(new APIUserAbortError())).toMatchObject({ kind: "aborted", retryable: false });
  });

  it("reads Retry-After as ms, seconds or a date", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250" }))).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({}))).toBeUndefined();
    expect(classifyError(httpError(429, { "retry-after": "7" })).retryAfterMs).toBe(7000);
  });

  it("backs off exponentially with jitter, capped", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(0, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(0, policy, () => 1)).toBe(100);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(800);
    expect(backoffDelayMs(10, policy, () => 1)).toBe(1000);
  });
});
