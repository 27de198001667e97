import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface PythonInterpreter {
  executable: string;
  /** Folders the sandbox must bind so the interpreter finds its standard library. */
  roots: string[];
}

let resolved: PythonInterpreter | null = null;

/**
 * A version-manager shim (pyenv) costs ~80 ms per start, so the real interpreter is resolved once:
 * ALPHAFLOW_PYTHON, else the system /usr/bin/python3, else whatever `python3` on PATH really runs.
 */
export function pythonInterpreter(): PythonInterpreter {
  if (resolved) return resolved;
  const candidates = [process.env.ALPHAFLOW_PYTHON, "/usr/bin/python3"].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) {
      resolved = describe(candidate);
      return resolved;
    }
  }
  resolved = describe("python3");
  return resolved;
}

function describe(command: string): PythonInterpreter {
  let output: string;
  try {
    output = execFileSync(command, ["-c", "import sys; print(sys.executable); print(sys.base_prefix)"], {
      encoding: "utf8",
      timeout: 10_000,
    });
  } catch (error) {
    throw new Error(`no usable Python 3 interpreter (${command}): ${(error as Error).message.split("\n")[0]}`);
  }
  const [executable, prefix] = output.trim().split("\n");
  const real = fs.realpathSync(executable);
  const roots = real.startsWith("/usr/") ? ["/usr"] : ["/usr", path.resolve(prefix), path.dirname(real)];
  return { executable: real, roots: [...new Set(roots)] };
}
