import { judgeTimed, type NodeContext } from "./context";
import { memoryLimitMb, timeLimitMs } from "./testing";

/** Compiles the program text it reads from stdin and runs nothing: a syntax check inside the sandbox. */
const PYTHON_SYNTAX_CHECKER = [
  "import sys",
  "source = sys.stdin.read()",
  "try:",
  "    compile(source, 'solution.py', 'exec')",
  "except SyntaxError as error:",
  "    print(f'line {error.lineno}: {error.msg}: {(error.text or \"\").strip()}')",
  "    sys.exit(1)",
].join("\n");

/**
 * Null when the program compiles, else the compiler's message. With public tests, the program is judged on them:
 * the judge compiles it first (py_compile / g++) and runs nothing when that fails, and a successful judgement is
 * kept for the evaluation that follows. Without public tests, Python is compiled in the sandbox without being run
 * and C++ goes through the judge's compile step (a run with no tests).
 */
export async function syntaxError(ctx: NodeContext, code: string): Promise<string | null> {
  const tests = ctx.problem.publicTests;
  if (tests.length > 0) {
    const result = await judgeTimed(
      ctx,
      { language: ctx.config.language, code, tests, timeLimitMs: timeLimitMs(ctx), memoryLimitMb: memoryLimitMb(ctx), problemStatement: ctx.problem.description },
      { signal: ctx.signal },
    );
    if (result.compile && !result.compile.ok) return result.compile.message.trim().slice(0, 2000) || "compilation failed";
    ctx.publicJudgements.set(code, result);
    return null;
  }
  if (ctx.config.language === "python3") {
    const result = await judgeTimed(
      ctx,
      { language: "python3", code: PYTHON_SYNTAX_CHECKER, tests: [{ input: code }], timeLimitMs: 10_000 },
      { signal: ctx.signal },
    );
    const run = result.tests[0];
    if (!run) return `syntax check did not run (${result.verdict})`;
    if (run.exitCode === 0 && run.verdict === "AC") return null;
    return (run.stdout.trim() || run.stderr.trim() || `syntax check failed (${run.verdict})`).slice(0, 1000);
  }
  const result = await judgeTimed(ctx, { language: "cpp", code, tests: [] }, { signal: ctx.signal });
  return result.compile && !result.compile.ok ? result.compile.message.slice(0, 2000) : null;
}
