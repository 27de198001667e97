import { LlmSettingsForm } from "@/components/settings/llm-settings-form";
import { PresetsEditor } from "@/components/settings/presets-editor";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db/client";
import { listPresets } from "@/app/api/presets/preset-store";
import { readPublicSettings } from "@/app/api/settings/settings-store";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const [settings, presets] = await Promise.all([readPublicSettings(db()), listPresets(db())]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <Card title="Model provider">
        <LlmSettingsForm initial={settings} />
      </Card>
      <Card title="Configuration presets">
        <PresetsEditor initial={presets} />
      </Card>
    </div>
  );
}
