import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { DEFAULT_RESILIENCE_SETTINGS } from "@/server/orchestrator/spec";
import { createHarness, type Harness } from "../testing/harness";
import { chatCompletions } from "./chat-completions";
import type { GatewayReply, GatewayRequest } from "./transport";

/**
 * Monthly budgets under concurrency, driven through the gateway's handler with the simulated roster. Each call
 * runs its admission synchronously up to reading the body, so N calls started together are all admitted before
 * any of them has a task: exactly the race of N requests in flight on a key.
 */
let h: Harness;

// one app for the tests that share it: every test has its own keys
beforeAll(async () => {
  h = await createHarness();
});

function request(key: string, body: unknown, headers: Record<string, string> = {}) {
  const aborts = new Set<() => void>();
  const all: Record<string, string> = { authorization: `Bearer ${key}`, "content-type": "application/json", ...headers };
  const req: GatewayRequest = {
    header: (name) => all[name] ?? null,
    readBody: () => Promise.resolve(Buffer.from(JSON.stringify(body))),
    onAbort(fn) {
      aborts.add(fn);
      return () => aborts.delete(fn);
    },
  };
  return { req, leave: () => aborts.forEach((fn) => fn()) };
}

const ask = (key: string, content: string, model = "ensemble/vote", extra: Record<string, unknown> = {}) =>
  chatCompletions(h.services, request(key, { model, messages: [{ role: "user", content }], ...extra }, { "x-ensemble-cache": "off" }).req);

const keyedCost = (keyId: string) =>
  (h.services.db.$client.prepare("select coalesce(sum(cost_usd), 0) as c from tasks where api_key_id = ?").get(keyId) as { c: number }).c;

const spentOf = (keyId: string) => h.services.apiKeys.list().find((k) => k.id === keyId)?.spentThisMonthUsd ?? 0;

const codeOf = (reply: GatewayReply) => (typeof reply.body === "string" ? (JSON.parse(reply.body) as { error?: { code?: string } }).error?.code : undefined);

describe("a key's monthly budget with requests in flight", () => {
  it("admits one of 20 concurrent requests when one request can cross the budget, and bills only what ran", async () => {
    const key = h.services.apiKeys.create({ name: "tight", monthlyBudgetUsd: 0.001 });
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(key.key, `question number ${i}: what is ${i} + ${i}?`)));
    await h.services.queue.idle();

    const served = replies.filter((r) => r.status === 200);
    expect(served).toHaveLength(1);
    // the others were told to come back: the budget is held by the request in flight, not spent yet
    expect(replies.filter((r) => r.status === 429).map(codeOf)).toEqual(Array.from({ length: 19 }, () => "rate_limit_exceeded"));
    const cost = keyedCost(key.id);
    expect(cost).toBeGreaterThan(0.001); // the one served crossed the budget, as README says it may
    expect(spentOf(key.id)).toBeCloseTo(cost, 12);
    expect(h.services.apiKeys.held(key.id)).toEqual({ usd: 0, requests: 0 });
    // now the budget is spent: refused for the month
    const after = await ask(key.key, "one more");
    expect(after.status).toBe(429);
    expect(codeOf(after)).toBe("insufficient_quota");
  });

  it("once a request's cost is known, admits about as many at once as the rest of the budget pays for", async () => {
    const probe = h.services.apiKeys.create({ name: "probe" });
    expect((await ask(probe.key, "warm-up question: name a colour")).status).toBe(200);
    const one = keyedCost(probe.id);
    expect(one).toBeGreaterThan(0);

    const key = h.services.apiKeys.create({ name: "five", monthlyBudgetUsd: one * 5.5 });
    expect((await ask(key.key, "first, alone: name a fruit")).status).toBe(200);
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(key.key, `burst ${i}: name an animal starting with ${String.fromCharCode(65 + i)}`)));
    await h.services.queue.idle();

    const served = replies.filter((r) => r.status === 200).length;
    // 4.5 requests' worth was left: concurrency is kept below the edge, and at most one request crosses it
    expect(served).toBeGreaterThanOrEqual(3);
    expect(served).toBeLessThanOrEqual(6);
    const cost = keyedCost(key.id);
    expect(cost).toBeLessThan(one * 5.5 + one * 2);
    expect(spentOf(key.id)).toBeCloseTo(cost, 12);
    expect(h.services.apiKeys.held(key.id).requests).toBe(0);
  });

  it("releases a request's hold when its caller leaves and its task is cancelled", async () => {
    // model calls hang until aborted: the request stays in flight until its caller leaves
    const shared = h;
    h = await createHarness({ sleep: (_ms, signal) => new Promise<void>((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason as Error), { once: true })) });
    onTestFinished(() => {
      h = shared;
    });
    const key = h.services.apiKeys.create({ name: "leaver", monthlyBudgetUsd: 1 });
    const first = request(key.key, { model: "ensemble/vote", messages: [{ role: "user", content: "a question nobody waits for" }] });
    const reply = chatCompletions(h.services, first.req);
    const taskOf = () => h.services.db.$client.prepare("select status from tasks where api_key_id = ?").get(key.id) as { status: string } | undefined;
    for (let i = 0; i < 50 && taskOf()?.status !== "running"; i++) await new Promise((r) => setImmediate(r));
    expect(taskOf()?.status).toBe("running");
    // its first request holds the whole budget (nothing is known about this key's costs yet)
    expect(h.services.apiKeys.held(key.id).requests).toBe(1);
    const refused = await ask(key.key, "a second question meanwhile");
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe("rate_limit_exceeded");

    first.leave();
    await reply;
    await h.services.queue.idle();
    expect(taskOf()?.status).toBe("cancelled");
    expect(h.services.apiKeys.held(key.id)).toEqual({ usd: 0, requests: 0 });
    expect(h.services.apiKeys.admit(h.services.apiKeys.authenticate(key.key)!)).toEqual({ ok: true });
  });

  it("releases the hold of a request whose task fails", async () => {
    const shared = h;
    h = await createHarness();
    onTestFinished(() => {
      h = shared;
    });
    const modelId = "sim-swift-mini";
    const simulated = h.services.roster.simulatedConfig(modelId);
    if (!simulated) throw new Error(`${modelId} is not simulated`);
    h.services.roster.update(modelId, {
      simulated: { ...simulated, faults: { errorRate: 1, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } },
      resilience: { ...DEFAULT_RESILIENCE_SETTINGS, maxRetries: 0, baseBackoffMs: 1, maxBackoffMs: 1 },
    });
    const key = h.services.apiKeys.create({ name: "failing", monthlyBudgetUsd: 1 });
    const reply = await ask(key.key, "this will fail", modelId);
    expect(reply.status).toBe(502);
    expect(h.services.apiKeys.held(key.id)).toEqual({ usd: 0, requests: 0 });
    expect((await ask(key.key, "and this one is served", "sim-atlas-xl")).status).toBe(200);
  });

  it("counts every keyed task's cost once: a cache hit adds nothing and nothing is counted twice", async () => {
    const key = h.services.apiKeys.create({ name: "cached" });
    const body = { model: "sim-swift-mini", messages: [{ role: "user", content: "cache this answer" }] };
    const first = await chatCompletions(h.services, request(key.key, body).req);
    const second = await chatCompletions(h.services, request(key.key, body).req);
    await h.services.queue.idle();
    expect(first.headers["x-ensemble-cache"]).toBeUndefined();
    expect(second.headers["x-ensemble-cache"]).toBe("hit");
    const cost = keyedCost(key.id);
    expect(cost).toBeGreaterThan(0);
    expect(spentOf(key.id)).toBeCloseTo(cost, 12);
  });
});
