import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import * as dq from "@/db/queries/discovery";
import { findProfile } from "@/db/queries/profiles";
import { tempDirs } from "@/db/testing/temp-dirs";
import { builtinSuites, type SuiteItem } from "@/server/orchestrator/discovery";
import { ConflictError, NotFoundError, ProviderError } from "@/server/orchestrator/errors";
import { costUsd, type Capability, type GenerateRequest, type GenerateResult, type ModelClient } from "@/server/orchestrator/spec";
import { bootstrap, createServices } from "./app";
import type { ModelClients } from "./clients";
import { createDiscoveryService, type StoredDiscoveryResult } from "./discovery";
import { startDiscoverySchedule } from "./discovery-schedule";

/**
 * The discovery service against scripted models: a client per model id that answers each built-in item by a
 * rule (right: the item's expected answer; wrong: nonsense), so what a run measures is known exactly.
 */

const SUBJECT = "sim-swift-mini";
const ITEMS = new Map<string, SuiteItem>(builtinSuites().flatMap((s) => s.items.map((i) => [i.prompt, i] as const)));
const USAGE = { inputTokens: 1000, outputTokens: 1000 };
const instant = () => Promise.resolve();
const dirs = tempDirs();

type Answer = (item: SuiteItem | undefined, request: GenerateRequest, call: number) => Promise<string> | string;

function reply(text: string): GenerateResult {
  return { text, usage: USAGE, finishReason: "stop", latencyMs: 5 };
}

/** Every model answers by `answer`; `judge` answers rubric verdicts for the judge model. */
function scriptedClients(answer: Answer, judge?: (request: GenerateRequest) => Promise<string> | string): ModelClients & { calls: number } {
  const state = { calls: 0 };
  const clients = {
    get calls() {
      return state.calls;
    },
    get(modelId: string): ModelClient {
      return {
        modelId,
        async generate(request) {
          const prompt = String(request.messages.at(-1)?.content ?? "");
          if (prompt.startsWith("You are grading")) return reply(await (judge ?? (() => "PASS fine"))(request));
          state.calls += 1;
          return reply(await answer(ITEMS.get(prompt), request, state.calls));
        },
        stream() {
          throw new Error("not used");
        },
      };
    },
  };
  return clients as unknown as ModelClients & { calls: number };
}

const right = (item: SuiteItem | undefined) => item?.expected ?? "a reply";
const WRONG = "zzz-not-an-answer";

async function setup(clients: ModelClients, url = ":memory:") {
  const db = createDb(url);
  const services = createServices(db, { sleep: instant });
  await bootstrap(services, () => undefined);
  const discovery = createDiscoveryService({ db, roster: services.roster, clients, profiles: services.profiles });
  return { db, services, discovery };
}

function profileOf(db: Db, capability: Capability) {
  const row = findProfile(db, SUBJECT, capability);
  return { alpha: row?.alpha, beta: row?.beta, discoveredAlpha: row?.discoveredAlpha, discoveredBeta: row?.discoveredBeta, source: row?.source };
}

async function finished(discovery: ReturnType<typeof createDiscoveryService>, runId: string) {
  for await (const update of discovery.watch(runId)) if (update.type === "finished") break;
  return discovery.get(runId);
}

const familyOf = (itemId: string) => itemId.split(".")[1];

describe("discovery service: item order", () => {
  it("interleaves a suite's families, so an early stop does not measure the first family only", async () => {
    // passes only the ordering puzzles: 24 of reasoning's 64 items
    const truth = 24 / 64;
    const { discovery } = await setup(scriptedClients((item) => (item && /^reasoning\.ordering/.test(item.id) ? right(item) : WRONG)));
    const run = await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["reasoning"], seed: 7 });
    const estimate = run.result!.capabilities.reasoning;
    const firstTwenty = run.probes.slice(0, 20).map((p) => familyOf(p.itemId));
    console.log(
      `ordering-only model: reasoning ${estimate.mean.toFixed(2)} [${estimate.low.toFixed(2)}, ${estimate.high.toFixed(2)}] after ${estimate.probes} probes; ` +
        `families in the first 20: ${[...new Set(firstTwenty)].join(",")}`,
    );
    expect(new Set(firstTwenty).size).toBe(5);
    expect(estimate.low).toBeLessThanOrEqual(truth);
    expect(estimate.high).toBeGreaterThanOrEqual(truth);
    expect((run.result as StoredDiscoveryResult).seed).toBe(7);
  });

  it("replays a run's order from its seed, and draws a different one for another seed", async () => {
    const { discovery } = await setup(scriptedClients(right));
    const asked = async (seed: number) =>
      (await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["translation"], seed })).probes.map((p) => p.itemId).sort();
    const a = await asked(11);
    expect(await asked(11)).toEqual(a);
    expect(await asked(12)).not.toEqual(a);
    // half French, half Spanish, whichever order they came in
    const french = a.filter((id) => familyOf(id) === "en-fr").length;
    expect(Math.abs(french - a.length / 2)).toBeLessThanOrEqual(1 + 8 /* probes in flight when the rule stopped it */);
  });
});

describe("discovery service: what a run writes into the profile", () => {
  it("a run that fails midway leaves the profile alone and says so", async () => {
    const clients = scriptedClients((item, _request, call) => {
      if (call > 2) throw new ProviderError("server", "upstream is down");
      return right(item);
    });
    const { db, services, discovery } = await setup(clients);
    services.profiles.applyDiscovery(SUBJECT, { classification: { alpha: 22, beta: 2 } });
    const run = await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["classification", "math"] });
    expect(run.status).toBe("failed");
    expect(profileOf(db, "classification")).toMatchObject({ alpha: 22, beta: 2, discoveredAlpha: 22, discoveredBeta: 2 });
    const profile = (run.result as StoredDiscoveryResult).profile;
    expect(profile.applied).toEqual([]);
    expect(profile.note).toMatch(/failed: only capabilities that finished by their own rule/);
  });

  it("an operator's suite is kept with its run and does not replace the profile or its discovered baseline", async () => {
    const { db, services, discovery } = await setup(scriptedClients(right));
    services.profiles.applyDiscovery(SUBJECT, { math: { alpha: 30, beta: 5 } });
    const { id: suiteId } = discovery.createSuite({ name: "House arithmetic", capability: "math" }, "admin");
    discovery.addItem(suiteId, { prompt: "What is 2 + 2?", grader: { kind: "numeric", tolerance: 0 }, expected: "4" });
    discovery.addItem(suiteId, { prompt: "What is 3 + 3?", grader: { kind: "numeric", tolerance: 0 }, expected: "6" });
    const run = await discovery.runToCompletion({ modelId: SUBJECT, suiteId });
    expect(run.status).toBe("complete");
    expect(run.result!.capabilities.math.probes).toBe(2);
    expect(profileOf(db, "math")).toMatchObject({ alpha: 30, beta: 5, discoveredAlpha: 30, discoveredBeta: 5, source: "discovered" });
    expect((run.result as StoredDiscoveryResult).profile).toMatchObject({ applied: [], skipped: [{ capability: "math" }] });
  });
});

describe("discovery service: one run per model", () => {
  it("refuses a second run of a model while one is running", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { discovery } = await setup(
      scriptedClients(async (item) => {
        await gate;
        return right(item);
      }),
    );
    const { runId } = discovery.start({ modelId: SUBJECT, capabilities: ["math"] });
    expect(() => discovery.start({ modelId: SUBJECT, capabilities: ["classification"] })).toThrow(/already in progress/);
    await expect(discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["math"] })).rejects.toBeInstanceOf(ConflictError);
    expect(discovery.runningRunOf(SUBJECT)).toBe(runId);
    // another model is free to start
    const other = discovery.start({ modelId: "sim-polyglot", capabilities: ["math"] });
    release();
    await finished(discovery, runId);
    await finished(discovery, other.runId);
    expect(discovery.runningRunOf(SUBJECT)).toBeUndefined();
    expect((await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["math"] })).status).toBe("complete");
  });

  it("sees a run of another process on the same database, and clears one whose process died", async () => {
    const url = path.join(dirs("discovery-owner-"), "ensemble.db");
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = scriptedClients(async (item) => {
      await gate;
      return right(item);
    });
    const cli = await setup(slow, url);
    const server = await setup(scriptedClients(right), url);
    const { runId } = cli.discovery.start({ modelId: SUBJECT, capabilities: ["math"] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => server.discovery.start({ modelId: SUBJECT, capabilities: ["math"] })).toThrow(ConflictError);

    // the server starting up leaves the other process's run alone, and fails one nobody owns
    dq.insertRun(server.db, { id: "dsc_orphan", modelId: "sim-polyglot", suiteId: null, status: "running", capabilities: ["math"], startedAt: 1 });
    server.discovery.recover();
    expect(dq.findRun(server.db, runId)?.status).toBe("running");
    expect(dq.findRun(server.db, "dsc_orphan")).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted/) });

    release();
    expect((await finished(cli.discovery, runId)).status).toBe("complete");
    const next = server.discovery.start({ modelId: SUBJECT, capabilities: ["math"] });
    expect((await finished(server.discovery, next.runId)).status).toBe("complete");
  });

  it("a run left running by a dead process does not block the next one", async () => {
    const { db, discovery } = await setup(scriptedClients(right));
    dq.insertRun(db, { id: "dsc_dead", modelId: SUBJECT, suiteId: null, status: "running", capabilities: ["math"], startedAt: 1 });
    const run = await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["math"] });
    expect(run.status).toBe("complete");
    expect(dq.findRun(db, "dsc_dead")?.status).toBe("failed");
  });
});

describe("discovery service: costs and cancelling", () => {
  it("costs the judge's verdicts and broken items into the run's total", async () => {
    process.env.ENSEMBLE_JUDGE_MODEL = "sim-atlas-xl";
    try {
      const { services, discovery } = await setup(scriptedClients(() => "a lovely haiku"));
      const modelCost = costUsd(services.roster.spec(SUBJECT).pricing, USAGE.inputTokens, USAGE.outputTokens);
      const judgeCost = costUsd(services.roster.spec("sim-atlas-xl").pricing, USAGE.inputTokens, USAGE.outputTokens);
      const run = await discovery.runToCompletion({ modelId: SUBJECT, capabilities: ["writing"] });
      const graded = run.probes.filter((p) => p.outcome === "pass" || p.outcome === "fail").length;
      expect(graded).toBeGreaterThan(0);
      expect(run.costUsd).toBeCloseTo(graded * (modelCost + judgeCost), 9);
      expect((run.result as StoredDiscoveryResult).spend.judgeUsd).toBeCloseTo(graded * judgeCost, 9);

      // an item stored under an older schema grades as broken, but its call was paid for
      const { id: suiteId } = discovery.createSuite({ name: "Mixed", capability: "math" }, "admin");
      discovery.addItem(suiteId, { prompt: "What is 2 + 2?", grader: { kind: "numeric", tolerance: 0 }, expected: "4" });
      dq.insertSuiteItem(services.db, { id: `${suiteId}.old`, suiteId, item: { id: `${suiteId}.old`, capability: "math", prompt: "Old?", grader: { kind: "numeric" }, expected: "four" } });
      const mixed = await discovery.runToCompletion({ modelId: SUBJECT, suiteId });
      expect(mixed.probes.map((p) => p.outcome).sort()).toEqual(["broken", "fail"]);
      expect(mixed.costUsd).toBeCloseTo(2 * modelCost, 9);
    } finally {
      delete process.env.ENSEMBLE_JUDGE_MODEL;
    }
  });

  it("cancelling a run stops the judge's call too", async () => {
    process.env.ENSEMBLE_JUDGE_MODEL = "sim-atlas-xl";
    const seen: (AbortSignal | undefined)[] = [];
    let judging: () => void = () => undefined;
    const judgeStarted = new Promise<void>((resolve) => (judging = resolve));
    const clients = scriptedClients(
      () => "a reply",
      (request) => {
        seen.push(request.signal);
        judging();
        // answers only once cancelled (or after a while, so the test ends either way)
        return new Promise<string>((resolve) => {
          if (request.signal?.aborted) return resolve("PASS aborted");
          const timer = setTimeout(() => resolve("PASS late"), 300);
          request.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve("PASS aborted");
          });
        });
      },
    );
    try {
      const { discovery } = await setup(clients);
      const { runId } = discovery.start({ modelId: SUBJECT, capabilities: ["writing"] });
      await judgeStarted;
      discovery.cancel(runId);
      const run = await finished(discovery, runId);
      expect(run.status).toBe("cancelled");
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((signal) => signal?.aborted === true)).toBe(true);
    } finally {
      delete process.env.ENSEMBLE_JUDGE_MODEL;
    }
  });
});

describe("discovery schedule", () => {
  it("only a complete run of every built-in suite makes a model fresh, and one model's failure does not end the sweep", async () => {
    const { db, services, discovery } = await setup(scriptedClients(right));
    const now = 10 * 3_600_000;
    const all = builtinSuites().map((s) => s.capability);
    const enabled = services.roster.list().filter((m) => m.enabled).map((m) => m.id);
    const [fresh, partial, custom, missing] = enabled as [string, string, string, string];
    dq.insertRun(db, { id: "r1", modelId: fresh, suiteId: null, status: "complete", capabilities: all, startedAt: now - 1 });
    dq.insertRun(db, { id: "r2", modelId: partial, suiteId: null, status: "complete", capabilities: ["math"], startedAt: now - 1 });
    dq.insertRun(db, { id: "r3", modelId: custom, suiteId: "suite_x", status: "complete", capabilities: all, startedAt: now - 1 });
    const calls: string[] = [];
    const schedule = startDiscoverySchedule({
      roster: services.roster,
      everyHours: 1,
      now: () => now,
      log: () => undefined,
      discovery: {
        ...discovery,
        async runToCompletion(start) {
          calls.push(start.modelId);
          if (start.modelId === missing) throw new NotFoundError("Model", missing);
          if (start.modelId === partial) throw new ConflictError("already in progress");
          return undefined as never;
        },
      },
    });
    try {
      await schedule.tick();
    } finally {
      schedule.stop();
    }
    expect(calls).not.toContain(fresh);
    expect(calls).toEqual(expect.arrayContaining([partial, custom, missing]));
    // the models after the failing ones were still run
    expect(calls).toEqual(enabled.filter((id) => id !== fresh));
  });
});
