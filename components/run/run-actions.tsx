"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/settings/field";
import { RerunDialog } from "./rerun-dialog";
import { cancelRun, createRun, resumeRun } from "./run-requests";
import type { RunViewStatus } from "./run-state";

type Props = {
  runId: string;
  problemId: string;
  config: Record<string, unknown>;
  model: string;
  status: RunViewStatus;
  /** The run row's status: "interrupted" (a crash or restart) is only known there. */
  storedStatus: string;
  onResumed: () => void;
};

export function RunActions({ runId, problemId, config, model, status, storedStatus, onResumed }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const live = status === "running" || status === "waiting";
  const resumable = status === "failed" || status === "cancelled" || (storedStatus === "interrupted" && status !== "succeeded");

  async function act(name: string, action: () => Promise<void>) {
    setBusy(name);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {live ? (
        <button type="button" className={secondaryButton} disabled={busy !== null} onClick={() => void act("cancel", () => cancelRun(runId))}>
          {busy === "cancel" ? "Cancelling…" : "Cancel"}
        </button>
      ) : null}
      {resumable ? (
        <button
          type="button"
          className={secondaryButton}
          disabled={busy !== null}
          onClick={() =>
            void act("resume", async () => {
              await resumeRun(runId);
              onResumed();
            })
          }
        >
          {busy === "resume" ? "Resuming…" : "Resume"}
        </button>
      ) : null}
      <button
        type="button"
        className={primaryButton}
        disabled={busy !== null}
        onClick={() =>
          void act("rerun", async () => {
            const newRunId = await createRun({ problemId, config, model });
            router.push(`/runs/${newRunId}`);
          })
        }
      >
        {busy === "rerun" ? "Starting…" : "Re-run"}
      </button>
      <button type="button" className={secondaryButton} disabled={busy !== null} onClick={() => setEditing(true)}>
        Re-run with changed config…
      </button>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <RerunDialog open={editing} onClose={() => setEditing(false)} problemId={problemId} config={config} model={model} />
    </div>
  );
}
