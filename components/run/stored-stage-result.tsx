"use client";

import { useEffect, useState } from "react";
import { z } from "zod";
import { ParsedOutputView } from "./parsed-output-view";

const detailStagesSchema = z.object({ stages: z.array(z.object({ key: z.string(), output: z.unknown() })) });

/**
 * A stage reused from an earlier attempt (a resume or a fork) streams nothing: show the result the engine stored
 * for it instead, read from GET /api/runs/{id}.
 */
export function StoredStageResult({ runId, nodeKey }: { runId: string; nodeKey: string }) {
  const [result, setResult] = useState<{ output: unknown } | { error: string } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/runs/${encodeURIComponent(runId)}`, { signal: controller.signal, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the run could not be read (${response.status})`);
        const stage = detailStagesSchema.parse(await response.json()).stages.find((s) => s.key === nodeKey);
        setResult(stage && stage.output != null ? { output: stage.output } : { error: "no stored result" });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setResult({ error: error.message });
      });
    return () => controller.abort();
  }, [runId, nodeKey]);
  if (result === null) return <p className="text-sm text-zinc-500">Loading the stored result…</p>;
  if ("error" in result) return <p className="text-sm text-zinc-500">Reused from an earlier attempt ({result.error}).</p>;
  return (
    <div className="space-y-2" data-testid="stored-result">
      <p className="text-xs text-zinc-500">Reused from an earlier attempt: the stored result of this stage.</p>
      <ParsedOutputView output={result.output} />
    </div>
  );
}
