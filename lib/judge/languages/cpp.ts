import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sandboxUid } from "../sandbox/launch";
import { SandboxError, SandboxSession } from "../sandbox/session";
import { withSandboxRetries } from "../sandbox/retry";
import type { SandboxKind } from "../schema";
import type { CompileReport, Language, Preparation, PrepareContext } from "./language";

const FLAGS = ["-O2", "-std=c++17", "-pipe"];
const MAX_COMPILER_MESSAGE = 20_000;
const COMPILE_LIMITS = {
  cpuMs: 30_000,
  wallMs: 60_000,
  asBytes: 2048 << 20,
  stackBytes: 0,
  fsizeBytes: 256 << 20,
  nproc: 32,
  stdoutBytes: 1 << 20,
  stderrBytes: 1 << 20,
};

export function compilerPath(): string {
  const candidate = process.env.ALPHAFLOW_GXX ?? "/usr/bin/g++";
  try {
    return fs.realpathSync(candidate);
  } catch {
    throw new Error(`C++ needs g++ (looked for ${candidate}); install it or set ALPHAFLOW_GXX`);
  }
}

export function compileCacheRoot(): string {
  const root = process.env.ALPHAFLOW_COMPILE_CACHE ?? path.join(os.tmpdir(), "alphaflow-judge-cache", "cpp");
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  return root;
}

/** Same source, flags and compiler: same binary. The hash names the cache folder. */
export function sourceHash(code: string, compiler: string): string {
  return createHash("sha256").update(["cpp", compiler, ...FLAGS, code].join("\0")).digest("hex");
}

const inFlight = new Map<string, Promise<Preparation>>();
const BINARY_DIR = /^[0-9a-f]{64}$/;

/** Keeps the most recently used binaries (ALPHAFLOW_COMPILE_CACHE_MAX, default 1000); a dataset run compiles thousands. */
function pruneCompileCache(root: string, keep: string): void {
  const max = Number(process.env.ALPHAFLOW_COMPILE_CACHE_MAX ?? 1000);
  const entries = fs.readdirSync(root).filter((name) => BINARY_DIR.test(name));
  if (!Number.isFinite(max) || entries.length <= max) return;
  const byAge = entries
    .map((name) => {
      const dir = path.join(root, name);
      try {
        return { dir, used: fs.statSync(dir).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((e): e is { dir: string; used: number } => e !== null && e.dir !== keep)
    .sort((a, b) => a.used - b.used);
  for (const entry of byAge.slice(0, entries.length - max)) fs.rmSync(entry.dir, { recursive: true, force: true });
}
let pchDir: Promise<string | null> | null = null;

/**
 * Most contest programs start with <bits/stdc++.h>, whose parsing is ~3/4 of their compile time; a precompiled
 * copy (same compiler and flags) is built once per cache and offered with -I. GCC uses it only when valid
 * and otherwise reads the real header, so a failed build just means slower compiles.
 */
function precompiledHeaderDir(compiler: string, sandbox: SandboxKind): Promise<string | null> {
  pchDir ??= buildPrecompiledHeader(compiler, sandbox).catch(() => null);
  return pchDir;
}

function stdcxxHeader(compiler: string): string | null {
  const probe = spawnSync(compiler, [...FLAGS, "-H", "-E", "-x", "c++", "-o", "/dev/null", "-"], {
    input: "#include <bits/stdc++.h>\n",
    encoding: "utf8",
    timeout: 30_000,
  });
  const first = probe.stderr?.split("\n").find((line) => line.startsWith(". "));
  return first && first.endsWith("bits/stdc++.h") ? first.slice(2).trim() : null;
}

async function buildPrecompiledHeader(compiler: string, sandbox: SandboxKind): Promise<string | null> {
  const header = stdcxxHeader(compiler);
  if (!header) return null;
  const root = compileCacheRoot();
  const dir = path.join(root, `pch-${createHash("sha256").update([compiler, ...FLAGS, header].join("\0")).digest("hex").slice(0, 16)}`);
  if (fs.existsSync(path.join(dir, "bits", "stdc++.h.gch"))) return dir;
  const workDir = fs.mkdtempSync(path.join(root, "pch-build-"));
  try {
    fs.mkdirSync(path.join(workDir, "bits"));
    if (sandbox === "bwrap" && process.getuid?.() === 0) {
      for (const d of [workDir, path.join(workDir, "bits")]) fs.chownSync(d, sandboxUid(), sandboxUid());
    }
    const outcome = await runCompiler(workDir, sandbox, (build) => [
      compiler, ...FLAGS, "-x", "c++-header", "-o", `${build}/bits/stdc++.h.gch`, header,
    ], "bits/stdc++.h.gch");
    if (!outcome.ok) return null;
    fs.chmodSync(workDir, 0o755);
    try {
      fs.renameSync(workDir, dir);
    } catch {
      // Built concurrently by another process: the same header with the same flags.
    }
    return dir;
  } finally {
    if (fs.existsSync(workDir)) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export const cpp: Language = {
  id: "cpp",
  label: "C++17 (g++ -O2)",
  memorySlackMb: 16,
  maxProcesses: 16,
  outOfMemoryPattern: /std::bad_alloc|Cannot allocate memory/,
  prepare: (code, context) => {
    const compiler = compilerPath();
    const key = `${context.sandbox}:${sourceHash(code, compiler)}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = compileCached(code, compiler, context).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  },
};

function runnable(binDir: string, compile: CompileReport): Preparation {
  return {
    ok: true,
    program: {
      config: { mode: "exec", argv: (pathOf) => [`${pathOf("bin")}/main`] },
      mounts: [{ name: "bin", host: binDir }],
      compile,
    },
  };
}

async function compileCached(code: string, compiler: string, context: PrepareContext): Promise<Preparation> {
  const root = compileCacheRoot();
  const binDir = path.join(root, sourceHash(code, compiler));
  if (fs.existsSync(path.join(binDir, "main"))) {
    const now = new Date();
    fs.utimesSync(binDir, now, now);
    return runnable(binDir, { ok: true, message: "", cached: true });
  }

  const workDir = fs.mkdtempSync(path.join(root, "build-"));
  try {
    fs.writeFileSync(path.join(workDir, "main.cpp"), code);
    if (context.sandbox === "bwrap" && process.getuid?.() === 0) fs.chownSync(workDir, sandboxUid(), sandboxUid());
    const pch = await precompiledHeaderDir(compiler, context.sandbox);
    const outcome = await withSandboxRetries(
      () =>
        runCompiler(
          workDir,
          context.sandbox,
          (build, pchPath) => [compiler, ...FLAGS, ...(pchPath ? ["-I", pchPath] : []), "-o", `${build}/main`, `${build}/main.cpp`],
          "main",
          pch,
        ),
      context.signal,
    );
    const message = outcome.message.slice(0, MAX_COMPILER_MESSAGE);
    if (!outcome.ok) return { ok: false, compile: { ok: false, message, cached: false } };
    fs.chmodSync(workDir, 0o755);
    try {
      fs.renameSync(workDir, binDir);
    } catch {
      // Another process cached the same source first; its binary is the same program.
      fs.rmSync(workDir, { recursive: true, force: true });
    }
    pruneCompileCache(root, binDir);
    return runnable(binDir, { ok: true, message, cached: false });
  } finally {
    if (fs.existsSync(workDir)) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function runCompiler(
  workDir: string,
  sandbox: SandboxKind,
  argv: (build: string, pch: string | null) => string[],
  product: string,
  pch: string | null = null,
): Promise<{ ok: boolean; message: string }> {
  const mounts = [{ name: "build", host: workDir, writable: true }];
  if (pch) mounts.push({ name: "pch", host: pch, writable: false });
  const session = new SandboxSession(sandbox, mounts);
  try {
    await session.start({ mode: "exec", argv: (pathOf) => argv(pathOf("build"), pch ? pathOf("pch") : null) });
    const run = await session.run({ stdin: Buffer.alloc(0), limits: COMPILE_LIMITS });
    const message = `${run.stdout.toString("utf8")}${run.stderr.toString("utf8")}`;
    if (run.execErrno !== null) throw new SandboxError(`cannot start the compiler (errno ${run.execErrno})`);
    if (run.status === "wall" || (run.signal !== null && run.cpuMs >= COMPILE_LIMITS.cpuMs)) {
      return { ok: false, message: `compilation exceeded its time limit\n${message}` };
    }
    const ok = run.status === "exited" && run.exitCode === 0 && fs.existsSync(path.join(workDir, product));
    return { ok, message: ok ? message : message || `compiler failed (${run.status}, exit ${run.exitCode ?? run.signal})` };
  } finally {
    await session.close();
  }
}
