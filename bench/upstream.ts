import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const REPLY = "pong";
const USAGE = { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 };
const JSON_BODY = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 0,
  model: "bench",
  choices: [{ index: 0, message: { role: "assistant", content: REPLY }, finish_reason: "stop" }],
  usage: USAGE,
});
const chunk = (delta: object, finish: string | null, usage?: object) =>
  `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 0, model: "bench", choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
const SSE_BODY = chunk({ role: "assistant", content: "" }, null) + chunk({ content: REPLY }, null) + chunk({}, "stop") + chunk({}, null, USAGE) + "data: [DONE]\n\n";

/**
 * The smallest OpenAI chat-completions upstream: a constant answer in 0 ms, plain or streamed, so the
 * benchmark measures what sits in front of it. Bodies are prebuilt; the request body is only sniffed.
 */
export async function startBenchUpstream() {
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      if (body.includes('"stream":true')) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.end(SSE_BODY);
      } else {
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(JSON_BODY) });
        res.end(JSON_BODY);
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
