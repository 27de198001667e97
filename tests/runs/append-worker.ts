// Spawned by tests as a second OS process writing to the same run: its publishes cannot reach the test process,
// so whatever the test sees of these events came through the database.
import { createDb } from "@/lib/db/client";
import { appendEvent } from "@/lib/runs/event-store";

const [url, runId, count, label, mode = "concurrent"] = process.argv.slice(2);
const db = createDb(url);
const append = (i: number) => appendEvent(db, runId, { type: "decision", outcome: "kept", reason: `${label}${i}` });
if (mode === "sequential-then-finish") {
  for (let i = 0; i < Number(count); i++) await append(i);
  await appendEvent(db, runId, {
    type: "run_finished",
    status: "succeeded",
    totals: { llmCalls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, wallMs: 0 },
  });
} else {
  await Promise.all(Array.from({ length: Number(count) }, (_, i) => append(i)));
}
await db.$disconnect();
