import type { GroupRate } from "@/lib/datasets/report-schema";

/** Solve rate per group (difficulty or tag), with the counts behind each rate. */
export function GroupRates({ groups, tag }: { groups: GroupRate[]; tag: string }) {
  return (
    <div>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th className="py-1">group</th>
            <th>solved</th>
            <th className="w-1/2">rate</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.group} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className="py-1">{g.group}</td>
              <td>
                {g.solved}/{g.problems}
              </td>
              <td>
                <div className="flex items-center gap-2">
                  <div className="h-2 flex-1 rounded bg-zinc-200 dark:bg-zinc-800">
                    <div className="h-full rounded bg-emerald-600" style={{ width: `${g.rate * 100}%` }} />
                  </div>
                  <span className="w-12 text-right tabular-nums">{(g.rate * 100).toFixed(0)}%</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-zinc-500">{tag}</p>
    </div>
  );
}
