"use client";

import { useState } from "react";
import type { JudgeResult } from "@/lib/judge/schema";
import { OutputDiff } from "./output-diff";
import type { EditableTest } from "./test-case-editor";
import { VERDICT_MEANING, VerdictBadge } from "./verdict-badge";

export function JudgeResultView({ result, tests }: { result: JudgeResult; tests: EditableTest[] }) {
  const [open, setOpen] = useState<number | null>(() => result.tests.find((t) => t.verdict !== "AC")?.index ?? null);
  return (
    <div className="space-y-3" data-testid="judge-result">
      {result.sandbox === "none" ? (
        <p role="alert" className="rounded border border-red-400 bg-red-50 p-2 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
          This ran WITHOUT a sandbox (ALPHAFLOW_SANDBOX=none): the program had the server&apos;s access to this machine.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <VerdictBadge verdict={result.verdict} />
        <span>{VERDICT_MEANING[result.verdict]}</span>
        <span className="text-zinc-500">
          {result.passed} passed · {result.failed} failed · sandbox {result.sandbox} · comparator {result.comparator} ·{" "}
          {result.timeLimitMs} ms · {result.memoryLimitMb} MB
        </span>
      </div>
      {result.compile && !result.compile.ok ? (
        <pre className="max-h-80 overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-900">{result.compile.message}</pre>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1">Test</th>
            <th>Verdict</th>
            <th>CPU</th>
            <th>Wall</th>
            <th>Memory</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {result.tests.map((t) => (
            <TestRow key={t.index} test={t} editable={tests[t.index]} open={open === t.index} onToggle={() => setOpen(open === t.index ? null : t.index)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TestRow({
  test,
  editable,
  open,
  onToggle,
}: {
  test: JudgeResult["tests"][number];
  editable: EditableTest | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const expected = editable?.output ?? "";
  return (
    <>
      <tr className="border-t border-zinc-200 align-top dark:border-zinc-800">
        <td className="py-1 font-mono">
          <button type="button" onClick={onToggle} className="underline decoration-dotted" aria-expanded={open}>
            #{test.index}
          </button>
        </td>
        <td>
          <VerdictBadge verdict={test.verdict} />
        </td>
        <td className="font-mono text-xs">{test.timeMs} ms</td>
        <td className="font-mono text-xs">{test.wallMs} ms</td>
        <td className="font-mono text-xs">{Math.round(test.memoryKb / 1024)} MB</td>
        <td className="text-xs text-zinc-600 dark:text-zinc-400">
          {test.message}
          {test.signal ? ` (${test.signal})` : test.exitCode ? ` (exit ${test.exitCode})` : ""}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={6} className="space-y-2 pb-3">
            {expected !== "" ? (
              <>
                <p className="text-xs text-zinc-500">Expected (−) vs actual (+){test.stdoutTruncated ? " — output truncated" : ""}</p>
                <OutputDiff expected={expected} actual={test.stdout} />
              </>
            ) : (
              <pre className="max-h-60 overflow-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-950">{test.stdout || "(no output)"}</pre>
            )}
            {test.stderr ? (
              <>
                <p className="text-xs text-zinc-500">stderr</p>
                <pre className="max-h-60 overflow-auto rounded bg-zinc-50 p-2 text-xs text-fuchsia-800 dark:bg-zinc-950 dark:text-fuchsia-300">{test.stderr}</pre>
              </>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
