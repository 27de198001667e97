import { z } from "zod";

/** Limits the supervisor applies to each test's child process (see supervisor.py set_limits). */
export const RunLimitsSchema = z.object({
  cpuMs: z.number().int().positive(),
  wallMs: z.number().int().positive(),
  asBytes: z.number().int().nonnegative(),
  stackBytes: z.number().int().nonnegative(),
  fsizeBytes: z.number().int().positive(),
  nproc: z.number().int().nonnegative(),
  stdoutBytes: z.number().int().positive(),
  stderrBytes: z.number().int().positive(),
});
export type RunLimits = z.infer<typeof RunLimitsSchema>;

export const SupervisorReplySchema = z.object({
  status: z.enum(["exited", "signaled", "wall", "ole"]),
  exitCode: z.number().int().nullable(),
  signal: z.number().int().nullable(),
  cpuMs: z.number(),
  wallMs: z.number(),
  maxrssKb: z.number(),
  overflow: z.enum(["stdout", "stderr"]).nullable(),
  execErrno: z.number().int().nullable(),
});
export type SupervisorReply = z.infer<typeof SupervisorReplySchema>;
