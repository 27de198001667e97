import { z } from "zod";
import type { TestCase } from "./schema";

/** CodeContests' shape: parallel lists of inputs and expected outputs (outputs optional). */
export const CodeContestsTestsSchema = z
  .object({
    input: z.array(z.string()),
    output: z.array(z.string()).optional(),
  })
  .refine((t) => !t.output || t.output.length === t.input.length, {
    message: "input and output must have the same number of entries",
  });

export function testsFromCodeContests(raw: unknown): TestCase[] {
  const parsed = CodeContestsTestsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a CodeContests tests object ({"input": [...], "output": [...]}): ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data.input.map((input, i) => ({ input, output: parsed.data.output?.[i] }));
}
