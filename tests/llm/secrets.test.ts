import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmError, redactSecrets } from "@/lib/llm";
import { startHarness, TEST_API_KEY, userMessage, type Harness } from "./harness";

describe("the API key never leaves the gateway", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({});
  });
  afterAll(() => h.close());

  it("is scrubbed from errors, retry notices, logs and every stored row even when the provider echoes it", async () => {
    const logs: string[] = [];
    const notices: string[] = [];
    h.mock.setScript({
      stages: {
        reflect: [
          { fault: "server_error", message: `proxy failure for key ${TEST_API_KEY}` },
          { fault: "unauthorized" },
        ],
      },
    });
    const runId = await h.createRun();
    const error = await h
      .gateway({}, (line) => logs.push(line))
      .complete({ stage: "reflect", messages: userMessage("p"), runId, onRetry: (r) => notices.push(r.reason) })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmError);
    const llmError = error as LlmError;
    expect(llmError.status).toBe(401);
    expect(llmError.message).toContain("Incorrect API key provided: [redacted]");
    // The SDK put the key into the mock's 401 body; the scrubbed message must be what the caller and the DB see.
    expect(h.mock.chatRequests().map((r) => r.answered)).toEqual(["server_error", "unauthorized"]);

    const everything = JSON.stringify({
      message: llmError.message,
      stack: llmError.stack,
      inspected: inspect(llmError, { depth: 10 }),
      logs,
      notices,
      calls: await h.db.llmCall.findMany(),
      cache: await h.db.llmCacheEntry.findMany(),
    });
    expect(logs.length).toBeGreaterThan(0);
    expect(notices.length).toBe(1);
    expect(everything).not.toContain(TEST_API_KEY);
    expect(everything).not.toContain(TEST_API_KEY.slice(3, 20));
    expect(everything).toContain("[redacted]");
  });

  it("never records the key the mock received in its request log", async () => {
    h.mock.setScript({ stages: { default: [{ content: "ok" }] } });
    await h.gateway().complete({ stage: "baseline", messages: userMessage("q"), cache: false });
    const [req] = h.mock.chatRequests();
    expect(req.headers.authorization).toBe("[present]");
    expect(JSON.stringify(h.mock.requests)).not.toContain(TEST_API_KEY);
  });

  it("redacts keys it was not told about when they look like keys", () => {
    expect(redactSecrets("Authorization: Bearer abcdefghijklmnop", [])).toBe("Authorization: [redacted]");
    expect(redactSecrets("bad key sk-proj-AAAABBBBCCCC", [])).toBe("bad key [redacted]");
    expect(redactSecrets("nothing secret here", ["hunter2-long"])).toBe("nothing secret here");
  });
});
