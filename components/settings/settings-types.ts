import type { readPublicSettings } from "@/app/api/settings/settings-store";
import type { PresetSummary } from "@/app/api/presets/preset-store";
import type { PresetIssue } from "@/app/api/presets/preset-validation";
import type { ConnectionReport } from "@/lib/llm/test-connection";

/** The shapes the settings routes answer with, taken from the server code that builds them. */
export type PublicSettings = Awaited<ReturnType<typeof readPublicSettings>>;
export type { PresetSummary, PresetIssue, ConnectionReport };
