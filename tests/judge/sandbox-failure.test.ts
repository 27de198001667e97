import { describe, expect, it } from "vitest";
import { runBatch } from "@/lib/judge/batch";
import { unrunResult } from "@/lib/judge/classify";
import { python3 } from "@/lib/judge/languages/python3";
import { runLimits } from "@/lib/judge/limits";
import { SANDBOX_ATTEMPTS } from "@/lib/judge/sandbox/retry";
import { findBwrap } from "@/lib/judge/sandbox/mode";

describe.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("sandbox failures", () => {
  it("are retried, then reported as SE instead of blaming the program", async () => {
    let attempts = 0;
    const results = await runBatch({
      sandbox: "bwrap",
      // A binary that is not in the sandbox: exec fails inside it, every time.
      program: { config: { mode: "exec", argv: () => ["/judge/missing/program"] }, mounts: [] },
      count: 2,
      request: () => {
        attempts++;
        return { stdin: Buffer.alloc(0), limits: runLimits(python3, 1000, 64) };
      },
      settle: async () => {
        throw new Error("a failed sandbox must not be judged as a program run");
      },
      sandboxFailure: (index, error) => unrunResult(index, "SE", "tokens", error.message),
      stopOnFirstFailure: false,
    });
    expect(results.map((r) => r?.verdict)).toEqual(["SE", "SE"]);
    expect(results[0]?.message).toMatch(/cannot execute the program in the sandbox \(errno 2\)/);
    expect(attempts).toBe(2 * SANDBOX_ATTEMPTS);
  });
});
