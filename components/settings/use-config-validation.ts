"use client";

import { useEffect, useState } from "react";
import type { PresetIssue } from "./settings-types";

const VALIDATE_DELAY_MS = 350;

/** Validates as the user types (debounced) with lib/flow's schema on the server; issues carry their line. */
export function useConfigValidation(yaml: string, name: string): { issues: PresetIssue[]; checking: boolean } {
  const [result, setResult] = useState<{ yaml: string; issues: PresetIssue[] }>({ yaml: "", issues: [] });
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/presets/validate", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ yaml, name: name || "preset" }),
          signal: controller.signal,
        });
        const body = (await response.json()) as { issues?: PresetIssue[]; error?: string };
        setResult({ yaml, issues: body.issues ?? (body.error ? [{ message: body.error, line: null, path: null }] : []) });
      } catch (error) {
        if (!controller.signal.aborted) setResult({ yaml, issues: [{ message: `could not validate: ${(error as Error).message}`, line: null, path: null }] });
      }
    }, VALIDATE_DELAY_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [yaml, name]);
  return { issues: result.issues, checking: result.yaml !== yaml };
}

