import { afterEach, describe, expect, it } from "vitest";
import { judge, JudgeInputError, SandboxUnavailableError, type TestRunResult } from "@/lib/judge";
import { findBwrap } from "@/lib/judge/sandbox/mode";

const SUM_PY = "a, b = map(int, input().split())\nprint(a + b)\n";
const SUM_CPP = "#include <cstdio>\nint main(){long long a,b;scanf(\"%lld %lld\",&a,&b);printf(\"%lld\\n\",a+b);}\n";
const tests = [
  { input: "1 2\n", output: "3\n" },
  { input: "20 22\n", output: "42\n" },
  { input: "5 5\n", output: "11\n" },
];

const savedSandbox = process.env.ALPHAFLOW_SANDBOX;
const savedBwrap = process.env.ALPHAFLOW_BWRAP;
afterEach(() => {
  for (const [key, value] of [
    ["ALPHAFLOW_SANDBOX", savedSandbox],
    ["ALPHAFLOW_BWRAP", savedBwrap],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("judge()", () => {
  it("judges Python per test, in order, with the first non-AC as the verdict", async () => {
    const seen: TestRunResult[] = [];
    const result = await judge({ language: "python3", code: SUM_PY, tests }, { onResult: (r) => seen.push(r) });
    expect(result.sandbox).toBe("bwrap");
    expect(result.verdict).toBe("WA");
    expect([result.passed, result.failed]).toEqual([2, 1]);
    expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "WA"]);
    expect(result.tests[2].message).toBe('token 1: expected "11", got "10"');
    expect(result.tests[0].comparator).toBe("tokens+float(0.00001)");
    expect(seen).toHaveLength(3);
    expect(result.tests[0].memoryKb).toBeGreaterThan(1000);
  });

  it("compiles C++ once and serves the second judge from the cache", async () => {
    const code = `${SUM_CPP}// ${Date.now()}\n`;
    const first = await judge({ language: "cpp", code, tests });
    expect(first.compile).toMatchObject({ ok: true, cached: false });
    expect(first.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "WA"]);
    const second = await judge({ language: "cpp", code, tests: tests.slice(0, 2) });
    expect(second.compile).toMatchObject({ ok: true, cached: true });
    expect(second.verdict).toBe("AC");
  });

  it("reports compile errors as CE with the compiler's message", async () => {
    const cpp = await judge({ language: "cpp", code: "int main( {", tests });
    expect(cpp.verdict).toBe("CE");
    expect(cpp.compile?.ok).toBe(false);
    expect(cpp.compile?.message).toMatch(/error/);
    expect(cpp.tests.every((t) => t.verdict === "CE")).toBe(true);
    const py = await judge({ language: "python3", code: "def f(:\n", tests });
    expect(py.verdict).toBe("CE");
    expect(py.compile?.message).toMatch(/SyntaxError/);
  });

  it("gives the fork-server child the std streams `python3 main.py` would have", async () => {
    const code = "import sys\nprint(sys.stdin.mode, sys.stdin.name, sys.stdout.mode, repr(sys.stdin.readline()), __name__)\n";
    const result = await judge({
      language: "python3",
      code,
      tests: [{ input: "ab\r\n", output: "r <stdin> w 'ab\\r\\n' __main__\n" }],
      comparator: { kind: "exact" },
    });
    expect(result.tests[0].stdout).toBe("r <stdin> w 'ab\\r\\n' __main__\n");
    expect(result.verdict).toBe("AC");
  });

  it("runs the contest idiom of deep recursion in a big-stack thread", async () => {
    const code = [
      "import sys, threading",
      "sys.setrecursionlimit(10**6)",
      "threading.stack_size(2**26)",
      "def depth(n):",
      "    return 0 if n == 0 else depth(n - 1) + 1",
      "def main():",
      "    print(depth(int(input())))",
      "threading.Thread(target=main).start()",
    ].join("\n");
    const result = await judge({ language: "python3", code, tests: [{ input: "50000\n", output: "50000\n" }] });
    expect(result.tests[0].stderr).toBe("");
    expect(result.verdict).toBe("AC");
  });

  it("RE carries the exit code", async () => {
    const result = await judge({ language: "python3", code: "import sys\nsys.exit(3)\n", tests: [{ input: "" }] });
    expect(result.tests[0]).toMatchObject({ verdict: "RE", exitCode: 3, message: "exit code 3" });
  });

  it("stops at the first failure when asked", async () => {
    // Test 0 fails at once; every other test takes 200 ms, so only a stop explains a short result list.
    const code = "import time\nn = int(input())\nif n:\n    time.sleep(0.2)\nprint(n)\n";
    const many = Array.from({ length: 20 }, (_, i) => ({ input: `${i}\n`, output: i === 0 ? "wrong" : `${i}\n` }));
    const result = await judge({ language: "python3", code, tests: many, stopOnFirstFailure: true });
    expect(result.verdict).toBe("WA");
    expect(result.tests[0].verdict).toBe("WA");
    expect(result.tests.length).toBeLessThan(6);
  });

  it("takes the tolerance from the statement", async () => {
    const code = "print(1/3)\n";
    const strict = await judge({
      language: "python3",
      code,
      tests: [{ input: "", output: "0.3334" }],
      problemStatement: "Your answer is correct if its absolute or relative error does not exceed 10^{-4}.",
    });
    expect(strict.comparator).toBe("tokens+float(0.0001)");
    expect(strict.verdict).toBe("AC");
    const defaultTolerance = await judge({ language: "python3", code, tests: [{ input: "", output: "0.3334" }] });
    expect(defaultTolerance.verdict).toBe("WA");
  });

  it("runs a checker program for problems with several valid answers", async () => {
    const checker =
      "import sys\nn = int(open(sys.argv[1]).read())\na, b = map(int, open(sys.argv[2]).read().split())\nsys.exit(0 if a + b == n else 1)\n";
    const result = await judge({
      language: "python3",
      code: "n = int(input())\nprint(1, n - 1)\n",
      tests: [
        { input: "10\n", output: "5 5\n" },
        { input: "7\n", output: "3 4\n" },
      ],
      comparator: { kind: "checker", language: "python3", code: checker },
    });
    expect(result.comparator).toBe("checker(python3)");
    expect(result.verdict).toBe("AC");
  });

  it("judges a run without expected output on the run alone", async () => {
    const result = await judge({ language: "python3", code: "print('hi')", tests: [{ input: "" }] });
    expect(result.tests[0]).toMatchObject({ verdict: "AC", checked: false, stdout: "hi\n" });
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = judge(
      { language: "python3", code: "import time\ntime.sleep(30)\n", tests: [{ input: "" }, { input: "" }], timeLimitMs: 10_000 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error("stop")), 300);
    await expect(pending).rejects.toThrow("stop");
  });

  it("rejects a malformed request with a clear error", async () => {
    await expect(judge({ language: "java" as "cpp", code: "", tests: [] })).rejects.toThrow(JudgeInputError);
    await expect(judge({ language: "python3", code: "", tests: [], timeLimitMs: 10 })).rejects.toThrow(/timeLimitMs/);
  });
});

describe("sandbox selection", () => {
  it("ALPHAFLOW_SANDBOX=none runs unsandboxed and says so in the result", async () => {
    process.env.ALPHAFLOW_SANDBOX = "none";
    const result = await judge({ language: "python3", code: SUM_PY, tests: tests.slice(0, 1) });
    expect(result.sandbox).toBe("none");
    expect(result.verdict).toBe("AC");
  });

  it("a missing bwrap is an error, not a silent fallback", async () => {
    delete process.env.ALPHAFLOW_SANDBOX;
    process.env.ALPHAFLOW_BWRAP = "/nonexistent/bwrap";
    await expect(judge({ language: "python3", code: SUM_PY, tests })).rejects.toThrow(SandboxUnavailableError);
    await expect(judge({ language: "python3", code: SUM_PY, tests })).rejects.toThrow(/ALPHAFLOW_SANDBOX=none/);
  });

  it("an unknown ALPHAFLOW_SANDBOX value is an error", async () => {
    process.env.ALPHAFLOW_SANDBOX = "docker";
    await expect(judge({ language: "python3", code: SUM_PY, tests })).rejects.toThrow(/must be "bwrap" or "none"/);
  });
});
