"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const asPercent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** pass@1..k of the dataset run, one bar per k. */
export function PassAtKChart({ points, caption }: { points: { k: number; value: number }[]; caption: string }) {
  const data = points.map((p) => ({ name: `pass@${p.k}`, value: p.value }));
  return (
    <figure data-testid="pass-at-k-chart" className="space-y-1">
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d4d4d8" />
            <XAxis dataKey="name" />
            <YAxis domain={[0, 1]} tickFormatter={asPercent} width={64} />
            <Tooltip formatter={(value) => asPercent(Number(value))} />
            <Bar dataKey="value" fill="#4f46e5" isAnimationActive={false}>
              <LabelList dataKey="value" position="top" formatter={(value) => asPercent(Number(value))} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  );
}
