import os from "node:os";

/** The first name listed wins, so 6 is SIGABRT rather than its alias SIGIOT. */
const NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(os.constants.signals)) {
  if (!NAMES.has(number)) NAMES.set(number, name);
}

export function signalName(signal: number): string {
  return NAMES.get(signal) ?? `signal ${signal}`;
}
