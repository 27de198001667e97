"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

const input = "w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Starts a dataset run on the server (POST /api/datasets) and opens its page. */
export function StartDatasetForm({ splits }: { splits: string[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/datasets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        split: form.get("split"),
        mode: form.get("mode"),
        k: form.get("k"),
        concurrency: form.get("concurrency"),
        limit: form.get("limit"),
        budgetUsd: form.get("budgetUsd"),
        problems: form.get("problems"),
        stopOnSolve: form.get("stopOnSolve") === "on",
      }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setError("the server did not answer");
    const body = (await response.json().catch(() => ({}))) as { datasetRunId?: string; error?: string };
    if (!response.ok || !body.datasetRunId) return setError(body.error ?? `failed (${response.status})`);
    router.push(`/datasets/${body.datasetRunId}`);
  }

  return (
    <form onSubmit={submit} aria-label="Start a dataset run" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <label className="text-sm">
        Split
        <select name="split" className={input} defaultValue={splits.includes("test") ? "test" : splits[0]} required>
          {splits.map((split) => (
            <option key={split}>{split}</option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Mode
        <select name="mode" className={input} defaultValue="flow">
          <option value="flow">flow (AlphaCodium)</option>
          <option value="baseline">baseline (direct prompt)</option>
        </select>
      </label>
      <label className="text-sm">
        k (samples per problem)
        <input name="k" type="number" min={1} max={100} defaultValue={1} className={input} />
      </label>
      <label className="text-sm">
        Concurrency
        <input name="concurrency" type="number" min={1} max={64} defaultValue={2} className={input} />
      </label>
      <label className="text-sm">
        Limit (problems)
        <input name="limit" type="number" min={1} placeholder="all" className={input} />
      </label>
      <label className="text-sm">
        Budget (USD)
        <input name="budgetUsd" type="number" min={0} step="0.01" placeholder="none" className={input} />
      </label>
      <label className="col-span-2 text-sm">
        Problems (names, comma-separated)
        <input name="problems" placeholder="all scorable problems of the split" className={input} />
      </label>
      <label className="col-span-2 flex items-center gap-2 text-sm">
        <input name="stopOnSolve" type="checkbox" defaultChecked />
        Stop a problem&apos;s later samples once one solves it (as AlphaCodium did)
      </label>
      <div className="col-span-2 flex items-center justify-end gap-3">
        {error ? (
          <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy || splits.length === 0} className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
          {busy ? "Starting…" : "Start"}
        </button>
      </div>
    </form>
  );
}
