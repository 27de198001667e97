import { z } from "zod";

/**
 * The run routes of lib/runs as the studio calls them. Every answer is checked, and a refusal becomes an Error
 * whose message is the server's own reason.
 */

const createdSchema = z.object({ runId: z.string().min(1) });

export type CreateRunBody = {
  problemId: string;
  config?: Record<string, unknown>;
  model?: string;
  language?: "python3" | "cpp";
  mode?: "flow" | "baseline" | "direct";
  parentRunId?: string;
  forkFromStage?: string;
  forkInput?: unknown;
};

async function failure(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const reason = typeof body?.error === "string" ? body.error : `the server answered ${response.status}`;
  return new Error(reason);
}

async function post(url: string, body?: unknown): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response;
}

export async function createRun(body: CreateRunBody): Promise<string> {
  const response = await post("/api/runs", body);
  return createdSchema.parse(await response.json()).runId;
}

export async function cancelRun(runId: string): Promise<void> {
  await post(`/api/runs/${encodeURIComponent(runId)}/cancel`);
}

export async function resumeRun(runId: string): Promise<void> {
  await post(`/api/runs/${encodeURIComponent(runId)}/resume`);
}
