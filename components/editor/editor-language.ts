/** Monaco's language id for a judge language (or a file kind the studio edits). */
export function monacoLanguage(language: string): string {
  if (language === "python3" || language === "python") return "python";
  if (language === "cpp") return "cpp";
  if (language === "yaml") return "yaml";
  return "plaintext";
}
