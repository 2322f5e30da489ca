/**
 * CPU per provider call against an in-process 0-ms chat-completions upstream (bench/upstream.ts), so the
 * figures are what sits in front of the network: the AI SDK's high-level calls (generateText/streamText),
 * the provider model's own doGenerate/doStream, and Ensemble's ModelClient (createAiSdkClient), which calls
 * doGenerate/doStream and is what the gateway and engine use — each over Node's built-in fetch and over
 * server/providers/http-fetch.ts (node:http keep-alive pools), which the ModelClient uses by default.
 * The "fetch only" rows time one plain chat-completions round trip read the way the SDK reads it (headers
 * copied out, body through a reader): the built-in fetch, httpFetch, and bare node:http requests (no URL or
 * header handling, no abort wiring) that build the Response three ways — body buffered first, wrapped by
 * Readable.toWeb, or a ReadableStream fed by the socket's data events (what httpFetch does).
 *
 *   npx tsx bench/provider-overhead.bench.ts      (or: npm run bench:provider)
 *
 * Each row gets 200 warm-up calls; then the rows take turns, BENCH_ROUNDS (default 5) rounds of
 * BENCH_CALLS / rounds (default 2000 / 5) sequential calls each, so a burst from another process on a shared
 * box hits every row alike, and the median round is printed. "ms cpu/call" is process user+system CPU per
 * call (it includes the upstream's own share, the same for every row), "ms wall" the elapsed time per call.
 */
import { Agent, request as httpRequest, type IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { generateText, streamText, type LanguageModel } from "ai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { startBenchUpstream } from "./upstream";
import { createAiSdkClient } from "@/server/providers/ai-sdk";
import { httpFetch } from "@/server/providers/http-fetch";
import type { ModelClient, ModelSpec } from "@/server/orchestrator/spec";

const N = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = 200;

interface Row {
  name: string;
  call: () => PromiseLike<unknown>;
  cpuMs: number[];
  wallMs: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(rows: Row[]): Promise<void> {
  for (const row of rows) for (let i = 0; i < WARMUP; i++) await row.call();
  const perRound = Math.max(1, Math.round(N / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    for (const row of rows) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      for (let i = 0; i < perRound; i++) await row.call();
      const cpu = process.cpuUsage(cpuStart);
      row.cpuMs.push((cpu.user + cpu.system) / 1000 / perRound);
      row.wallMs.push((performance.now() - wallStart) / perRound);
    }
  }
  for (const row of rows) {
    console.log(`${row.name.padEnd(36)} ${median(row.cpuMs).toFixed(3)} ms cpu/call  ${median(row.wallMs).toFixed(3)} ms wall`);
  }
}

const upstream = await startBenchUpstream();
const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "ping" }] }];
const spec: ModelSpec = {
  id: "bench",
  name: "bench",
  providerId: "p",
  providerKind: "openai-compatible",
  remoteModel: "bench",
  contextWindow: 8000,
  pricing: { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
  enabled: true,
};
const request = { messages: [{ role: "user" as const, content: "ping" }] };
const fetches = [
  ["global fetch", globalThis.fetch],
  ["httpFetch", httpFetch],
] as const;

const rows: Row[] = [];
const row = (name: string, call: () => PromiseLike<unknown>) => rows.push({ name, call, cpuMs: [], wallMs: [] });
for (const [fetchName, fetch] of fetches) {
  const model = createOpenAICompatible({ name: "bench", baseURL: upstream.baseUrl, includeUsage: true, fetch }).chatModel("bench");
  row(`ai generateText, ${fetchName}`, () => generateText({ model: model as LanguageModel, prompt: "ping", maxRetries: 0 }));
  row(`ai streamText, ${fetchName}`, async () => {
    const result = streamText({ model: model as LanguageModel, prompt: "ping", maxRetries: 0 });
    for await (const part of result.fullStream) void part;
  });
  row(`model.doGenerate, ${fetchName}`, () => model.doGenerate({ prompt }));
  row(`model.doStream, ${fetchName}`, async () => {
    const { stream } = await model.doStream({ prompt, includeRawChunks: false });
    const reader = stream.getReader();
    while (!(await reader.read()).done);
  });
}
for (const [fetchName, fetch] of fetches) {
  const client: ModelClient = createAiSdkClient(spec, { baseUrl: upstream.baseUrl, fetch });
  row(`ModelClient.generate, ${fetchName}`, () => client.generate(request));
  row(`ModelClient.stream, ${fetchName}`, async () => {
    for await (const part of client.stream(request)) void part;
  });
}

// the Response construction alternatives httpFetch was chosen from
const rawAgent = new Agent({ keepAlive: true, maxSockets: 256 });
const chatUrl = `${upstream.baseUrl}/chat/completions`;
const chatBody = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "ping" }] });
const rawReply = () =>
  new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(chatUrl, { method: "POST", agent: rawAgent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(chatBody) } });
    req.on("error", reject);
    req.on("response", resolve);
    req.end(chatBody);
  });
const responseInit = (res: IncomingMessage): ResponseInit => ({ status: res.statusCode, statusText: res.statusMessage, headers: res.headers as Record<string, string> });
async function readLikeTheSdk(response: Response): Promise<unknown> {
  Object.fromEntries([...response.headers]);
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  await reader.cancel();
  reader.releaseLock();
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}
const postChat = { method: "POST", headers: { "content-type": "application/json" }, body: chatBody };
row("fetch only: global fetch", async () => readLikeTheSdk(await globalThis.fetch(chatUrl, postChat)));
row("fetch only: httpFetch (socket-fed)", async () => readLikeTheSdk(await httpFetch(chatUrl, postChat)));
row("fetch only: bare, socket-fed", async () => {
  const res = await rawReply();
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        res.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
        res.on("end", () => controller.close());
        res.on("error", (error) => controller.error(error));
      },
    },
    { highWaterMark: 16 },
  );
  return readLikeTheSdk(new Response(stream, responseInit(res)));
});
row("fetch only: bare, buffered", async () => {
  const res = await rawReply();
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return readLikeTheSdk(new Response(Buffer.concat(chunks), responseInit(res)));
});
row("fetch only: bare, Readable.toWeb", async () => {
  const res = await rawReply();
  return readLikeTheSdk(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, responseInit(res)));
});

console.log(`openai-compatible, 0-ms upstream in-process; median of ${ROUNDS} interleaved rounds of ${Math.round(N / ROUNDS)} sequential calls per row`);
await measure(rows);
await upstream.close();
process.exit(0);
