"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { parse, stringify } from "yaml";
import { z } from "zod";
import { CodeEditor } from "@/components/editor/code-editor";
import { primaryButton, secondaryButton } from "@/components/settings/field";
import { ModalDialog } from "./modal-dialog";
import { createRun } from "./run-requests";

const detailStagesSchema = z.object({ stages: z.array(z.object({ key: z.string(), output: z.unknown() })) });

export type ForkSource = { runId: string; problemId: string; config: Record<string, unknown>; model: string };

/**
 * "Continue from this stage with edited input": the stage's stored output as YAML, edited, becomes that stage's
 * result in a new run; the stages before it are reused and the rest run again. The original run stays as it is.
 */
export function ForkButton({ source, nodeKey, label }: { source: ForkSource; nodeKey: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [yaml, setYaml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || yaml !== null) return;
    const controller = new AbortController();
    fetch(`/api/runs/${encodeURIComponent(source.runId)}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the run could not be read (${response.status})`);
        const stage = detailStagesSchema.parse(await response.json()).stages.find((s) => s.key === nodeKey);
        if (!stage || stage.output == null) throw new Error("this stage has no stored result to edit");
        setYaml(stringify(stage.output, { lineWidth: 0 }));
      })
      .catch((caught: Error) => {
        if (!controller.signal.aborted) setError(caught.message);
      });
    return () => controller.abort();
  }, [open, yaml, source.runId, nodeKey]);

  async function start(text: string) {
    setBusy(true);
    setError(null);
    try {
      const forkInput: unknown = parse(text);
      const runId = await createRun({ problemId: source.problemId, config: source.config, model: source.model, parentRunId: source.runId, forkFromStage: nodeKey, forkInput });
      router.push(`/runs/${runId}`);
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className={secondaryButton} onClick={() => setOpen(true)} data-testid="fork-button">
        Continue from here with edited input…
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={`Fork from ${label}`}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Edit this stage&apos;s result. The new run reuses the stages before it, takes your edit as this stage&apos;s output
          (it must keep the same fields) and runs everything after it again. This run is not changed.
        </p>
        {yaml === null ? (
          <p className="text-sm text-zinc-500">{error ?? "Loading the stored result…"}</p>
        ) : (
          <>
            <CodeEditor value={yaml} onChange={setYaml} language="yaml" readOnly={false} height={360} ariaLabel={`Edited output of ${label}`} />
            {error ? (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
                {error}
              </p>
            ) : null}
            <div className="flex gap-2">
              <button type="button" className={primaryButton} disabled={busy} onClick={() => void start(yaml)} data-testid="fork-start">
                {busy ? "Starting…" : "Start the forked run"}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
          </>
        )}
      </ModalDialog>
    </>
  );
}
