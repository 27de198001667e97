"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { parse, stringify } from "yaml";
import { CodeEditor } from "@/components/editor/code-editor";
import { primaryButton } from "@/components/settings/field";
import { useConfigValidation } from "@/components/settings/use-config-validation";
import { ModalDialog } from "./modal-dialog";
import { createRun } from "./run-requests";

/** Re-runs the problem with this run's configuration, edited as YAML and validated before it is sent. */
export function RerunDialog({ open, onClose, problemId, config, model }: { open: boolean; onClose: () => void; problemId: string; config: Record<string, unknown>; model: string }) {
  const router = useRouter();
  const [yaml, setYaml] = useState(() => stringify(config));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { issues, checking } = useConfigValidation(yaml, "this run");

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const edited = parse(yaml) as Record<string, unknown> | null;
      const runId = await createRun({ problemId, config: edited ?? {}, model });
      router.push(`/runs/${runId}`);
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <ModalDialog open={open} onClose={onClose} title="Re-run with an edited configuration">
      <CodeEditor value={yaml} onChange={setYaml} language="yaml" readOnly={false} height={360} ariaLabel="Run configuration" markers={issues.flatMap((i) => (i.line ? [{ line: i.line, message: i.message }] : []))} />
      {issues.length > 0 ? (
        <ul className="text-sm text-rose-700 dark:text-rose-300" data-testid="config-issues">
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.line ? `line ${issue.line}: ` : ""}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">{error}</p> : null}
      <button type="button" className={primaryButton} disabled={busy || checking || issues.length > 0} onClick={() => void start()}>
        {busy ? "Starting…" : "Start the new run"}
      </button>
    </ModalDialog>
  );
}
