"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { parse } from "yaml";
import { Field, inputClass, primaryButton } from "@/components/settings/field";
import type { PresetSummary, PublicSettings } from "@/components/settings/settings-types";
import { createRun, type CreateRunBody } from "./run-requests";

type Choice = { preset: string; model: string; language: "" | "python3" | "cpp"; mode: "" | "flow" | "baseline" | "direct" };

/** The POST /api/runs body: the chosen preset's YAML as config overrides, then whatever the form sets explicitly. */
function runRequest(problemId: string, choice: Choice, presets: PresetSummary[]): CreateRunBody {
  const preset = presets.find((p) => p.name === choice.preset);
  const config = preset && preset.name !== "default" ? ((parse(preset.yaml) as Record<string, unknown> | null) ?? {}) : {};
  const model = choice.model.trim();
  return {
    problemId,
    config: model ? { ...config, model } : config,
    ...(model && { model }),
    ...(choice.language && { language: choice.language }),
    ...(choice.mode && { mode: choice.mode }),
  };
}

/** Choose model, configuration preset and language (the defaults work), press Solve: the run page opens at once. */
export function SolveForm({ problemId }: { problemId: string }) {
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>({ preset: "default", model: "", language: "", mode: "" });
  const [presets, setPresets] = useState<PresetSummary[]>([]);
  const [defaultModel, setDefaultModel] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    void Promise.all([
      fetch("/api/presets", { signal: controller.signal }).then((r) => r.json() as Promise<{ presets: PresetSummary[] }>),
      fetch("/api/settings", { signal: controller.signal }).then((r) => r.json() as Promise<PublicSettings>),
    ])
      .then(([presetList, settings]) => {
        setPresets(presetList.presets);
        setDefaultModel(settings.effective?.model ?? null);
      })
      .catch((caught: Error) => {
        if (!controller.signal.aborted) setError(`could not load presets and settings: ${caught.message}`);
      });
    return () => controller.abort();
  }, []);

  const update = (patch: Partial<Choice>) => setChoice((current) => ({ ...current, ...patch }));

  async function solve() {
    setBusy(true);
    setError(null);
    try {
      const runId = await createRun(runRequest(problemId, choice, presets));
      router.push(`/runs/${runId}`);
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <form
      aria-label="Solve this problem"
      className="flex flex-wrap items-end gap-2"
      data-testid="solve-form"
      onSubmit={(event) => {
        event.preventDefault();
        void solve();
      }}
    >
      <div className="contents [&>label]:w-36">
        <Field label="Model">
          <input name="model" value={choice.model} onChange={(event) => update({ model: event.target.value })} placeholder={defaultModel ?? "the configured model"} className={inputClass} autoComplete="off" />
        </Field>
        <Field label="Configuration">
          <select name="preset" value={choice.preset} onChange={(event) => update({ preset: event.target.value })} className={inputClass}>
            {(presets.length > 0 ? presets : [{ name: "default", source: "builtin" as const }]).map((preset) => (
              <option key={`${preset.source}:${preset.name}`} value={preset.name}>
                {preset.name}
                {preset.source === "saved" ? " (saved)" : ""}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Language">
          <select name="language" value={choice.language} onChange={(event) => update({ language: event.target.value as Choice["language"] })} className={inputClass}>
            <option value="">as configured</option>
            <option value="python3">Python 3</option>
            <option value="cpp">C++17</option>
          </select>
        </Field>
        <Field label="Mode">
          <select name="mode" value={choice.mode} onChange={(event) => update({ mode: event.target.value as Choice["mode"] })} className={inputClass}>
            <option value="">as configured</option>
            <option value="flow">AlphaCodium flow</option>
            <option value="direct">flow, direct approach</option>
            <option value="baseline">baseline (one prompt)</option>
          </select>
        </Field>
      </div>
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? "Starting…" : "Solve"}
      </button>
      {error ? (
        <p role="alert" className="basis-full text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
