"use client";

import { memo, useState } from "react";
import { CodeDiffEditor, CodeEditor } from "@/components/editor/code-editor";
import type { CodeVersionView } from "./run-state";
import { StatusBadge } from "./status-badge";

function VersionSelect({ label, versions, value, onChange }: { label: string; versions: CodeVersionView[]; value: string; onChange: (id: string) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="max-w-72 rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {versions.map((version) => (
          <option key={version.versionId} value={version.versionId}>
            v{version.ordinal}: {version.reason}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every program the run produced, each labelled with why it exists; the current one in Monaco, any two as a diff. */
export const CodeVersions = memo(function CodeVersions({ versions }: { versions: CodeVersionView[] }) {
  const latest = versions[versions.length - 1];
  const [shown, setShown] = useState<string | null>(null);
  const [pair, setPair] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const [mode, setMode] = useState<"code" | "diff">("code");
  if (!latest) return <p className="text-sm text-zinc-500">No code yet.</p>;

  const byId = (id: string | null) => versions.find((version) => version.versionId === id);
  const current = byId(shown) ?? versions.find((version) => version.status === "selected") ?? latest;
  const b = byId(pair.b) ?? latest;
  const a = byId(pair.a) ?? byId(b.parentVersionId) ?? versions[Math.max(0, versions.indexOf(b) - 1)];

  return (
    <div className="space-y-3">
      <ol className="flex flex-wrap gap-2" aria-label="Code versions" data-testid="code-versions">
        {versions.map((version) => (
          <li key={version.versionId}>
            <button
              type="button"
              onClick={() => {
                setShown(version.versionId);
                setMode("code");
              }}
              aria-pressed={current.versionId === version.versionId && mode === "code"}
              data-testid="code-version"
              data-status={version.status}
              className={`rounded border px-2 py-1 text-left text-xs focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                current.versionId === version.versionId && mode === "code"
                  ? "border-indigo-400 bg-indigo-50 dark:border-indigo-600 dark:bg-indigo-950/60"
                  : "border-zinc-200 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              }`}
            >
              <span className="font-semibold">v{version.ordinal}</span> {version.reason}{" "}
              {version.status !== "kept" ? <StatusBadge value={version.status} /> : null}
              {version.decisions.filter((d) => d !== version.reason).map((decision) => (
                <span key={decision} className="block text-zinc-500">
                  {decision}
                </span>
              ))}
            </button>
          </li>
        ))}
      </ol>
      <div role="tablist" aria-label="Code view" className="flex flex-wrap items-center gap-2 text-sm">
        {(["code", "diff"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={mode === name}
            disabled={name === "diff" && versions.length < 2}
            onClick={() => setMode(name)}
            className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-40 ${
              mode === name ? "bg-indigo-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
            }`}
          >
            {name === "code" ? "Code" : "Diff between versions"}
          </button>
        ))}
        {mode === "diff" ? (
          <>
            <VersionSelect label="from" versions={versions} value={a.versionId} onChange={(id) => setPair({ a: id, b: b.versionId })} />
            <VersionSelect label="to" versions={versions} value={b.versionId} onChange={(id) => setPair({ a: a.versionId, b: id })} />
          </>
        ) : (
          <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="code-shown">
            v{current.ordinal} · {current.stage} · {current.reason}
          </span>
        )}
      </div>
      {mode === "code" ? (
        <CodeEditor value={current.code} language={current.language} ariaLabel={`Code version ${current.ordinal}`} />
      ) : (
        <div data-testid="version-diff" data-from={a.ordinal} data-to={b.ordinal}>
          <CodeDiffEditor original={a.code} modified={b.code} language={b.language} />
        </div>
      )}
    </div>
  );
});
