import Link from "next/link";
import { db } from "@/lib/db/client";
import { loadLlmSettings, publicLlmSettings } from "@/lib/llm/settings";
import { PROVIDER_PRESETS } from "@/lib/llm/providers";

/** Says plainly which model endpoint runs are sent to, or what to set when none is usable. */
export async function LlmStatus() {
  let problem: string | null = null;
  let summary: string | null = null;
  try {
    const settings = publicLlmSettings(await loadLlmSettings(db()));
    const preset = PROVIDER_PRESETS[settings.provider];
    summary = `${preset.label} · ${settings.model} · ${settings.baseUrl}`;
    if (preset.requiresApiKey && !settings.apiKeySet) problem = `No API key is set for ${preset.label}.`;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const tone = problem
    ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200";
  return (
    <section role="status" aria-label="Model endpoint" className={`rounded-lg border px-4 py-3 text-sm ${tone}`}>
      {summary ? <p>Runs use {summary}.</p> : null}
      {problem ? (
        <p>
          {problem} Set <code>OPENAI_API_KEY</code> (and <code>OPENAI_BASE_URL</code> for a provider other than OpenAI,{" "}
          <code>ALPHAFLOW_MODEL</code> for the model) before starting the server, or enter them on the{" "}
          <Link href="/settings" className="underline">
            Settings
          </Link>{" "}
          page. Browsing problems, the sandbox and past runs work without one.
        </p>
      ) : null}
    </section>
  );
}
