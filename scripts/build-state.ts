import fs from "node:fs";
import path from "node:path";

/** What the built app is made from: a build older than any of these is stale. */
export const BUILD_SOURCES = ["app", "components", "lib", "prompts", "public", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "generated-pg" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** "missing" without a build, "stale" when a source changed after it, else "fresh". */
export function buildState(root: string): "missing" | "stale" | "fresh" {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return "missing";
  return BUILD_SOURCES.some((source) => newestMtime(path.join(root, source)) > buildId.mtimeMs) ? "stale" : "fresh";
}
