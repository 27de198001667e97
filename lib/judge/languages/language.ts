import type { LanguageId, SandboxKind } from "../schema";
import type { Mount } from "../sandbox/launch";
import type { ProgramConfig } from "../sandbox/session";

export interface CompileReport {
  ok: boolean;
  message: string;
  cached: boolean;
}

/** A program ready to run: how the supervisor starts it and which host files it needs to see. */
export interface PreparedProgram {
  config: ProgramConfig;
  mounts: Mount[];
  compile?: CompileReport;
}

export type Preparation = { ok: true; program: PreparedProgram } | { ok: false; compile: CompileReport };

export interface PrepareContext {
  sandbox: SandboxKind;
  signal?: AbortSignal;
}

/** Adding a language (Java, PyPy) means one file implementing this and one line in registry.ts. */
export interface Language {
  id: LanguageId;
  label: string;
  /** Address space allowed beyond the memory limit: the runtime's own mappings, not the program's data. */
  memorySlackMb: number;
  /** Processes and threads per test: enough for a solution that starts a worker thread, too few for a bomb. */
  maxProcesses: number;
  /** Signs in stderr that an allocation failed against the limit, so the crash is MLE rather than RE. */
  outOfMemoryPattern: RegExp;
  prepare(code: string, context: PrepareContext): Promise<Preparation>;
}
