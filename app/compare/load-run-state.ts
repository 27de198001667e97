import type { Db } from "@/lib/db/client";
import { listEvents } from "@/lib/runs/event-store";
import { applyRunEvents, initialRunViewState, type RunViewState } from "@/components/run/run-state";

/** A run's whole event log folded by the same reducer the live page uses, so both pages agree. */
export async function loadRunState(db: Db, runId: string): Promise<RunViewState> {
  let state = initialRunViewState();
  for (;;) {
    const page = await listEvents(db, runId, state.lastSeq);
    if (page.length === 0) return state;
    state = applyRunEvents(state, page);
  }
}
