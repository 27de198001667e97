import { Vector } from "apache-arrow";

/**
 * Arrow rows hold Vectors for lists, row proxies for structs, bigint for 64-bit integers and typed arrays for
 * primitive lists; the row schema wants plain JSON values.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Vector) return Array.from(value as Iterable<unknown>, plainValue);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value instanceof Date) return value.toISOString();
  const record = typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): object }).toJSON() : value;
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, plainValue(v)]));
}
