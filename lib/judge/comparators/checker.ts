import { languageFor } from "../languages/registry";
import type { PreparedProgram } from "../languages/language";
import { withSandboxRetries } from "../sandbox/retry";
import { SandboxError, SandboxSession } from "../sandbox/session";
import type { CheckerSpec, SandboxKind } from "../schema";
import { clip, type Comparator, type Comparison } from "./comparator";

const CHECKER_LIMITS = {
  cpuMs: 10_000,
  wallMs: 30_000,
  asBytes: 1024 << 20,
  stackBytes: 256 << 20,
  fsizeBytes: 64 << 20,
  nproc: 8,
  stdoutBytes: 1 << 20,
  stderrBytes: 1 << 20,
};

export class CheckerCompileError extends Error {}

export interface CheckerComparator extends Comparator {
  close(): Promise<void>;
}

/**
 * A testlib-style checker for problems with several valid answers: it runs in the sandbox with the files
 * `input`, `output` (the program's) and `answer` (the expected one) and accepts with exit code 0.
 */
export async function createCheckerComparator(spec: CheckerSpec, sandbox: SandboxKind): Promise<CheckerComparator> {
  const preparation = await languageFor(spec.language).prepare(spec.code, { sandbox });
  if (!preparation.ok) throw new CheckerCompileError(`the checker does not compile: ${preparation.compile.message}`);
  const program: PreparedProgram = preparation.program;
  const idle: SandboxSession[] = [];
  const all: SandboxSession[] = [];

  async function session(): Promise<SandboxSession> {
    const reusable = idle.pop();
    if (reusable?.alive) return reusable;
    const fresh = new SandboxSession(sandbox, program.mounts);
    all.push(fresh);
    const started = await fresh.start(program.config);
    if (!started.ok) throw new CheckerCompileError(`the checker does not compile: ${started.compileError}`);
    return fresh;
  }

  async function check(expected: string, actual: string, input: string): Promise<Comparison> {
    const current = await session();
    try {
      const run = await current.run({
        stdin: Buffer.alloc(0),
        limits: CHECKER_LIMITS,
        args: ["input", "output", "answer"],
        files: { input: Buffer.from(input), output: Buffer.from(actual), answer: Buffer.from(expected) },
      });
      idle.push(current);
      if (run.status === "exited" && run.exitCode === 0) return { ok: true };
      if (run.status !== "exited") throw new SandboxError(`the checker itself failed (${run.status})`);
      const said = `${run.stdout.toString("utf8")} ${run.stderr.toString("utf8")}`.trim();
      return { ok: false, message: `checker rejected the output${said ? `: ${clip(said, 200)}` : ""}` };
    } catch (error) {
      await current.close();
      throw error;
    }
  }

  return {
    name: `checker(${spec.language})`,
    compare: (expected, actual, input) => withSandboxRetries(() => check(expected, actual, input)),
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}
