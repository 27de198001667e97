// Runs once when the Next.js server starts. Runs left `running` by a process that died (crash, kill, reboot) are
// marked interrupted so their pages offer Resume; the sweep repeats because a CLI run elsewhere may die later.
const SWEEP_EVERY_MS = 60_000;

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { db } = await import("@/lib/db/client");
  const { markInterruptedRuns } = await import("@/lib/runs/executor");
  const sweep = () =>
    markInterruptedRuns(db()).catch((error: unknown) => console.error("alphaflow: interrupted-run sweep failed:", error));
  await sweep();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
}
