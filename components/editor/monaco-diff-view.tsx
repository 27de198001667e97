"use client";

import { DiffEditor } from "@monaco-editor/react";
import { monacoLanguage } from "./editor-language";
import { configureMonaco } from "./monaco-setup";
import { useDarkMode } from "./use-dark-mode";

configureMonaco();

export type MonacoDiffViewProps = {
  original: string;
  modified: string;
  language: string;
  height?: number | string;
  sideBySide?: boolean;
};

export default function MonacoDiffView({ original, modified, language, height = 380, sideBySide = true }: MonacoDiffViewProps) {
  const dark = useDarkMode();
  return (
    <div data-testid="code-diff" className="overflow-hidden rounded border border-zinc-200 dark:border-zinc-800">
      <DiffEditor
        original={original}
        modified={modified}
        language={monacoLanguage(language)}
        height={height}
        theme={dark ? "vs-dark" : "vs"}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: sideBySide,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          automaticLayout: true,
        }}
        loading={<p className="p-3 text-sm text-zinc-500">Loading diff…</p>}
      />
    </div>
  );
}
