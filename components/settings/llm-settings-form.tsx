"use client";

import { useState } from "react";
import { Field, inputClass, primaryButton, secondaryButton } from "./field";
import type { ConnectionReport, PublicSettings } from "./settings-types";

type Form = { provider: string; baseUrl: string; model: string; apiKey: string; clearApiKey: boolean };

function initialForm(settings: PublicSettings): Form {
  return {
    provider: settings.stored["llm.provider"] ?? settings.effective?.provider ?? "openai",
    baseUrl: settings.stored["llm.baseUrl"] ?? "",
    model: settings.stored["llm.model"] ?? "",
    apiKey: "",
    clearApiKey: false,
  };
}

async function readError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return body?.error ?? `the server answered ${response.status}`;
}

/** Provider, base URL, model and a write-only API key: the stored key never comes back, only whether one is set. */
export function LlmSettingsForm({ initial }: { initial: PublicSettings }) {
  const [settings, setSettings] = useState(initial);
  const [form, setForm] = useState(() => initialForm(initial));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<"save" | "test" | null>(null);
  const preset = settings.presets.find((p) => p.id === form.provider);
  const keySet = settings.effective?.apiKeySet ?? false;

  const update = (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch }));

  async function save() {
    setBusy("save");
    setMessage(null);
    const body = {
      provider: form.provider,
      baseUrl: form.baseUrl.trim(),
      model: form.model.trim(),
      clearApiKey: form.clearApiKey,
      ...(form.apiKey.trim() !== "" && { apiKey: form.apiKey.trim() }),
    };
    const response = await fetch("/api/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    setBusy(null);
    if (!response.ok) {
      setMessage({ ok: false, text: await readError(response) });
      return;
    }
    const next = (await response.json()) as PublicSettings;
    setSettings(next);
    setForm({ ...initialForm(next), provider: form.provider });
    setMessage({ ok: true, text: "Saved." });
  }

  async function test() {
    setBusy("test");
    setReport(null);
    setMessage(null);
    const body = {
      provider: form.provider,
      ...(form.baseUrl.trim() !== "" && { baseUrl: form.baseUrl.trim() }),
      ...(form.model.trim() !== "" && { model: form.model.trim() }),
      ...(form.apiKey.trim() !== "" && { apiKey: form.apiKey.trim() }),
    };
    const response = await fetch("/api/llm/test-connection", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    setBusy(null);
    if (!response.ok) {
      setMessage({ ok: false, text: await readError(response) });
      return;
    }
    setReport((await response.json()) as ConnectionReport);
  }

  return (
    <form
      className="space-y-4"
      aria-label="LLM settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Provider" hint={preset?.pitfall}>
          <select value={form.provider} onChange={(event) => update({ provider: event.target.value })} className={inputClass} name="provider">
            {settings.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Base URL" hint={`Empty: ${settings.effective?.baseUrl ?? preset?.baseUrl ?? "the provider's default"} (environment or preset).`}>
          <input
            name="baseUrl"
            value={form.baseUrl}
            onChange={(event) => update({ baseUrl: event.target.value })}
            placeholder={preset?.baseUrl ?? "https://…/v1"}
            className={inputClass}
            inputMode="url"
            autoComplete="off"
          />
        </Field>
        <Field label="Model" hint={`Empty: ${settings.effective?.model ?? "the default model"}.`}>
          <input name="model" value={form.model} onChange={(event) => update({ model: event.target.value })} placeholder={settings.effective?.model} className={inputClass} autoComplete="off" />
        </Field>
        <Field
          label="API key"
          hint={
            <span data-testid="api-key-state">
              {keySet ? "A key is set (stored on the server, never shown). Type a new one to replace it." : "Not set."}
            </span>
          }
        >
          <input
            name="apiKey"
            type="password"
            value={form.apiKey}
            onChange={(event) => update({ apiKey: event.target.value })}
            placeholder={keySet ? "set" : "not set"}
            className={inputClass}
            autoComplete="new-password"
          />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.clearApiKey} onChange={(event) => update({ clearApiKey: event.target.checked })} />
        Remove the stored key (a key set in the server’s environment still applies)
      </label>
      {settings.error ? <p className="text-sm text-amber-700 dark:text-amber-300">Current settings: {settings.error}</p> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButton} disabled={busy !== null}>
          {busy === "save" ? "Saving…" : "Save"}
        </button>
        <button type="button" className={secondaryButton} onClick={() => void test()} disabled={busy !== null}>
          {busy === "test" ? "Testing…" : "Test connection"}
        </button>
        {message ? (
          <p role="status" className={`text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
      {report ? (
        <div role="status" data-testid="connection-report" className="rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          <p className={report.ok ? "font-medium text-emerald-700 dark:text-emerald-300" : "font-medium text-rose-700 dark:text-rose-300"}>
            {report.ok ? `Connected to ${report.baseUrl} in ${report.latencyMs} ms` : `Could not use ${report.baseUrl}: ${report.error ?? "unknown error"}`}
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">
            Model {report.model}
            {report.modelFound === false ? " — not in the server's model list" : report.modelFound ? " — available" : ""}
            {report.contextWindow ? ` · context ${report.contextWindow} tokens (${report.contextSource})` : ""}
          </p>
          {report.models.length > 0 ? <p className="text-xs text-zinc-500">Models: {report.models.slice(0, 12).join(", ")}</p> : null}
          {report.warnings.map((warning) => (
            <p key={warning} className="text-amber-700 dark:text-amber-300">
              {warning}
            </p>
          ))}
        </div>
      ) : null}
    </form>
  );
}
