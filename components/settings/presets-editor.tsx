"use client";

import { useMemo, useState } from "react";
import { CodeEditor } from "@/components/editor/code-editor";
import { Field, inputClass, primaryButton, secondaryButton } from "./field";
import type { PresetSummary } from "./settings-types";
import { useConfigValidation } from "./use-config-validation";

type Draft = { name: string; yaml: string; source: PresetSummary["source"] | "new" };

function copyName(name: string, taken: Set<string>): string {
  let candidate = `${name}-copy`;
  for (let i = 2; taken.has(candidate); i += 1) candidate = `${name}-copy-${i}`;
  return candidate;
}

export function PresetsEditor({ initial }: { initial: PresetSummary[] }) {
  const [presets, setPresets] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => ({ name: initial[0]?.name ?? "", yaml: initial[0]?.yaml ?? "", source: initial[0]?.source ?? "new" }));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Bumped whenever another document is loaded into the (uncontrolled) editor.
  const [documentKey, setDocumentKey] = useState(0);
  const { issues, checking } = useConfigValidation(draft.yaml, draft.name);
  const readOnly = draft.source === "builtin";
  const markers = useMemo(() => issues.flatMap((issue) => (issue.line ? [{ line: issue.line, message: issue.message }] : [])), [issues]);
  const taken = new Set(presets.map((preset) => preset.name));

  function load(next: Draft) {
    setDraft(next);
    setDocumentKey((key) => key + 1);
  }

  function open(preset: PresetSummary) {
    load({ name: preset.name, yaml: preset.yaml, source: preset.source });
    setMessage(null);
  }

  async function save() {
    setMessage(null);
    const response = await fetch("/api/presets", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: draft.name, yaml: draft.yaml }) });
    const body = (await response.json()) as { preset?: PresetSummary; error?: string };
    if (!response.ok || !body.preset) {
      setMessage({ ok: false, text: body.error ?? `the server answered ${response.status}` });
      return;
    }
    const saved = body.preset;
    setPresets((current) => [...current.filter((p) => !(p.source === "saved" && p.name === saved.name)), saved]);
    setDraft({ name: saved.name, yaml: saved.yaml, source: "saved" });
    setMessage({ ok: true, text: `Saved "${saved.name}".` });
  }

  async function remove() {
    const response = await fetch(`/api/presets/${encodeURIComponent(draft.name)}`, { method: "DELETE" });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      setMessage({ ok: false, text: body.error ?? `the server answered ${response.status}` });
      return;
    }
    const rest = presets.filter((p) => !(p.source === "saved" && p.name === draft.name));
    setPresets(rest);
    if (rest[0]) open(rest[0]);
    setMessage({ ok: true, text: `Deleted "${draft.name}".` });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Configuration presets">
        <ul className="space-y-1" data-testid="preset-list">
          {presets.map((preset) => (
            <li key={`${preset.source}:${preset.name}`}>
              <button
                type="button"
                onClick={() => open(preset)}
                aria-current={draft.name === preset.name && draft.source === preset.source}
                className={`w-full rounded px-2 py-1 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                  draft.name === preset.name && draft.source === preset.source ? "bg-indigo-600 text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
                }`}
              >
                {preset.name} <span className="text-xs opacity-70">{preset.source === "builtin" ? "built-in" : "saved"}</span>
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className={`${secondaryButton} mt-3 w-full`}
          onClick={() => {
            load({ name: copyName("my-preset", taken), yaml: "# Override any key of config/default.yaml, e.g.:\nai_tests:\n  count: 4\n", source: "new" });
            setMessage(null);
          }}
        >
          New preset
        </button>
      </nav>
      <div className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-64">
            <Field label="Name">
              <input
                name="presetName"
                value={draft.name}
                readOnly={readOnly}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                className={inputClass}
              />
            </Field>
          </div>
          {readOnly ? (
            <button type="button" className={secondaryButton} onClick={() => setDraft({ name: copyName(draft.name, taken), yaml: draft.yaml, source: "new" })}>
              Edit a copy
            </button>
          ) : (
            <>
              <button type="button" className={primaryButton} onClick={() => void save()} disabled={issues.length > 0 || checking}>
                Save preset
              </button>
              {draft.source === "saved" ? (
                <button type="button" className={secondaryButton} onClick={() => void remove()}>
                  Delete
                </button>
              ) : null}
            </>
          )}
          <span role="status" className="text-sm" data-testid="preset-validity">
            {checking ? (
              <span className="text-zinc-500">Checking…</span>
            ) : issues.length === 0 ? (
              <span className="text-emerald-700 dark:text-emerald-300">Valid configuration</span>
            ) : (
              <span className="text-rose-700 dark:text-rose-300">{issues.length} problem{issues.length === 1 ? "" : "s"}</span>
            )}
          </span>
        </div>
        {readOnly ? <p className="text-xs text-zinc-500">Built-in presets live in config/ and are read-only here: edit a copy to change one.</p> : null}
        <CodeEditor key={documentKey} value={draft.yaml} language="yaml" readOnly={readOnly} height={420} markers={markers} onChange={(yaml) => setDraft((current) => ({ ...current, yaml }))} ariaLabel="Preset YAML" />
        {issues.length > 0 ? (
          <ul className="space-y-1 text-sm text-rose-700 dark:text-rose-300" data-testid="preset-issues" aria-label="Validation problems">
            {issues.map((issue, i) => (
              <li key={i}>
                {issue.line ? <span className="font-mono">line {issue.line}: </span> : null}
                {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
        {message ? (
          <p role="status" className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
