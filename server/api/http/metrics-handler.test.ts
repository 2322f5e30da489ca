import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { seedDemoRoster } from "@/db/seed";
import { createServices } from "@/server/services/app";
import { exporterFor } from "@/server/services/metrics";
import { handleHealth } from "./health-handler";
import { handleMetrics } from "./metrics-handler";
import { tokenMatches } from "./metrics-auth";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const db = createDb(":memory:");
seedDemoRoster(db);
const services = createServices(db);
const exporter = async () => exporterFor(services);
const req = (auth?: string) => new Request("http://localhost/api/metrics", { headers: auth ? { authorization: auth } : {} });

describe("/api/metrics", () => {
  it("serves Prometheus text with the bearer token", async () => {
    const res = await handleMetrics(req("Bearer s3cret-token"), { token: "s3cret-token", sessionRole: async () => null, exporter });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(/# TYPE ensemble_tasks_queued gauge/);
    expect(body).toMatch(/ensemble_process_resident_memory_bytes|ensemble_nodejs_heap_size_used_bytes/);
    expect(body).toMatch(/ensemble_metrics_scrape_duration_seconds_bucket/);
    expect(body).toMatch(/ensemble_breakers\{state="closed"\} \d+/);
    expect(body).toMatch(/ensemble_shadow_spend_usd_window \d/);
  });

  it("401s without credentials, with a wrong token, or for a non-admin session", async () => {
    for (const [auth, role] of [[undefined, null], ["Bearer nope", null], [undefined, "operator"]] as const) {
      const res = await handleMetrics(req(auth), { token: "s3cret-token", sessionRole: async () => role, exporter });
      expect(res.status).toBe(401);
    }
    // no token configured: a bearer header never opens it
    expect((await handleMetrics(req("Bearer "), { token: undefined, sessionRole: async () => null, exporter })).status).toBe(401);
  });

  it("admits an admin session", async () => {
    expect((await handleMetrics(req(), { token: undefined, sessionRole: async () => "admin", exporter })).status).toBe(200);
  });

  it("compares tokens by digest", () => {
    expect(tokenMatches("abc", "abc")).toBe(true);
    expect(tokenMatches("abc", "abcd")).toBe(false);
  });
});

describe("/api/health", () => {
  it("is 200 when ok and 503 when degraded or failing", async () => {
    const ok = await handleHealth(async () => ({ status: "ok", database: true, queueDepth: 0, running: 0, breakers: { open: 0, halfOpen: 0, closed: 3 } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "ok", breakers: { closed: 3 } });
    const broken = await handleHealth(async () => {
      throw new Error("db gone");
    });
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ status: "degraded", database: false });
  });
});
