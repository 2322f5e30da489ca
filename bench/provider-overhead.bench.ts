/**
 * CPU per provider call against an in-process 0-ms chat-completions upstream (bench/upstream.ts), so the
 * figures are what sits in front of the network: the AI SDK's high-level calls (generateText/streamText),
 * the provider model's own doGenerate/doStream, and Ensemble's ModelClient (createAiSdkClient), which calls
 * doGenerate/doStream and is what the gateway and engine use.
 *
 *   npx tsx bench/provider-overhead.bench.ts      (or: npm run bench:provider)
 *
 * Each row: 200 warm-up calls, then N sequential calls; "ms cpu/call" is process user+system CPU / N (it
 * includes the upstream's own share, the same for every row), "ms wall" the elapsed time / N.
 */
import { generateText, streamText } from "ai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { startBenchUpstream } from "./upstream";
import { createAiSdkClient } from "@/server/providers/ai-sdk";
import type { ModelSpec } from "@/server/orchestrator/spec";

const N = Number(process.env.BENCH_CALLS ?? 2000);
const WARMUP = 200;

async function time(name: string, call: () => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < WARMUP; i++) await call();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 0; i < N; i++) await call();
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / N;
  const wallMs = (performance.now() - wallStart) / N;
  console.log(`${name.padEnd(34)} ${cpuMs.toFixed(3)} ms cpu/call  ${wallMs.toFixed(3)} ms wall`);
}

const upstream = await startBenchUpstream();
const model = createOpenAICompatible({ name: "bench", baseURL: upstream.baseUrl, includeUsage: true }).chatModel("bench");
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
const client = createAiSdkClient(spec, { baseUrl: upstream.baseUrl });
const request = { messages: [{ role: "user" as const, content: "ping" }] };

console.log(`openai-compatible, ${N} sequential calls per row, 0-ms upstream in-process`);
await time("ai generateText", () => generateText({ model, prompt: "ping", maxRetries: 0 }));
await time("ai streamText", async () => {
  const result = streamText({ model, prompt: "ping", maxRetries: 0 });
  for await (const part of result.fullStream) void part;
});
await time("model.doGenerate", () => model.doGenerate({ prompt }));
await time("model.doStream", async () => {
  const { stream } = await model.doStream({ prompt, includeRawChunks: false });
  const reader = stream.getReader();
  while (!(await reader.read()).done);
});
await time("ModelClient.generate (ai-sdk.ts)", () => client.generate(request));
await time("ModelClient.stream (ai-sdk.ts)", async () => {
  for await (const part of client.stream(request)) void part;
});
await upstream.close();
process.exit(0);
