import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (and, at `/v1/messages`,
 * the Anthropic Messages API), so adapter, gateway and e2e tests exercise the real SDKs over real sockets.
 *
 * Each request is answered by the next scripted reply in the queue, else by the handler, else by a default
 * that answers in the protocol the path asks for (plain or streamed, per the body's `stream` flag).
 */

export interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** the parsed JSON body, or undefined when it was empty or not JSON */
  body: unknown;
  rawBody: string;
}

export interface OpenAiUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** What the server does with one request. */
export type FakeReply =
  /** a JSON body (status 200 unless given) */
  | { kind: "json"; status?: number; body: unknown; headers?: Record<string, string> }
  /** a body sent byte for byte, e.g. a malformed one */
  | { kind: "raw"; status?: number; body: string; contentType?: string; headers?: Record<string, string> }
  /**
   * Server-sent events: each entry becomes `data: <entry>\n\n` (objects are JSON-encoded, strings sent as is).
   * `end` says how the response stops once the events are out: "close" ends it normally, "destroy" drops the
   * socket mid-stream. `eventNames` adds an `event:` line per entry (the Anthropic stream uses them).
   */
  | {
      kind: "sse";
      status?: number;
      events: ReadonlyArray<unknown>;
      eventNames?: ReadonlyArray<string>;
      end?: "close" | "destroy";
      delayMsBetweenEvents?: number;
      headers?: Record<string, string>;
    }
  /** never answer (the client must time out or abort) */
  | { kind: "hang" }
  /** drop the connection before sending anything */
  | { kind: "destroy" };

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** e.g. http://127.0.0.1:40123/v1: what an OpenAI-compatible or Anthropic client takes as its base URL */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  /** every request received, in order */
  readonly requests: FakeRequest[];
  /** answer the next requests with these, in order, before falling back to the handler */
  enqueue(...replies: FakeReply[]): void;
  /** replace the handler used once the queue is empty */
  setHandler(handler: FakeHandler | undefined): void;
  close(): Promise<void>;
}

let completionCounter = 0;
const nextId = (prefix: string) => `${prefix}-${++completionCounter}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A non-streamed chat completion, as OpenAI returns it. */
export function chatCompletion(
  text: string,
  options: { model?: string; usage?: OpenAiUsage; finishReason?: string } = {},
): FakeReply {
  const usage = options.usage ?? { prompt_tokens: 10, completion_tokens: Math.max(1, Math.ceil(text.length / 4)) };
  return {
    kind: "json",
    body: {
      id: nextId("chatcmpl"),
      object: "chat.completion",
      created: nowSeconds(),
      model: options.model ?? "fake-model",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: options.finishReason ?? "stop" }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/**
 * A streamed chat completion: a role chunk, one chunk per delta, a finish chunk, a usage chunk and `[DONE]`.
 * `cutAfter` sends only that many deltas and then stops without a finish reason or `[DONE]`, the way a
 * dropped upstream connection looks to the client (`end: "destroy"` drops the socket instead of closing).
 */
export function chatCompletionStream(
  deltas: readonly string[],
  options: { model?: string; usage?: OpenAiUsage; finishReason?: string; cutAfter?: number; end?: "close" | "destroy"; delayMsBetweenEvents?: number } = {},
): FakeReply {
  const id = nextId("chatcmpl");
  const created = nowSeconds();
  const model = options.model ?? "fake-model";
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  });
  const text = deltas.join("");
  const usage = options.usage ?? { prompt_tokens: 10, completion_tokens: Math.max(1, Math.ceil(text.length / 4)) };
  const sent = options.cutAfter === undefined ? deltas : deltas.slice(0, options.cutAfter);
  const events: unknown[] = [chunk({ role: "assistant", content: "" }, null), ...sent.map((content) => chunk({ content }, null))];
  if (options.cutAfter === undefined) {
    events.push(
      chunk({}, options.finishReason ?? "stop"),
      { id, object: "chat.completion.chunk", created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } },
      "[DONE]",
    );
  }
  return { kind: "sse", events, end: options.end ?? "close", delayMsBetweenEvents: options.delayMsBetweenEvents };
}

/** An error in OpenAI's shape: `{ error: { message, type, code } }`. */
export function openAiError(
  status: number,
  message: string,
  options: { type?: string; code?: string | null; headers?: Record<string, string> } = {},
): FakeReply {
  return {
    kind: "json",
    status,
    headers: options.headers,
    body: { error: { message, type: options.type ?? "server_error", param: null, code: options.code ?? null } },
  };
}

/** A non-streamed Anthropic Messages API reply. */
export function anthropicMessage(
  text: string,
  options: { model?: string; usage?: { input_tokens: number; output_tokens: number }; stopReason?: string } = {},
): FakeReply {
  return {
    kind: "json",
    body: {
      id: nextId("msg"),
      type: "message",
      role: "assistant",
      model: options.model ?? "fake-claude",
      content: [{ type: "text", text }],
      stop_reason: options.stopReason ?? "end_turn",
      stop_sequence: null,
      usage: options.usage ?? { input_tokens: 10, output_tokens: Math.max(1, Math.ceil(text.length / 4)) },
    },
  };
}

/** A streamed Anthropic Messages API reply (message_start … message_stop). */
export function anthropicMessageStream(
  deltas: readonly string[],
  options: { model?: string; usage?: { input_tokens: number; output_tokens: number }; cutAfter?: number } = {},
): FakeReply {
  const usage = options.usage ?? { input_tokens: 10, output_tokens: Math.max(1, Math.ceil(deltas.join("").length / 4)) };
  const sent = options.cutAfter === undefined ? deltas : deltas.slice(0, options.cutAfter);
  const events: Array<[string, unknown]> = [
    [
      "message_start",
      {
        type: "message_start",
        message: {
          id: nextId("msg"),
          type: "message",
          role: "assistant",
          model: options.model ?? "fake-claude",
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
        },
      },
    ],
    ["content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }],
    ...sent.map((text): [string, unknown] => ["content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }]),
  ];
  if (options.cutAfter === undefined) {
    events.push(
      ["content_block_stop", { type: "content_block_stop", index: 0 }],
      ["message_delta", { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }],
      ["message_stop", { type: "message_stop" }],
    );
  }
  return { kind: "sse", events: events.map(([, data]) => data), eventNames: events.map(([name]) => name) };
}

/** An error in Anthropic's shape: `{ type: "error", error: { type, message } }`. */
export function anthropicError(status: number, message: string, type = "api_error", headers?: Record<string, string>): FakeReply {
  return { kind: "json", status, headers, body: { type: "error", error: { type, message } } };
}

function lastUserText(body: unknown): string {
  if (!body || typeof body !== "object" || !("messages" in body) || !Array.isArray(body.messages)) return "";
  const messages = body.messages as Array<{ role?: unknown; content?: unknown }>;
  const last = [...messages].reverse().find((m) => m.role === "user");
  if (typeof last?.content === "string") return last.content;
  if (Array.isArray(last?.content)) {
    return (last.content as Array<{ text?: unknown }>).map((part) => (typeof part.text === "string" ? part.text : "")).join("");
  }
  return "";
}

function wantsStream(body: unknown): boolean {
  return Boolean(body && typeof body === "object" && "stream" in body && body.stream === true);
}

/** Echoes the last user message in whichever protocol the path asks for; lists one model at `GET …/models`. */
export const echoHandler: FakeHandler = (request) => {
  const text = `You said: ${lastUserText(request.body)}`;
  const words = text.split(/(?<= )/);
  if (request.method === "GET" && request.path.endsWith("/models")) {
    return { kind: "json", body: { object: "list", data: [{ id: "fake-model", object: "model", created: 0, owned_by: "fake" }] } };
  }
  if (request.path.endsWith("/messages")) return wantsStream(request.body) ? anthropicMessageStream(words) : anthropicMessage(text);
  if (request.path.endsWith("/chat/completions")) return wantsStream(request.body) ? chatCompletionStream(words) : chatCompletion(text);
  return openAiError(404, `Unknown path ${request.path}`, { type: "invalid_request_error" });
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function send(reply: FakeReply, res: ServerResponse): Promise<void> {
  switch (reply.kind) {
    case "json":
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    case "raw":
      res.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json", ...reply.headers });
      res.end(reply.body);
      return;
    case "hang":
      return;
    case "destroy":
      res.socket?.destroy();
      return;
    case "sse": {
      res.writeHead(reply.status ?? 200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", ...reply.headers });
      for (const [index, event] of reply.events.entries()) {
        if (index > 0 && reply.delayMsBetweenEvents) await pause(reply.delayMsBetweenEvents);
        if (res.destroyed) return;
        const name = reply.eventNames?.[index];
        const data = typeof event === "string" ? event : JSON.stringify(event);
        res.write(`${name ? `event: ${name}\n` : ""}data: ${data}\n\n`);
      }
      if (reply.end === "destroy") {
        // let the written events reach the client first, so it sees a stream that starts and then breaks
        await pause(20);
        res.socket?.destroy();
      } else {
        res.end();
      }
      return;
    }
  }
}

/** Starts the fake server on 127.0.0.1 at a free port. */
export async function startFakeServer(options: { handler?: FakeHandler } = {}): Promise<FakeServer> {
  const queue: FakeReply[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  let handler: FakeHandler = options.handler ?? echoHandler;

  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const request: FakeRequest = { method: req.method ?? "GET", path: (req.url ?? "/").split("?")[0] ?? "/", headers: req.headers, body: parseJson(rawBody), rawBody };
      requests.push(request);
      const reply = queue.shift() ?? (await handler(request));
      await send(reply, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`fake server failure: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}/v1`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setHandler: (next) => {
      handler = next ?? echoHandler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // hanging replies keep sockets open; drop them so close() returns
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
