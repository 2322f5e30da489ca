/**
 * `npm run bench:gateway`: throughput and added latency of the gateway against a 0-ms upstream.
 * Alternates direct (upstream) and through Ensemble (`model: <roster id>`) — on the gateway's own port (the
 * I/O thread's HTTP front) and on the dashboard's port — 50 and 1 connections, 10 s each, 3 rounds; prints
 * medians, then checks every Ensemble request left a task behind.
 * Figures, not pass/fail: see README "Performance".
 */
import { spawn, execSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createDb } from "@/db/client";
import { bootstrap, createServices } from "@/server/services/app";
import { startBenchUpstream } from "./upstream";

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODEL_ID = "bench-echo";
process.env.ENSEMBLE_SECRET ??= "bench-secret-not-for-production-0123456789";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Provider, model and key written straight to the database before the server opens it. */
async function prepareDatabase(file: string, upstreamBaseUrl: string): Promise<string> {
  const services = createServices(createDb(file));
  await bootstrap(services, () => undefined);
  const provider = services.providers.create({ name: "bench-upstream", kind: "openai-compatible", baseUrl: upstreamBaseUrl });
  services.roster.create({
    id: MODEL_ID,
    name: "Bench echo",
    providerId: provider.id,
    remoteModel: "bench",
    contextWindow: 32_000,
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.2,
    enabled: true,
  });
  const { key } = services.apiKeys.create({ name: "bench", rateLimitPerMinute: 1_000_000 });
  services.db.$client.close();
  return key;
}

async function waitForServer(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not come up`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  bad: number;
}

async function measure(url: string, apiKey: string, model: string, connections: number, duration = DURATION_S): Promise<Figure> {
  const result = await autocannon({
    url,
    connections,
    duration,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model, messages: [{ role: "user", content: "ping" }] }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, ok: result["2xx"], bad: result.non2xx + result.errors + result.timeouts };
}

async function main() {
  const root = process.cwd();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("no production build: running npm run build");
    execSync("npm run build", { stdio: "inherit" });
  }
  const upstream = await startBenchUpstream();
  const dir = mkdtempSync(path.join(tmpdir(), "ensemble-bench-"));
  const dbFile = path.join(dir, "ensemble.db");
  const key = await prepareDatabase(dbFile, upstream.baseUrl);
  const port = await freePort();
  const gatewayPort = await freePort();
  // the production entry, as `npm run serve` starts it; BENCH_SERVER_NODE_ARGS takes flags NODE_OPTIONS refuses,
  // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // the young-generation size `npm run serve` sets (see README "Performance": scavenges were the p99 stalls)
  const server = spawn(process.execPath, [...nodeArgs, "--max-semi-space-size=" + (process.env.BENCH_SEMI_SPACE_MB ?? "64"), "--import", "tsx", path.join(root, "server.ts")], {
    env: {
      ...process.env,
      DATABASE_URL: dbFile,
      PORT: String(port),
      ENSEMBLE_GATEWAY_PORT: String(gatewayPort),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? "",
      // every request must reach the upstream: the same "ping" would otherwise be answered by the result cache
      ENSEMBLE_CACHE_TTL_SECONDS: "0",
    },
    // BENCH_SERVER_LOG=<file>: keep the server's stdout (e.g. with BENCH_SERVER_NODE_ARGS="--trace-gc")
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, "w") : "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${origin}/login`);
    const direct = `${upstream.baseUrl}/chat/completions`;
    const ensemble = `http://127.0.0.1:${gatewayPort}/api/v1/chat/completions`;
    const viaDashboard = `${origin}/api/v1/chat/completions`;
    await waitForServer(ensemble);
    // warm every path (JIT, route compilation, connection pools) before anything is counted
    await measure(ensemble, key, MODEL_ID, 10, 3);
    await measure(viaDashboard, key, MODEL_ID, 10, 2);
    await measure(direct, key, "bench", 10, 1);

    const figures: Record<string, Figure[]> = {};
    let ensembleOk = 0;
    let ensembleBad = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const connections of [50, 1]) {
        const targets = [
          ["direct", direct, "bench"],
          ["ensemble", ensemble, MODEL_ID],
          ["dashboard", viaDashboard, MODEL_ID],
        ] as const;
        for (const [label, url, model] of targets) {
          const f = await measure(url, key, model, connections);
          (figures[`${label}@${connections}`] ??= []).push(f);
          if (label !== "direct") {
            ensembleOk += f.ok;
            ensembleBad += f.bad;
          }
          console.log(`round ${round} ${label.padEnd(8)} c=${String(connections).padEnd(2)} ${f.rps.toFixed(0).padStart(6)} req/s  p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  non-2xx/errors ${f.bad}`);
        }
      }
    }

    console.log(`\nmedians of ${ROUNDS} rounds, ${DURATION_S} s each (autocannon latency resolution: 1 ms at p50/p99 is ±0.5 ms)`);
    console.log("target      conns   req/s   p50 ms   p99 ms   (ensemble: the gateway port; dashboard: /api/v1 on the dashboard's port)");
    for (const [name, fs] of Object.entries(figures)) {
      const [label, c] = name.split("@");
      console.log(`${(label ?? "").padEnd(11)} ${(c ?? "").padEnd(7)} ${median(fs.map((f) => f.rps)).toFixed(0).padStart(6)}   ${median(fs.map((f) => f.p50)).toFixed(2).padStart(6)}   ${median(fs.map((f) => f.p99)).toFixed(2).padStart(6)}`);
    }
    const added = (q: "p50" | "p99") => median((figures["ensemble@1"] ?? []).map((f) => f[q])) - median((figures["direct@1"] ?? []).map((f) => f[q]));
    console.log(`\nadded by Ensemble at 1 connection: p50 ${added("p50").toFixed(2)} ms, p99 ${added("p99").toFixed(2)} ms (targets ≤ 1 ms, ≤ 3 ms)`);
    const rps50 = (label: string) => median((figures[`${label}@50`] ?? []).map((f) => f.rps)).toFixed(0);
    console.log(`Ensemble at 50 connections: ${rps50("ensemble")} req/s on the gateway port, ${rps50("dashboard")} on the dashboard's port (target ≥ 1,500; Portkey 1.15.2: 744)`);

    // every answered request must be a persisted task (warm-up requests included, hence ≥)
    await new Promise((r) => setTimeout(r, 500));
    const check = new Database(dbFile, { readonly: true });
    const row = check.prepare("select count(*) as n, sum(status = 'completed') as done from tasks where source = 'gateway'").get() as { n: number; done: number };
    check.close();
    console.log(`tasks persisted: ${row.n} gateway tasks (${row.done} completed) for ${ensembleOk} measured 2xx answers (+ warm-up); non-2xx/errors ${ensembleBad}`);
    if (row.done < ensembleOk) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
