import { handleSandboxRequest } from "@/lib/judge/http/sandbox-endpoint";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleSandboxRequest(request);
}
