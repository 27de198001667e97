import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "@/lib/db/url";
import type { SandboxKind } from "../schema";
import { findBwrap } from "./mode";
import { pythonInterpreter } from "./python-path";

/** A host file or folder the program may see, at /judge/<name> inside the sandbox. */
export interface Mount {
  name: string;
  host: string;
  writable?: boolean;
}

export interface LaunchPlan {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Where a mount appears to the supervised program. */
  pathOf: (name: string) => string;
  cleanup: () => void;
}

/** Found through the project root first: bundlers (Next) move this module but not its Python neighbour. */
export function supervisorPath(): string {
  const candidates = [path.join(projectRoot(), "lib", "judge", "sandbox", "supervisor.py")];
  if (import.meta.dirname) candidates.push(path.join(import.meta.dirname, "supervisor.py"));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`the judge supervisor is missing (looked in ${candidates.join(", ")})`);
  return found;
}

/** Root may not run untrusted code as itself: inside a user namespace a mapped uid 0 still owns root's files. */
export function sandboxUid(): number {
  const fromEnv = Number(process.env.ALPHAFLOW_SANDBOX_UID);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 65534;
}

const SYSTEM_DIRS = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
const SCRUBBED_ENV = { PATH: "/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", PYTHONHASHSEED: "0" };

/** The supervisor inside a sandbox (or bare, with the explicit opt-out). */
export function launchPlan(kind: SandboxKind, mounts: Mount[]): LaunchPlan {
  const python = pythonInterpreter().executable;
  return kind === "bwrap"
    ? bwrapPlan(mounts, [python, "-I", "-B", "/judge/supervisor.py"])
    : unsandboxedPlan(mounts);
}

/**
 * Any command in the same sandbox, started directly instead of under the supervisor. The judge does not use
 * it (it has no per-test limits); the benchmark measures what one sandbox per test would cost.
 */
export function sandboxedCommand(mounts: Mount[], argv: string[]): LaunchPlan {
  return bwrapPlan(mounts, argv);
}

function bwrapPlan(mounts: Mount[], entry: string[]): LaunchPlan {
  const bwrap = findBwrap();
  if (!bwrap) throw new Error("bwrap disappeared");
  const python = pythonInterpreter();
  const args = [
    "--unshare-all",
    "--info-fd",
    "3",
    "--die-with-parent",
    "--new-session",
    "--as-pid-1",
    "--cap-drop",
    "ALL",
    "--clearenv",
    ...Object.entries({ ...SCRUBBED_ENV, HOME: "/tmp" }).flatMap(([k, v]) => ["--setenv", k, v]),
    ...python.roots.flatMap((root) => ["--ro-bind", root, root]),
    ...systemDirArgs(),
    "--ro-bind-try",
    "/etc/ld.so.cache",
    "/etc/ld.so.cache",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
    "--ro-bind",
    supervisorPath(),
    "/judge/supervisor.py",
    ...mounts.flatMap((m) => [m.writable ? "--bind" : "--ro-bind", m.host, `/judge/${m.name}`]),
    // The root is bwrap's own tmpfs; once the mount points exist it becomes read-only, leaving /tmp writable.
    "--remount-ro",
    "/",
    "--chdir",
    "/tmp",
    ...entry,
  ];
  const asRoot = process.getuid?.() === 0;
  const uid = String(sandboxUid());
  return {
    command: asRoot ? "setpriv" : bwrap,
    args: asRoot
      ? ["--reuid", uid, "--regid", uid, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--", bwrap, ...args]
      : args,
    env: { ...SCRUBBED_ENV },
    pathOf: (name) => `/judge/${name}`,
    cleanup: () => {},
  };
}

function systemDirArgs(): string[] {
  const args: string[] = [];
  for (const dir of SYSTEM_DIRS) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(dir), dir);
    else if (stat.isDirectory()) args.push("--ro-bind", dir, dir);
  }
  return args;
}

/** The explicit opt-out: same supervisor and limits, no isolation. Results carry sandbox "none". */
function unsandboxedPlan(mounts: Mount[]): LaunchPlan {
  const python = pythonInterpreter();
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), "alphaflow-unsandboxed-"));
  const byName = new Map(mounts.map((m) => [m.name, m.host]));
  return {
    command: python.executable,
    args: ["-I", "-B", supervisorPath()],
    env: { ...SCRUBBED_ENV, HOME: workRoot, ALPHAFLOW_WORK_ROOT: workRoot },
    pathOf: (name) => {
      const host = byName.get(name);
      if (!host) throw new Error(`no mount named ${name}`);
      return host;
    },
    cleanup: () => fs.rmSync(workRoot, { recursive: true, force: true }),
  };
}
