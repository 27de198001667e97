import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { describeZodError, ImportError } from "./import-error";

export const DEFAULT_HF_ENDPOINT = "https://huggingface.co";

/** `owner/name` with an optional `@revision`, as in `hf:deepmind/code_contests@main`. */
const datasetSpecSchema = z
  .string()
  .regex(/^[\w.-]+(\/[\w.-]+)?(@[\w./-]+)?$/, "expected hf:<owner>/<dataset>[@revision]");

const treeEntrySchema = z.object({
  type: z.string(),
  path: z.string().min(1),
  size: z.number().nonnegative().optional(),
});

export type HubFile = { path: string; size: number | null };

export interface HubOptions {
  /** Same variable as huggingface_hub, so a mirror configured for Python works here too. */
  endpoint?: string;
  token?: string;
  signal?: AbortSignal;
}

export interface DownloadProgress {
  file: string;
  received: number;
  total: number | null;
}

export function parseDatasetSpec(spec: string): { id: string; revision: string } {
  const parsed = datasetSpecSchema.safeParse(spec);
  if (!parsed.success) throw new ImportError(`hf:${spec}`, describeZodError(parsed.error));
  const [id, revision = "main"] = parsed.data.split("@");
  return { id, revision };
}

export function hubOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HubOptions {
  return { endpoint: env.HF_ENDPOINT || DEFAULT_HF_ENDPOINT, token: env.HF_TOKEN || undefined };
}

/** Every file of a dataset revision, following the API's `Link: rel="next"` pages. */
export async function listDatasetFiles(id: string, revision: string, options: HubOptions): Promise<HubFile[]> {
  const base = endpointOf(options);
  let url: string | null = `${base}/api/datasets/${id}/tree/${encodeURIComponent(revision)}?recursive=true`;
  const files: HubFile[] = [];
  while (url) {
    const response = await hubFetch(url, id, options);
    const parsed = z.array(treeEntrySchema).safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ImportError(`hf:${id}`, `the hub's file listing was not understood (${describeZodError(parsed.error)})`);
    for (const entry of parsed.data) if (entry.type === "file") files.push({ path: entry.path, size: entry.size ?? null });
    url = nextLink(response.headers.get("link"));
  }
  return files;
}

/** Downloads one file to `destination`/<its path>, reporting bytes as they arrive. */
export async function downloadDatasetFile(
  id: string,
  revision: string,
  file: HubFile,
  destination: string,
  options: HubOptions & { onProgress?: (progress: DownloadProgress) => void },
): Promise<string> {
  const target = path.resolve(destination, file.path);
  if (!target.startsWith(path.resolve(destination) + path.sep)) throw new ImportError(`hf:${id}`, `refusing file path ${file.path}`);
  const encoded = file.path.split("/").map(encodeURIComponent).join("/");
  const response = await hubFetch(`${endpointOf(options)}/datasets/${id}/resolve/${encodeURIComponent(revision)}/${encoded}`, id, options);
  if (!response.body) throw new ImportError(`hf:${id}`, `${file.path}: empty response`);
  const header = Number(response.headers.get("content-length"));
  const total = Number.isFinite(header) && header > 0 ? header : file.size;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let received = 0;
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    received += chunk.length;
    options.onProgress?.({ file: file.path, received, total });
  });
  await pipeline(body, fs.createWriteStream(target));
  if (total !== null && received !== total) {
    throw new ImportError(`hf:${id}`, `${file.path}: download ended after ${received} of ${total} bytes`);
  }
  return target;
}

function endpointOf(options: HubOptions): string {
  return (options.endpoint || DEFAULT_HF_ENDPOINT).replace(/\/+$/, "");
}

async function hubFetch(url: string, id: string, options: HubOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      signal: options.signal,
      redirect: "follow",
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new ImportError(`hf:${id}`, `cannot reach ${new URL(url).origin} (${cause}); set HF_ENDPOINT for a mirror`);
  }
  if (response.ok) return response;
  const hint =
    response.status === 401 || response.status === 403
      ? " — the dataset may be gated or private: set HF_TOKEN"
      : response.status === 404
        ? " — no such dataset, revision or file"
        : "";
  throw new ImportError(`hf:${id}`, `${new URL(url).pathname}: HTTP ${response.status}${hint}`);
}

function nextLink(header: string | null): string | null {
  if (!header) return null;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  return match ? match[1] : null;
}
