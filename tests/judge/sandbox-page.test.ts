import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JudgeResultView } from "@/components/sandbox/judge-result-view";
import { SandboxWorkbench } from "@/components/sandbox/sandbox-workbench";
import type { JudgeResult } from "@/lib/judge/schema";

describe("/sandbox page components", () => {
  it("renders the editor with a language picker, tests and a Run button", () => {
    const html = renderToString(createElement(SandboxWorkbench, { status: { kind: "bwrap" } }));
    expect(html).toContain("Sandbox");
    expect(html).toContain("Python 3");
    expect(html).toContain("C++17 (g++ -O2)");
    expect(html).toContain("Expected output");
    expect(html).toMatch(/>Run</);
  });

  it("flags an unsandboxed judge loudly", () => {
    const html = renderToString(createElement(SandboxWorkbench, { status: { kind: "none" } }));
    expect(html).toContain("ALPHAFLOW_SANDBOX=none");
  });

  it("shows per-test verdicts and the expected-vs-actual diff of the first failure", () => {
    const test = (index: number, verdict: "AC" | "WA", stdout: string) => ({
      index,
      verdict,
      timeMs: 3,
      wallMs: 5,
      memoryKb: 9000,
      stdout,
      stderr: "",
      stdoutTruncated: false,
      exitCode: 0,
      signal: null,
      comparator: "tokens+float(0.00001)",
      checked: true,
    });
    const result: JudgeResult = {
      verdict: "WA",
      passed: 1,
      failed: 1,
      sandbox: "bwrap",
      comparator: "tokens+float(0.00001)",
      language: "python3",
      timeLimitMs: 2000,
      memoryLimitMb: 256,
      compile: { ok: true, message: "", cached: false },
      tests: [test(0, "AC", "3\n"), { ...test(1, "WA", "41\n"), message: 'token 1: expected "42", got "41"' }],
    };
    const html = renderToString(
      createElement(JudgeResultView, {
        result,
        tests: [
          { id: 1, input: "1 2", output: "3\n" },
          { id: 2, input: "20 22", output: "42\n" },
        ],
      }),
    );
    expect(html).toContain("wrong answer");
    expect(html).toContain("token 1: expected &quot;42&quot;, got &quot;41&quot;");
    expect(html).toContain("Expected (−) vs actual (+)");
    expect(html).toMatch(/−<\/span>42/);
    expect(html).toMatch(/\+<\/span>41/);
  });
});
