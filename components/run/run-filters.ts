import { z } from "zod";
import { runStatusSchema } from "@/lib/runs/events";

const day = z.iso.date();
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

/** The runs page's query string: every filter optional, bad values rejected with a message rather than ignored. */
export const runFiltersSchema = z.object({
  problem: optional(z.string().trim().max(200)),
  model: optional(z.string().trim().max(200)),
  status: optional(runStatusSchema),
  from: optional(day),
  to: optional(day),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});
export type RunFilters = z.infer<typeof runFiltersSchema>;

export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}
