import type { DecisionView, ErrorView } from "./run-state";
import { StatusBadge } from "./status-badge";

type Entry = { seq: number; kind: "decision"; item: DecisionView } | { seq: number; kind: "error"; item: ErrorView };

/** The run's decisions ("reverted: broke public test 2") and errors, in the order they happened. */
export function RunLog({ decisions, errors }: { decisions: DecisionView[]; errors: ErrorView[] }) {
  const entries: Entry[] = [
    ...decisions.map((item) => ({ seq: item.seq, kind: "decision" as const, item })),
    ...errors.map((item) => ({ seq: item.seq, kind: "error" as const, item })),
  ].sort((a, b) => a.seq - b.seq);
  return (
    <ol className="space-y-1 text-sm" data-testid="decisions">
      {entries.map((entry) =>
        entry.kind === "decision" ? (
          <li key={entry.seq} className="flex flex-wrap items-center gap-2">
            <StatusBadge value={entry.item.outcome} />
            <span>{entry.item.reason}</span>
            {entry.item.nodeKey ? <span className="font-mono text-xs text-zinc-500">{entry.item.nodeKey}</span> : null}
          </li>
        ) : (
          <li key={entry.seq} className="flex flex-wrap items-center gap-2 text-rose-700 dark:text-rose-300">
            <StatusBadge value="error" label={entry.item.fatal ? "fatal error" : "error"} />
            <span>{entry.item.message}</span>
            {entry.item.nodeKey ? <span className="font-mono text-xs text-zinc-500">{entry.item.nodeKey}</span> : null}
          </li>
        ),
      )}
    </ol>
  );
}
