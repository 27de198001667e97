"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { monacoLanguage } from "./editor-language";
import { configureMonaco } from "./monaco-setup";
import { useDarkMode } from "./use-dark-mode";
import type { EditorMarker } from "./editor-marker";

configureMonaco();

export type MonacoCodeViewProps = {
  /** The text; for an editable editor only the initial text (remount with a new key to load another). */
  value: string;
  language: string;
  height?: number | string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** Problems to underline, e.g. YAML validation errors with a line number. */
  markers?: EditorMarker[];
  ariaLabel: string;
};

type Mounted = Parameters<OnMount>;

export default function MonacoCodeView({ value, language, height = 360, readOnly = true, onChange, markers = [], ariaLabel }: MonacoCodeViewProps) {
  const dark = useDarkMode();
  const mounted = useRef<Mounted | null>(null);

  useEffect(() => {
    const current = mounted.current;
    if (!current) return;
    const [editor, monaco] = current;
    const model = editor.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      "alphaflow",
      markers.map((marker) => ({
        severity: monaco.MarkerSeverity.Error,
        message: marker.message,
        startLineNumber: marker.line,
        endLineNumber: marker.line,
        startColumn: 1,
        endColumn: model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
      })),
    );
  }, [markers, value]);

  return (
    <div data-testid="code-editor" className="overflow-hidden rounded border border-zinc-200 dark:border-zinc-800">
      <Editor
        // Editable editors are uncontrolled: feeding each keystroke back as `value` races fast typing and drops
        // characters. A parent that loads another document remounts the editor with a new `key`.
        {...(readOnly ? { value } : { defaultValue: value })}
        language={monacoLanguage(language)}
        height={height}
        theme={dark ? "vs-dark" : "vs"}
        onMount={(editor, monaco) => {
          mounted.current = [editor, monaco];
        }}
        onChange={(next) => onChange?.(next ?? "")}
        options={{
          readOnly,
          domReadOnly: readOnly,
          ariaLabel,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          automaticLayout: true,
          tabSize: 4,
        }}
        loading={<p className="p-3 text-sm text-zinc-500">Loading editor…</p>}
      />
    </div>
  );
}
