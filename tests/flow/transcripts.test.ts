import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { structuredAnswers } from "@/lib/flow/parse/answers";
import { classifyAnswer, type AnswerKind } from "@/lib/flow/parse/classify";
import { extractCode } from "@/lib/flow/parse/code-block";
import { readYamlAnswer, type YamlAnswerSpec } from "@/lib/flow/parse/yaml-reader";
import { missingShared, sharedFile } from "../helpers/shared-data";

const FILE = "llm-transcripts/alphacodium_calls.jsonl";

const transcriptSchema = z.object({ stage: z.string(), model: z.string(), response: z.string() });

/** Which answer kinds each logged stage of the original flow may produce (the dev flow's reflection included solutions). */
const KINDS_BY_LOGGED_STAGE: [RegExp, AnswerKind[]][] = [
  [/reflect|reflection stage/, ["reflect", "validate_reflection"]],
  [/best_solution|choose best/, ["choose_solution"]],
  [/possible solutions/, ["possible_solutions"]],
  [/validate ai tests|generate ai tests/, ["ai_tests"]],
  [/response_solve/, ["code", "ai_tests"]],
  [/solve stage|initial solve/, ["code"]],
  [/iterate on|simple test/, ["analyze_failure", "analyze_and_fix", "code"]],
];

/** One python3 process checks the syntax of every extracted program (compile only, nothing runs). */
function syntaxErrors(programs: string[]): (string | null)[] {
  const checker = "import json,sys\nout=[]\nfor src in json.load(sys.stdin):\n  try:\n    compile(src,'<answer>','exec'); out.append(None)\n  except SyntaxError as e:\n    out.append(str(e))\nprint(json.dumps(out))";
  return JSON.parse(execFileSync("python3", ["-c", checker], { input: JSON.stringify(programs) }).toString());
}

describe.skipIf(missingShared(FILE))("the reader on 207 real AlphaCodium responses", () => {
  it("turns at least 98% into schema-valid objects for their stage", () => {
    const rows = fs
      .readFileSync(sharedFile(FILE)!, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => transcriptSchema.parse(JSON.parse(line)));
    expect(rows).toHaveLength(207);

    const outcomes = rows.map((row) => {
      const kind = classifyAnswer(row.response);
      const allowed = KINDS_BY_LOGGED_STAGE.find(([pattern]) => pattern.test(row.stage))?.[1] ?? [];
      expect(allowed, `logged stage "${row.stage}" classified as ${kind}`).toContain(kind);
      if (kind === "code") {
        const code = extractCode(row.response, "python3");
        return { row, kind, ok: code.ok, code: code.ok ? code.code : null, error: code.ok ? "" : code.error };
      }
      const spec: YamlAnswerSpec<z.ZodType> = structuredAnswers[kind];
      const read = readYamlAnswer(row.response, spec);
      return { row, kind, ok: read.ok, code: null, error: read.ok ? "" : read.error };
    });
    const programs = outcomes.filter((o) => o.code !== null);
    syntaxErrors(programs.map((o) => o.code!)).forEach((error, i) => {
      if (error) Object.assign(programs[i], { ok: false, error: `python syntax: ${error}` });
    });

    const perKind = new Map<string, { ok: number; total: number }>();
    for (const o of outcomes) {
      const entry = perKind.get(o.kind) ?? { ok: 0, total: 0 };
      entry.total++;
      if (o.ok) entry.ok++;
      perKind.set(o.kind, entry);
    }
    const passed = outcomes.filter((o) => o.ok).length;
    const lines = [...perKind].map(([kind, { ok, total }]) => `  ${kind.padEnd(20)} ${ok}/${total}`);
    console.log(`transcript parse rate: ${passed}/${rows.length} (${((100 * passed) / rows.length).toFixed(1)}%)\n${lines.join("\n")}`);
    for (const o of outcomes.filter((x) => !x.ok)) console.log(`  failed [${o.kind}] ${o.row.stage}: ${o.error}`);
    expect(passed / rows.length).toBeGreaterThanOrEqual(0.98);
  });
});
