import { describe, expect, it } from "vitest";
import * as route from "@/app/api/sandbox/route";
import { handleSandboxRequest } from "@/lib/judge/http/sandbox-endpoint";
import { findBwrap } from "@/lib/judge/sandbox/mode";

const body = {
  language: "python3",
  code: "print(int(input()) * 2)",
  tests: [
    { input: "21\n", output: "42\n" },
    { input: "1\n", output: "3\n" },
  ],
  timeLimitMs: 2000,
};

function post(payload: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1:3000/api/sandbox", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "127.0.0.1", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

const loopbackEnv = { HOST: "127.0.0.1" };

describe("POST /api/sandbox", () => {
  it("runs on the Node.js runtime", () => {
    expect(route.runtime).toBe("nodejs");
    expect(typeof route.POST).toBe("function");
  });

  it.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("answers a loopback client with the judge result", async () => {
    const response = await route.POST(post(body));
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ verdict: "WA", passed: 1, failed: 1, sandbox: "bwrap" });
    expect(result.tests[0]).toMatchObject({ index: 0, verdict: "AC", stdout: "42\n" });
  });

  it("refuses non-loopback clients without a token", async () => {
    const response = await handleSandboxRequest(post(body, { "x-forwarded-for": "203.0.113.9" }), loopbackEnv);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/loopback/);
  });

  it("does not trust a forged loopback X-Forwarded-For when the server listens publicly", async () => {
    const response = await handleSandboxRequest(post(body), { HOST: "0.0.0.0" });
    expect(response.status).toBe(403);
  });

  it("accepts a remote client with the configured Bearer token and rejects a wrong one", async () => {
    const env = { HOST: "0.0.0.0", ALPHAFLOW_ACCESS_TOKEN: "s3cret" };
    const wrong = await handleSandboxRequest(post(body, { "x-forwarded-for": "203.0.113.9", authorization: "Bearer nope" }), env);
    expect(wrong.status).toBe(401);
    const missing = await handleSandboxRequest(post(body, { "x-forwarded-for": "203.0.113.9" }), env);
    expect(missing.status).toBe(403);
    const invalid = await handleSandboxRequest(
      post({ ...body, language: "cobol" }, { "x-forwarded-for": "203.0.113.9", authorization: "Bearer s3cret" }),
      env,
    );
    expect(invalid.status).toBe(400);
  });

  it("rejects oversized bodies with 413, declared or streamed", async () => {
    const env = { ...loopbackEnv, ALPHAFLOW_SANDBOX_MAX_BODY_MB: "0.01" };
    const big = JSON.stringify({ ...body, code: "#".repeat(20_000) });
    const declared = await handleSandboxRequest(post(big, { "content-length": String(big.length) }), env);
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await handleSandboxRequest(
      new Request("http://127.0.0.1/api/sandbox", { method: "POST", body: stream, duplex: "half" } as RequestInit),
      env,
    );
    expect(streamed.status).toBe(413);
  });

  it("answers bad JSON and invalid bodies with 400 and a reason", async () => {
    const notJson = await handleSandboxRequest(post("{nope"), loopbackEnv);
    expect(notJson.status).toBe(400);
    const noTests = await handleSandboxRequest(post({ ...body, tests: [] }), loopbackEnv);
    expect(noTests.status).toBe(400);
    expect((await noTests.json()).error).toMatch(/^tests: /);
    const badLimit = await handleSandboxRequest(post({ ...body, timeLimitMs: 10 ** 9 }), loopbackEnv);
    expect((await badLimit.json()).error).toMatch(/timeLimitMs/);
  });
});
