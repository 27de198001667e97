"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { problemDraftSchema, type ProblemDraft } from "@/lib/problems/extract-examples";
import type { TestCase } from "@/lib/problems/schema";

const inputClass =
  "w-full rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
const monoClass = `${inputClass} font-mono`;
const buttonClass = "rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50";
const secondaryClass =
  "rounded border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Paste a statement → the server extracts a draft → edit name, limits and tests → save and open the problem. */
export function PasteProblemForm() {
  const router = useRouter();
  const [statement, setStatement] = useState("");
  const [draft, setDraft] = useState<ProblemDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  }

  async function extract() {
    setBusy(true);
    setError(null);
    try {
      const { status, json } = await post("/api/problems/extract", { statement });
      if (status === 200) setDraft(problemDraftSchema.parse(json));
      else setError(String(json.error));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      const { status, json } = await post("/api/problems", {
        name: draft.name,
        description: draft.description,
        publicTests: draft.publicTests,
        timeLimitMs: draft.timeLimitMs,
        memoryLimitMb: draft.memoryLimitMb,
        source: "pasted",
      });
      if (status === 200 || status === 201) router.push(`/problems/${String(json.id)}`);
      else setError(String(json.error));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const update = (patch: Partial<ProblemDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const updateTest = (index: number, patch: Partial<TestCase>) =>
    update({ publicTests: draft!.publicTests.map((t, i) => (i === index ? { ...t, ...patch } : t)) });

  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <label htmlFor="statement" className="block text-sm font-medium">
          Problem statement
        </label>
        <textarea
          id="statement"
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          rows={14}
          placeholder={"Paste the whole statement, including its Example(s) with Input and Output blocks."}
          className={monoClass}
        />
        <button type="button" onClick={extract} disabled={busy || statement.trim() === ""} className={buttonClass}>
          Extract examples
        </button>
      </section>

      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}

      {draft ? (
        <section className="space-y-4" aria-label="Draft">
          {draft.warnings.length > 0 ? (
            <ul className="list-disc rounded border border-amber-300 bg-amber-50 p-2 pl-6 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
              {draft.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-[1fr_10rem_10rem]">
            <label className="text-sm font-medium">
              Name
              <input value={draft.name} onChange={(e) => update({ name: e.target.value })} className={inputClass} />
            </label>
            <label className="text-sm font-medium">
              Time limit (s)
              <input
                type="number"
                min={0.1}
                step={0.1}
                value={draft.timeLimitMs === null ? "" : draft.timeLimitMs / 1000}
                onChange={(e) => update({ timeLimitMs: e.target.value === "" ? null : Math.round(Number(e.target.value) * 1000) })}
                className={inputClass}
              />
            </label>
            <label className="text-sm font-medium">
              Memory (MB)
              <input
                type="number"
                min={1}
                value={draft.memoryLimitMb ?? ""}
                onChange={(e) => update({ memoryLimitMb: e.target.value === "" ? null : Math.round(Number(e.target.value)) })}
                className={inputClass}
              />
            </label>
          </div>
          <label className="block text-sm font-medium">
            Statement
            <textarea value={draft.description} onChange={(e) => update({ description: e.target.value })} rows={10} className={monoClass} />
          </label>
          <div className="space-y-3">
            <h2 className="text-sm font-semibold">Public tests ({draft.publicTests.length})</h2>
            {draft.publicTests.map((test, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto]" data-testid="draft-test">
                <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                  Input {i + 1}
                  <textarea value={test.input} onChange={(e) => updateTest(i, { input: e.target.value })} rows={4} className={monoClass} />
                </label>
                <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
                  Output {i + 1}
                  <textarea value={test.output} onChange={(e) => updateTest(i, { output: e.target.value })} rows={4} className={monoClass} />
                </label>
                <button
                  type="button"
                  onClick={() => update({ publicTests: draft.publicTests.filter((_, j) => j !== i) })}
                  className={`${secondaryClass} self-end`}
                >
                  Remove
                </button>
              </div>
            ))}
            <button type="button" onClick={() => update({ publicTests: [...draft.publicTests, { input: "", output: "" }] })} className={secondaryClass}>
              Add a test
            </button>
          </div>
          <button type="button" onClick={save} disabled={busy || draft.name.trim() === ""} className={buttonClass}>
            Save problem
          </button>
        </section>
      ) : null}
    </div>
  );
}
