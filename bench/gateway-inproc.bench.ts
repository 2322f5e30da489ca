/**
 * `npx tsx bench/gateway-inproc.bench.ts`: the gateway's own CPU cost per request, without the HTTP server in
 * front of it (the handler is called with fetch Request objects), against the 0-ms upstream, sequentially and
 * 50 at a time. Prints wall time and this process's CPU per request (the upstream's share included). For
 * profiling the hot path: `node --cpu-prof --import tsx bench/gateway-inproc.bench.ts`.
 * BENCH_REQUESTS (default 3000), BENCH_SEQUENTIAL (default = BENCH_REQUESTS).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { createGatewayHandlers } from "@/server/api/gateway";
import { bootstrap, createServices } from "@/server/services/app";
import { startBenchUpstream } from "./upstream";

process.env.ENSEMBLE_SECRET ??= "bench-secret-not-for-production-0123456789";
// every request must reach the upstream: the same "ping" would otherwise be served by the result cache
process.env.ENSEMBLE_CACHE_TTL_SECONDS ??= "0";
const N = Number(process.env.BENCH_REQUESTS ?? 3000);

async function main() {
  const upstream = await startBenchUpstream();
  const dir = mkdtempSync(path.join(tmpdir(), "ensemble-inproc-"));
  const services = createServices(createDb(path.join(dir, "ensemble.db")));
  await bootstrap(services, () => undefined);
  const provider = services.providers.create({ name: "bench-upstream", kind: "openai-compatible", baseUrl: upstream.baseUrl });
  services.roster.create({ id: "bench-echo", name: "Bench echo", providerId: provider.id, remoteModel: "bench", contextWindow: 32_000, inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2, enabled: true });
  const { key } = services.apiKeys.create({ name: "bench", rateLimitPerMinute: 1_000_000 });
  const gateway = createGatewayHandlers(() => services);
  const body = JSON.stringify({ model: "bench-echo", messages: [{ role: "user", content: "ping" }] });
  const one = async () => {
    const response = await gateway.chatCompletions(
      new Request("http://x/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }),
    );
    if (response.status !== 200) throw new Error(`status ${response.status}: ${await response.text()}`);
    await response.text();
  };
  for (let i = 0; i < 300; i++) await one();
  let t = performance.now();
  const cpu = process.cpuUsage();
  const sequential = Number(process.env.BENCH_SEQUENTIAL ?? N);
  for (let i = 0; i < sequential; i++) await one();
  const used = process.cpuUsage(cpu);
  if (sequential > 0) {
    console.log(`sequential: ${((performance.now() - t) / sequential).toFixed(3)} ms/request, CPU ${((used.user + used.system) / 1000 / sequential).toFixed(3)} ms/request (this process, upstream included)`);
  }
  t = performance.now();
  const cpu50 = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: 50 }, async () => { while (next++ < N) await one(); }));
  const ms = performance.now() - t;
  const used50 = process.cpuUsage(cpu50);
  console.log(`50 at a time: ${(N / (ms / 1000)).toFixed(0)} req/s, CPU ${((used50.user + used50.system) / 1000 / N).toFixed(3)} ms/request`);
  services.db.$client.close();
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
