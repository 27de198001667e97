import type { ServerResponse } from "node:http";
import { countTokens } from "gpt-tokenizer";
import type { MockEntry, MockFaultName, MockScript } from "./script";

export type ReportedUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  completion_tokens_details: { reasoning_tokens: number };
};

export type Answer = {
  content: string;
  reasoning?: string;
  finishReason: "stop" | "length";
  usage?: MockEntry["usage"];
  fault?: MockFaultName;
  retryAfter?: number;
  status?: number;
  message?: string;
  hangMs?: number;
  cutAfter?: number;
  tokensPerSecond: number;
  latencyMs: number;
};

export type ChatContext = {
  model: string;
  stream: boolean;
  includeUsage: boolean;
  promptText: string[];
  presentedKey: string;
  /** Resolves when the client goes away, so a hang never outlives its request. */
  closed: Promise<void>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Token counts the way OpenAI bills chat messages: a few framing tokens per message plus the reply primer. */
export function promptTokens(messages: string[]): number {
  return messages.reduce((sum, text) => sum + countTokens(text) + 4, 3);
}

function usageFor(answer: Answer, ctx: ChatContext, sentContent: string, sentReasoning: string): ReportedUsage {
  const reasoning = answer.usage?.reasoning_tokens ?? (sentReasoning ? countTokens(sentReasoning) : 0);
  const prompt = answer.usage?.prompt_tokens ?? promptTokens(ctx.promptText);
  const completion = answer.usage?.completion_tokens ?? countTokens(sentContent) + reasoning;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: answer.usage?.cached_tokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

function sendError(res: ServerResponse, status: number, message: string, type: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ error: { message, type, code: type } }));
}

/** Splits text into word-sized pieces, roughly what a provider sends per chunk. */
function pieces(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

/**
 * Drops the socket without a final chunk, which is what a cut connection looks like to the client. The pause lets
 * the partial answer reach the client first, as it does when a real connection breaks mid-stream.
 */
async function dropAfterFlush(res: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => res.write("", () => resolve()));
  await sleep(30);
  res.socket?.destroy();
}

/** Holds the connection open without a byte until the client gives up (or hangMs passes), then drops it. */
async function holdThenDrop(res: ServerResponse, answer: Answer, ctx: ChatContext): Promise<void> {
  await Promise.race([ctx.closed, answer.hangMs ? sleep(answer.hangMs) : new Promise<void>(() => {})]);
  if (!res.destroyed) res.destroy();
}

export type Outcome = { answered: string; usage?: ReportedUsage };

/** Writes one chat-completion answer (or the scripted fault) and says what was sent. */
export async function respond(res: ServerResponse, answer: Answer, ctx: ChatContext, script: MockScript): Promise<Outcome> {
  if (answer.latencyMs > 0) await Promise.race([sleep(answer.latencyMs), ctx.closed]);
  switch (answer.fault) {
    case "rate_limit": {
      const retryAfter = String(answer.retryAfter ?? 1);
      sendError(res, answer.status ?? 429, answer.message ?? "Rate limit reached (mock-llm)", "rate_limit_exceeded", {
        "retry-after": retryAfter,
      });
      return { answered: "rate_limit" };
    }
    case "server_error":
      sendError(res, answer.status ?? 500, answer.message ?? "The server had an error (mock-llm)", "server_error");
      return { answered: "server_error" };
    case "unauthorized":
      // Some proxies echo the presented key back; the gateway must scrub it.
      sendError(res, 401, answer.message ?? `Incorrect API key provided: ${ctx.presentedKey}`, "invalid_api_key");
      return { answered: "unauthorized" };
    case "bad_request":
      sendError(res, answer.status ?? 400, answer.message ?? "Bad request (mock-llm)", "invalid_request_error");
      return { answered: "bad_request" };
    case "hang":
      // With cutAfter the stall comes mid-stream, after part of the answer (streamAnswer handles it).
      if (answer.cutAfter !== undefined && ctx.stream) return streamAnswer(res, answer, ctx, script);
      await holdThenDrop(res, answer, ctx);
      return { answered: "hang" };
    case "garbage":
      if (ctx.stream) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"id": "chatcmpl-garbage", "choices": [{"delta": <<not json>>\n\n');
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("<html><body>502 Bad Gateway</body></html>");
      }
      return { answered: "garbage" };
    default:
      return ctx.stream ? streamAnswer(res, answer, ctx, script) : wholeAnswer(res, answer, ctx, script);
  }
}

function visibleContent(answer: Answer): { content: string; finishReason: "stop" | "length" } {
  if (answer.fault === "truncate") {
    const keep = answer.cutAfter ?? Math.floor(answer.content.length / 2);
    return { content: answer.content.slice(0, keep), finishReason: "length" };
  }
  return { content: answer.content, finishReason: answer.finishReason };
}

function wholeAnswer(res: ServerResponse, answer: Answer, ctx: ChatContext, script: MockScript): Outcome {
  const { content, finishReason } = visibleContent(answer);
  const usage = usageFor(answer, ctx, content, answer.reasoning ?? "");
  const message: Record<string, unknown> = { role: "assistant", content };
  if (answer.reasoning) message[script.reasoningField] = answer.reasoning;
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `chatcmpl-mock-${Date.now()}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: ctx.model,
      choices: [{ index: 0, message, finish_reason: finishReason }],
      ...(script.usage ? { usage } : {}),
    }),
  );
  return { answered: finishReason === "length" ? "truncate" : "content", usage: script.usage ? usage : undefined };
}

async function streamAnswer(res: ServerResponse, answer: Answer, ctx: ChatContext, script: MockScript): Promise<Outcome> {
  const id = `chatcmpl-mock-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model: ctx.model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    })}\n\n`;
  let gone = false;
  void ctx.closed.then(() => (gone = true));

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.write(chunk({ role: "assistant", content: "" }, null));

  const { content, finishReason } = visibleContent(answer);
  const breaks = answer.fault === "cut" || answer.fault === "hang";
  const cutAt = breaks ? (answer.cutAfter ?? Math.floor(content.length / 2)) : Infinity;
  const breakOff = async (): Promise<Outcome> => {
    if (answer.fault === "hang") {
      await new Promise<void>((resolve) => res.write("", () => resolve()));
      await holdThenDrop(res, answer, ctx);
      return { answered: "hang" };
    }
    await dropAfterFlush(res);
    return { answered: "cut" };
  };
  const pace = async (text: string) => {
    if (answer.tokensPerSecond > 0) await sleep((countTokens(text) * 1000) / answer.tokensPerSecond);
  };

  let sentReasoning = "";
  for (const piece of pieces(answer.reasoning ?? "")) {
    if (gone) return { answered: "client_closed" };
    await pace(piece);
    res.write(chunk({ [script.reasoningField]: piece }, null));
    sentReasoning += piece;
  }
  let sent = "";
  for (const piece of pieces(content)) {
    if (gone) return { answered: "client_closed" };
    if (sent.length + piece.length > cutAt) {
      const head = piece.slice(0, cutAt - sent.length);
      if (head) res.write(chunk({ content: head }, null));
      return breakOff();
    }
    await pace(piece);
    res.write(chunk({ content: piece }, null));
    sent += piece;
  }
  if (breaks) return breakOff();
  res.write(chunk({}, finishReason));
  const usage = usageFor(answer, ctx, sent, sentReasoning);
  const report = script.usage && ctx.includeUsage;
  if (report) {
    res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: ctx.model, choices: [], usage })}\n\n`);
  }
  res.end("data: [DONE]\n\n");
  return { answered: finishReason === "length" ? "truncate" : "content", usage: report ? usage : undefined };
}
