import type { Language } from "./language";

/**
 * Python runs on the fork-server path: the supervisor compiles the source once (a SyntaxError is the CE) and
 * forks a child per test that executes it in fresh __main__ globals.
 */
export const python3: Language = {
  id: "python3",
  label: "Python 3",
  memorySlackMb: 64,
  maxProcesses: 16,
  outOfMemoryPattern: /^MemoryError\b/m,
  prepare: async (code) => ({ ok: true, program: { config: { mode: "python", source: code }, mounts: [] } }),
};
