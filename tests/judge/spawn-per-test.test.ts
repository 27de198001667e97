import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { python3 } from "@/lib/judge/languages/python3";
import { runLimits } from "@/lib/judge/limits";
import { findBwrap } from "@/lib/judge/sandbox/mode";
import { pythonInterpreter } from "@/lib/judge/sandbox/python-path";
import { SandboxSession } from "@/lib/judge/sandbox/session";

/**
 * The path bench:judge measures as (b'): one sandbox per program whose supervisor spawns a fresh interpreter per
 * test (exec mode, what languages that cannot fork-serve use). Each test must be a new process under the
 * judge's per-test limits, and one test's fate must not reach the next.
 */
const PROGRAM = [
  "import os, sys",
  "line = sys.stdin.readline().strip()",
  "if line == 'spin':",
  "    while True: pass",
  "marker = '/tmp/seen'",
  "print(line, os.path.exists(marker), sys.flags.dont_write_bytecode)",
  "open(marker, 'w').close()",
].join("\n");

let dir = "";
let session: SandboxSession;
const limits = runLimits(python3, 1000, 256);

beforeAll(async () => {
  if (!findBwrap()) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-spawn-"));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, "main.py"), PROGRAM, { mode: 0o644 });
  session = new SandboxSession("bwrap", [{ name: "code", host: dir }]);
  const python = pythonInterpreter().executable;
  const started = await session.start({ mode: "exec", argv: (pathOf) => [python, "-B", `${pathOf("code")}/main.py`] });
  expect(started).toEqual({ ok: true });
});

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const run = (stdin: string) => session.run({ stdin: Buffer.from(stdin), limits });

describe.skipIf(!findBwrap() && "skipped: bubblewrap is not installed")("one sandbox, a python3 spawned per test", () => {
  it("starts each test as a fresh `python3 -B main.py` that sees nothing of the previous one", async () => {
    const first = await run("one\n");
    const second = await run("two\n");
    expect([first.status, first.exitCode, first.stdout.toString()]).toEqual(["exited", 0, "one False 1\n"]);
    expect(second.stdout.toString()).toBe("two False 1\n");
  });

  it("applies the per-test CPU limit to the spawned interpreter, and the next test still runs", async () => {
    const spun = await run("spin\n");
    expect(spun.signal).toBe(os.constants.signals.SIGXCPU);
    expect(spun.cpuMs).toBeGreaterThanOrEqual(900);
    const after = await run("after\n");
    expect(after.stdout.toString()).toBe("after False 1\n");
  });
});
