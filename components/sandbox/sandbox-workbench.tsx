"use client";

import { useState } from "react";
import { JudgeResultSchema, LANGUAGE_IDS, type JudgeResult, type LanguageId } from "@/lib/judge/schema";
import type { SandboxStatus } from "@/lib/judge/sandbox/mode";
import { JudgeResultView } from "./judge-result-view";
import { TestCaseEditor, type EditableTest } from "./test-case-editor";

const LANGUAGE_LABELS: Record<LanguageId, string> = { python3: "Python 3", cpp: "C++17 (g++ -O2)" };

const STARTER: Record<LanguageId, string> = {
  python3: "a, b = map(int, input().split())\nprint(a + b)\n",
  cpp: "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n  long long a, b;\n  cin >> a >> b;\n  cout << a + b << \"\\n\";\n}\n",
};


const input = "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950";

export function SandboxWorkbench({ status }: { status: SandboxStatus }) {
  const [language, setLanguage] = useState<LanguageId>("python3");
  const [code, setCode] = useState(STARTER.python3);
  const [tests, setTests] = useState<EditableTest[]>([
    { id: 1, input: "1 2\n", output: "3\n" },
    { id: 2, input: "20 22\n", output: "42\n" },
  ]);
  const [timeLimitMs, setTimeLimitMs] = useState(2000);
  const [memoryLimitMb, setMemoryLimitMb] = useState(256);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ value: JudgeResult; tests: EditableTest[] } | null>(null);

  const switchLanguage = (next: LanguageId) => {
    if (code === STARTER[language]) setCode(STARTER[next]);
    setLanguage(next);
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    const sent = tests;
    try {
      const response = await fetch("/api/sandbox", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          language,
          code,
          timeLimitMs,
          memoryLimitMb,
          tests: sent.map((t) => ({ input: t.input, output: t.output === "" ? undefined : t.output })),
        }),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const message = (body as { error?: string } | null)?.error ?? response.statusText;
        setError(`${response.status}: ${message}`);
        return;
      }
      const parsed = JudgeResultSchema.safeParse(body);
      if (!parsed.success) {
        setError("the server answered with an unexpected shape");
        return;
      }
      setResult({ value: parsed.data, tests: sent });
    } catch (failure) {
      setError(`request failed: ${(failure as Error).message}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Sandbox</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Paste a program and tests; it runs in the judge with the same limits, verdicts and comparator the flow uses.
        </p>
        {status.kind === "none" ? (
          <p role="alert" className="rounded border border-red-400 bg-red-50 p-2 text-sm font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
            ALPHAFLOW_SANDBOX=none: programs run on this server without isolation.
          </p>
        ) : status.kind === "unavailable" ? (
          <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            The sandbox is unavailable: {status.reason}
          </p>
        ) : (
          <p className="text-xs text-emerald-700 dark:text-emerald-400">Isolated with bubblewrap.</p>
        )}
      </header>

      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs text-zinc-500">
          Language
          <select className={`${input} block`} value={language} onChange={(e) => switchLanguage(e.target.value as LanguageId)}>
            {LANGUAGE_IDS.map((id) => (
              <option key={id} value={id}>
                {LANGUAGE_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-zinc-500">
          Time limit (ms)
          <input
            type="number"
            min={50}
            max={60000}
            className={`${input} block w-28`}
            value={timeLimitMs}
            onChange={(e) => setTimeLimitMs(Number(e.target.value))}
          />
        </label>
        <label className="text-xs text-zinc-500">
          Memory (MB)
          <input
            type="number"
            min={16}
            max={4096}
            className={`${input} block w-28`}
            value={memoryLimitMb}
            onChange={(e) => setMemoryLimitMb(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          onClick={run}
          disabled={running || status.kind === "unavailable"}
          className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {running ? "Running…" : "Run"}
        </button>
      </div>

      <label className="block text-xs text-zinc-500">
        Code
        <textarea
          className="mt-1 w-full rounded border border-zinc-300 bg-white p-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
          rows={14}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          spellCheck={false}
          aria-label="code"
        />
      </label>

      <TestCaseEditor tests={tests} onChange={setTests} />

      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {result ? <JudgeResultView key={JSON.stringify(result.value.tests.map((t) => t.verdict))} result={result.value} tests={result.tests} /> : null}
    </div>
  );
}
