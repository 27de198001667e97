import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { respond, type Answer, type ReportedUsage } from "./respond";
import { parseMockScript, type MockScript, type MockScriptInput } from "./script";
import { AnswerSelector } from "./select";

export const STAGE_HEADER = "x-alphaflow-stage";

export type RecordedRequest = {
  /** 1-based number among chat-completion requests. */
  n: number;
  method: string;
  path: string;
  /** The query string, e.g. Azure's `?api-version=…`. */
  query: string;
  stage: string | null;
  /** Position of this call within its stage (and match group), 0-based; null when a scheduled fault answered. */
  ordinal: number | null;
  headers: Record<string, string>;
  body: unknown;
  answered: string;
  usage?: ReportedUsage;
  startedAt: number;
  finishedAt?: number;
};

export type MockLlmOptions = {
  script?: MockScriptInput | string;
  port?: number;
  host?: string;
  tokensPerSecond?: number;
  latencyMs?: number;
};

export type MockLlm = {
  url: string;
  /** The base URL the SDK wants (`…/v1`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Chat-completion requests only, in arrival order. */
  chatRequests: () => RecordedRequest[];
  maxInFlight: () => number;
  setScript: (script: MockScriptInput | string) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const ChatBody = z
  .object({
    model: z.string().min(1),
    messages: z
      .array(z.object({ role: z.string(), content: z.union([z.string(), z.array(z.unknown()), z.null()]) }).passthrough())
      .min(1),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullish(),
  })
  .passthrough();

/** OpenAI's path, and Azure's per-deployment one so the Azure preset can be tested too. */
const CHAT_PATHS = [/^\/v1\/chat\/completions$/, /^\/openai\/deployments\/[^/]+\/chat\/completions$/];

const SECRET_HEADERS = new Set(["authorization", "api-key"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (b: Buffer) => parts.push(b));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((p) => (p && typeof p === "object" && "text" in p ? String(p.text) : "")).join("");
  }
  return "";
}

/** Starts the mock OpenAI-compatible server; `port: 0` picks a free port. */
export async function startMockLlm(options: MockLlmOptions = {}): Promise<MockLlm> {
  let script: MockScript = parseMockScript(options.script ?? {});
  let selector = new AnswerSelector(script);
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let chatCount = 0;

  const handleChat = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req));
    } catch {
      record.answered = "invalid_json";
      return json(res, 400, { error: { message: "mock-llm: request body is not JSON", type: "invalid_request_error" } });
    }
    record.body = raw;
    const body = ChatBody.safeParse(raw);
    if (!body.success) {
      record.answered = "invalid_body";
      const message = body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return json(res, 400, { error: { message: `mock-llm: ${message}`, type: "invalid_request_error" } });
    }
    chatCount += 1;
    record.n = chatCount;
    const messages = body.data.messages;
    const lastUser = [...messages].reverse().find((m) => m.role === "user");
    const selection = selector.select(record.stage ?? undefined, textOf(lastUser?.content));
    if (selection.kind === "none") {
      record.answered = "no_script_entry";
      return json(res, 404, { error: { message: selection.reason, type: "mock_script_error" } });
    }
    const source = selection.kind === "entry" ? selection.entry : { ...selection.fault, content: "", finishReason: "stop" as const };
    record.ordinal = selection.kind === "entry" ? selection.ordinal : null;
    const entryPacing = selection.kind === "entry" ? selection.entry : undefined;
    const answer: Answer = {
      ...source,
      tokensPerSecond: entryPacing?.tokensPerSecond ?? options.tokensPerSecond ?? script.tokensPerSecond ?? 0,
      latencyMs: entryPacing?.latencyMs ?? options.latencyMs ?? script.latencyMs ?? 0,
    };
    const closed = new Promise<void>((resolve) => res.on("close", () => resolve()));
    const auth = req.headers.authorization ?? req.headers["api-key"] ?? "";
    const outcome = await respond(
      res,
      answer,
      {
        model: body.data.model,
        stream: body.data.stream === true,
        includeUsage: body.data.stream_options?.include_usage === true,
        promptText: messages.map((m) => textOf(m.content)),
        presentedKey: String(auth).replace(/^Bearer\s+/i, ""),
        closed,
      },
      script,
    );
    record.answered = outcome.answered;
    record.usage = outcome.usage;
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://mock");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      headers[k] = SECRET_HEADERS.has(k) ? "[present]" : String(v);
    }
    const record: RecordedRequest = {
      n: 0,
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search,
      stage: req.headers[STAGE_HEADER] ? String(req.headers[STAGE_HEADER]) : null,
      ordinal: null,
      headers,
      body: null,
      answered: "",
      startedAt: Date.now(),
    };
    if (!url.pathname.startsWith("/__mock/")) {
      requests.push(record);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on("close", () => {
        inFlight -= 1;
        record.finishedAt = Date.now();
      });
    }

    const route = async () => {
      if (req.method === "GET" && url.pathname === "/v1/models") {
        record.answered = "models";
        return json(res, 200, {
          object: "list",
          data: script.models.map((id) => ({
            id,
            object: "model",
            created: 0,
            owned_by: "mock-llm",
            ...(script.contextWindow ? { max_model_len: script.contextWindow } : {}),
          })),
        });
      }
      if (req.method === "POST" && CHAT_PATHS.some((p) => p.test(url.pathname))) return handleChat(req, res, record);
      if (req.method === "POST" && url.pathname === "/api/show") {
        record.answered = "ollama_show";
        return json(res, 200, { parameters: script.contextWindow ? `num_ctx ${script.contextWindow}` : "", model_info: {} });
      }
      if (req.method === "GET" && url.pathname === "/__mock/requests") return json(res, 200, requests);
      if (req.method === "POST" && url.pathname === "/__mock/reset") {
        reset();
        return json(res, 200, { ok: true });
      }
      if (req.method === "POST" && url.pathname === "/__mock/script") {
        try {
          setScript(await readBody(req));
          return json(res, 200, { ok: true });
        } catch (error) {
          return json(res, 400, { error: { message: (error as Error).message } });
        }
      }
      record.answered = "not_found";
      return json(res, 404, { error: { message: `mock-llm: no route ${req.method} ${url.pathname}`, type: "not_found" } });
    };
    route().catch((error: unknown) => {
      record.answered = "mock_error";
      if (!res.headersSent) json(res, 500, { error: { message: `mock-llm internal error: ${String(error)}` } });
      else res.destroy();
    });
  });

  function reset() {
    requests.length = 0;
    chatCount = 0;
    maxInFlight = inFlight;
    selector = new AnswerSelector(script);
  }
  function setScript(next: MockScriptInput | string) {
    script = parseMockScript(next);
    reset();
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => CHAT_PATHS.some((p) => p.test(r.path))),
    maxInFlight: () => maxInFlight,
    setScript,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
