import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/cpp/register";
import "monaco-editor/languages/definitions/yaml/register";

/**
 * Monaco from the bundled package, never the CDN @monaco-editor/react would fetch by default: the app must work
 * offline and under a strict CSP. Only the editor API and the languages the studio shows are imported.
 * Imported only from client-only modules (next/dynamic with ssr: false): Monaco touches `window` on load.
 */
let configured = false;

export function configureMonaco(): void {
  if (configured) return;
  configured = true;
  self.MonacoEnvironment = {
    getWorker: () => new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" }),
  };
  loader.config({ monaco });
}
