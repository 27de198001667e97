import type { StoredRunEvent } from "./events";

/** Called with the event when it was stored in this process, or with null when another process stored one. */
type Listener = (event: StoredRunEvent | null) => void;

/**
 * In-process wake-ups for subscribers. Only a hint: subscribers read the database, which also carries events
 * written by other processes. Kept on globalThis so every module instance of a Next.js server shares one.
 */
const registryKey = Symbol.for("alphaflow.runs.listeners");
const globalRegistry = globalThis as unknown as { [registryKey]?: Map<string, Set<Listener>> };

function listeners(): Map<string, Set<Listener>> {
  globalRegistry[registryKey] ??= new Map();
  return globalRegistry[registryKey];
}

export function publish(event: StoredRunEvent): void {
  const forRun = listeners().get(event.runId);
  if (!forRun) return;
  for (const listener of [...forRun]) listener(event);
}

/** A hint that another process (a worker on another machine) stored events of this run: read the database. */
export function wake(runId: string): void {
  const forRun = listeners().get(runId);
  if (!forRun) return;
  for (const listener of [...forRun]) listener(null);
}

/** Registers a listener for one run; the returned function removes it. */
export function listen(runId: string, listener: Listener): () => void {
  const all = listeners();
  let forRun = all.get(runId);
  if (!forRun) {
    forRun = new Set();
    all.set(runId, forRun);
  }
  forRun.add(listener);
  return () => {
    forRun.delete(listener);
    if (forRun.size === 0 && all.get(runId) === forRun) all.delete(runId);
  };
}

export function listenerCount(runId: string): number {
  return listeners().get(runId)?.size ?? 0;
}
