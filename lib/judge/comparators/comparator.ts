export type Comparison = { ok: true } | { ok: false; message: string };

/** Decides whether a program's output answers a test. `name` is stored with every result it judged. */
export interface Comparator {
  name: string;
  compare(expected: string, actual: string, input: string): Comparison | Promise<Comparison>;
}

export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
