"use client";

import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";

export type CostPoint = { name: string; costUsd: number; llmCalls: number; solved: boolean };

/** Each problem's spend against its LLM calls, solved and unsolved apart: where the money went. */
export function CostScatter({ points }: { points: CostPoint[] }) {
  const solved = points.filter((p) => p.solved);
  const unsolved = points.filter((p) => !p.solved);
  return (
    <figure data-testid="cost-scatter" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 10, right: 16, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d4d4d8" />
          <XAxis type="number" dataKey="llmCalls" name="LLM calls" />
          <YAxis type="number" dataKey="costUsd" name="cost (USD)" width={64} tickFormatter={(v: number) => `$${v.toFixed(3)}`} />
          <Tooltip cursor={{ strokeDasharray: "3 3" }} formatter={(value, name) => (name === "cost (USD)" ? `$${Number(value).toFixed(4)}` : String(value))} />
          <Legend />
          <Scatter name="solved" data={solved} fill="#059669" isAnimationActive={false} />
          <Scatter name="unsolved" data={unsolved} fill="#e11d48" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
