import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shadowOutcomes, tasks } from "@/db/schema";
import { createDb } from "@/db/client";
import { outputReserve } from "@/server/orchestrator/chains/step-runner";
import { ProviderError } from "@/server/orchestrator/errors";
import { createModelGuard } from "@/server/orchestrator/resilience/guard";
import { DEFAULT_RESILIENCE_SETTINGS, type GenerateRequest, type GenerateResult, type ModelClient, type Sampling } from "@/server/orchestrator/spec";
import { bootstrap, createServices, type Services } from "./app";
import { exportHistory } from "./lab-history";
import { createShadowSampler, gradeAgreement, SHADOW_DEFAULT_TIMEOUT_MS, SHADOW_MAX_IN_FLIGHT, type ShadowSamplerDeps } from "./shadow";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/** The services on a fresh in-memory database with the demo roster; simulated models answer at once. */
async function createTestServices(): Promise<{ services: Services }> {
  const services = createServices(createDb(":memory:"), { sleep: () => Promise.resolve() });
  await bootstrap(services, () => undefined);
  return { services };
}
type Harness = Awaited<ReturnType<typeof createTestServices>>;

async function runTask(h: Harness, prompt: string, sampling?: Sampling): Promise<string> {
  const { id } = h.services.tasks.submit(
    { prompt, strategy: "single", policy: "balanced", constraints: {}, cache: false, ...(sampling ? { sampling } : {}) },
    { source: "cli" },
  );
  for await (const published of h.services.tasks.watch(id, 0)) {
    if (published.event.type === "task.completed" || published.event.type === "task.failed") break;
  }
  return id;
}

let h: Harness;
let taskId: string;
let otherModel: string;

beforeAll(async () => {
  h = await createTestServices();
  taskId = await runTask(h, "What is 17 * 23?");
  const id = taskId;
  const served = h.services.db.select().from(tasks).where(eq(tasks.id, id)).get();
  otherModel = h.services.roster.list().find((m) => m.id !== served?.modelId)?.id ?? "";
});

const rowsFor = (h: Harness, id: string) => h.services.db.select().from(shadowOutcomes).where(eq(shadowOutcomes.taskId, id)).all();

describe("gradeAgreement", () => {
  it("compares short answers by the cascade's normalised answer, other text by normalised wording", () => {
    expect(gradeAgreement("short-answer", "The answer is 391.", "Answer: 391")).toEqual({ agrees: true, grading: "short-answer" });
    expect(gradeAgreement("short-answer", "391", "392")).toEqual({ agrees: false, grading: "short-answer" });
    expect(gradeAgreement("text", "Hello,  World!", "hello world")).toEqual({ agrees: true, grading: "text" });
    expect(gradeAgreement("text", "", "")).toEqual({ agrees: false, grading: "text" });
  });
});

describe("shadow sampler", () => {
  it("samples with the configured probability from its random stream, in the background, without billing the task", async () => {
    const draws = [0.1, 0.9];
    const sampler = createShadowSampler({ db: h.services.db, roster: h.services.roster, clients: h.services.clients, random: () => draws.shift() ?? 1 });
    sampler.update({ fraction: 0.5, shadowModelId: otherModel }, null);
    const billed = h.services.db.select().from(tasks).where(eq(tasks.id, taskId)).get()?.costUsd;

    sampler.afterTask(taskId); // draw 0.1 < 0.5: sampled
    expect(rowsFor(h, taskId)).toHaveLength(0); // returned before the shadow call finished
    await sampler.idle();
    const [row] = rowsFor(h, taskId);
    expect(row).toMatchObject({ status: "completed", shadowModelId: otherModel, grading: "short-answer" });
    expect(typeof row?.agrees).toBe("boolean");
    expect(row?.costUsd).toBeGreaterThan(0);
    expect(h.services.db.select().from(tasks).where(eq(tasks.id, taskId)).get()?.costUsd).toBe(billed);

    sampler.afterTask(taskId); // draw 0.9 ≥ 0.5: not sampled
    await sampler.idle();
    expect(rowsFor(h, taskId)).toHaveLength(1);
    expect(sampler.stats()).toEqual([expect.objectContaining({ model: otherModel, calls: 1, completed: 1 })]);

    // the pair is an item of Ensemble's history: the served answer and the shadow's
    const history = exportHistory(h.services.db, h.services.roster);
    const servedBy = h.services.db.select().from(tasks).where(eq(tasks.id, taskId)).get()?.modelId;
    expect(history.outcomes.filter((o) => o.id === taskId).map((o) => o.model).sort()).toEqual([otherModel, servedBy].sort());
    expect(history.outcomes.find((o) => o.id === taskId && o.model === servedBy)?.correct).toBe(true);
  });

  it("does nothing when off, and never shadows a task into the model that answered it", async () => {
    const sampler = createShadowSampler({ db: h.services.db, roster: h.services.roster, clients: h.services.clients, random: () => 0 });
    const before = rowsFor(h, taskId).length;
    sampler.update({ fraction: 0, shadowModelId: null }, null);
    sampler.afterTask(taskId);
    const served = h.services.db.select().from(tasks).where(eq(tasks.id, taskId)).get()?.modelId ?? "";
    sampler.update({ fraction: 1, shadowModelId: served }, null);
    sampler.afterTask(taskId);
    await sampler.idle();
    expect(rowsFor(h, taskId)).toHaveLength(before);
    sampler.update({ fraction: 0, shadowModelId: null }, null);
  });

  it("is called by the pipeline after a task completes", async () => {
    h.services.shadow.update({ fraction: 1, shadowModelId: otherModel }, null);
    const id = await runTask(h, "What is 9 * 9?");
    await h.services.shadow.idle();
    const served = h.services.db.select().from(tasks).where(eq(tasks.id, id)).get();
    expect(rowsFor(h, id)).toHaveLength(served?.modelId === otherModel ? 0 : 1);
    h.services.shadow.update({ fraction: 0, shadowModelId: null }, null);
  });
});

/** A client for `modelId` that records every request and answers with `answer` (never, when it returns undefined). */
function recordingClients(answer: (request: GenerateRequest) => Promise<GenerateResult> | undefined) {
  const requests: GenerateRequest[] = [];
  const client = (modelId: string): ModelClient => ({
    modelId,
    generate(request) {
      requests.push(request);
      return answer(request) ?? new Promise<GenerateResult>(() => undefined);
    },
    stream: () => {
      throw new Error("shadow calls do not stream");
    },
  });
  return { requests, clients: { get: client } };
}

const answered = (text: string) => () => Promise.resolve<GenerateResult>({ text, usage: { inputTokens: 10, outputTokens: 2 }, finishReason: "stop", latencyMs: 1 });
const hung = () => undefined;

describe("shadow sampler limits", () => {
  const samplerWith = (overrides: Partial<ShadowSamplerDeps>) => {
    const sampler = createShadowSampler({ db: h.services.db, roster: h.services.roster, clients: h.services.clients, random: () => 0, log: () => undefined, ...overrides });
    sampler.update({ fraction: 1, shadowModelId: otherModel }, null);
    return sampler;
  };
  const off = () => h.services.shadow.update({ fraction: 0, shadowModelId: null }, null);

  it("never calls a disabled shadow model, from the pipeline or directly, and writes no row", async () => {
    const { requests, clients } = recordingClients(answered("391"));
    const sampler = samplerWith({ clients });
    h.services.shadow.update({ fraction: 1, shadowModelId: otherModel }, null);
    h.services.roster.setEnabled(otherModel, false);
    try {
      const id = await runTask(h, "What is 12 * 12?");
      await h.services.shadow.idle();
      expect(rowsFor(h, id)).toHaveLength(0);
      expect(h.services.shadow.skipped().unavailable).toBeGreaterThan(0);

      const before = rowsFor(h, taskId).length;
      sampler.afterTask(taskId);
      await sampler.idle();
      expect(requests).toHaveLength(0);
      expect(rowsFor(h, taskId)).toHaveLength(before);
      expect(sampler.skipped()).toEqual({ busy: 0, unavailable: 1, breaker: 0 });
    } finally {
      h.services.roster.setEnabled(otherModel, true);
      off();
    }
  });

  it("skips a shadow model deleted since it was chosen, without throwing into the task path", async () => {
    const { requests, clients } = recordingClients(answered("391"));
    let deleted = false;
    const roster = {
      spec: (id: string) => {
        if (deleted) throw new Error(`Model "${id}" does not exist`);
        return h.services.roster.spec(id);
      },
    };
    const sampler = samplerWith({ clients, roster });
    deleted = true;
    expect(() => sampler.afterTask(taskId)).not.toThrow();
    await sampler.idle();
    expect(requests).toHaveLength(0);
    expect(sampler.skipped().unavailable).toBe(1);
  });

  /** the roster, with the shadow model's total timeout replaced (undefined: a spec without resilience settings) */
  const rosterTimingOut = (totalTimeoutMs: number | undefined) => ({
    spec: (id: string) => {
      const spec = h.services.roster.spec(id);
      return { ...spec, resilience: totalTimeoutMs === undefined ? undefined : { ...DEFAULT_RESILIENCE_SETTINGS, totalTimeoutMs } };
    },
  });

  it("aborts a call that never answers at the model's own total timeout (else 60 s), and idle() resolves", async () => {
    const deadlines: number[] = [];
    // the deadline passes at once: a manual clock instead of minutes of real time
    const clock = { now: Date.now, sleep: (ms: number) => (deadlines.push(ms), Promise.resolve()) };
    const { requests, clients } = recordingClients(hung);
    const before = rowsFor(h, taskId).length;

    const sampler = samplerWith({ clients, clock });
    sampler.afterTask(taskId);
    await sampler.idle();
    const own = h.services.roster.spec(otherModel).resilience?.totalTimeoutMs;
    expect(deadlines).toEqual([own]);
    expect(requests[0]?.signal?.aborted).toBe(true);
    const failed = rowsFor(h, taskId).slice(before);
    expect(failed).toEqual([expect.objectContaining({ status: "failed", shadowModelId: otherModel })]);
    expect(failed[0]?.error).toMatch(/timed out after \d+ ms/);

    const custom = samplerWith({ clients, clock, roster: rosterTimingOut(7_000) });
    custom.afterTask(taskId);
    await custom.idle();
    const bare = samplerWith({ clients, clock, roster: rosterTimingOut(undefined) });
    bare.afterTask(taskId);
    await bare.idle();
    expect(deadlines).toEqual([own, 7_000, SHADOW_DEFAULT_TIMEOUT_MS]);
  });

  it("caps calls in flight: 50 samples against a hung model start 4, drop the rest, and all end at the deadline", async () => {
    const { requests, clients } = recordingClients(hung);
    const lines: string[] = [];
    const sampler = samplerWith({ clients, roster: rosterTimingOut(100), log: (line) => lines.push(line) });
    for (let i = 0; i < 50; i++) sampler.afterTask(taskId);

    expect(requests).toHaveLength(SHADOW_MAX_IN_FLIGHT);
    expect(sampler.skipped()).toEqual({ busy: 50 - SHADOW_MAX_IN_FLIGHT, unavailable: 0, breaker: 0 });
    expect(lines).toHaveLength(1); // one line for the episode, not one per dropped sample
    for (const request of requests) {
      expect(request.signal).toBeInstanceOf(AbortSignal);
      expect(request.maxOutputTokens).toBe(outputReserve(h.services.roster.spec(otherModel)));
    }
    await sampler.idle(); // real timers: resolves after the 100 ms deadline
    expect(requests.every((r) => r.signal?.aborted)).toBe(true);

    // the cap frees up once those calls have ended
    sampler.afterTask(taskId);
    expect(requests).toHaveLength(SHADOW_MAX_IN_FLIGHT + 1);
    await sampler.idle();
  });

  it("skips a shadow model whose breaker is open, even when its probe is due, and calls it once closed", async () => {
    let at = 0;
    const guard = createModelGuard(
      otherModel,
      { breaker: { ...DEFAULT_RESILIENCE_SETTINGS.breaker, consecutiveFailures: 1, halfOpenAfterMs: 1_000 }, bulkhead: DEFAULT_RESILIENCE_SETTINGS.bulkhead },
      { clock: { now: () => at, sleep: () => Promise.resolve() } },
    );
    await expect(guard.execute(() => Promise.reject(new ProviderError("server", "down")))).rejects.toThrow("down");
    expect(guard.snapshot().state).toBe("open");

    const { requests, clients } = recordingClients(answered("391"));
    const sampler = samplerWith({ clients, guard: () => guard });
    sampler.afterTask(taskId);
    at = 5_000; // probe due: it is left to users' calls
    sampler.afterTask(taskId);
    await sampler.idle();
    expect(requests).toHaveLength(0);
    expect(sampler.skipped().breaker).toBe(2);

    await guard.execute(() => Promise.resolve("ok")); // a user's probe succeeds: closed again
    sampler.afterTask(taskId);
    await sampler.idle();
    expect(requests).toHaveLength(1);
  });

  it("reads the wired services' breaker", async () => {
    const own = await createTestServices();
    const id = await runTask(own, "What is 17 * 23?");
    const served = own.services.db.select().from(tasks).where(eq(tasks.id, id)).get()?.modelId;
    const shadowModel = own.services.roster.list().find((m) => m.id !== served)?.id ?? "";
    const guard = own.services.breakers.guard(shadowModel);
    for (let i = 0; i < DEFAULT_RESILIENCE_SETTINGS.breaker.consecutiveFailures; i++) {
      await guard.execute(() => Promise.reject(new ProviderError("server", "down"))).catch(() => undefined);
    }
    expect(guard.snapshot().state).toBe("open");
    own.services.shadow.update({ fraction: 1, shadowModelId: shadowModel }, null);
    own.services.shadow.afterTask(id);
    await own.services.shadow.idle();
    expect(own.services.db.select().from(shadowOutcomes).all()).toHaveLength(0);
    expect(own.services.shadow.skipped().breaker).toBe(1);
  });

  it("forwards the task's sampling settings, its max tokens only ever lowering the model's reserve", async () => {
    const sampling = { temperature: 0.2, topP: 0.9, maxOutputTokens: 64, stop: ["\n\n"] };
    const id = await runTask(h, "What is 6 * 7?", sampling);
    const { requests, clients } = recordingClients(answered("42"));
    const sampler = samplerWith({ clients });
    sampler.afterTask(id);
    await sampler.idle();
    expect(requests).toEqual([expect.objectContaining(sampling)]);

    h.services.db.update(tasks).set({ sampling: { maxOutputTokens: 1_000_000 } }).where(eq(tasks.id, id)).run();
    sampler.afterTask(id);
    await sampler.idle();
    expect(requests[1]?.maxOutputTokens).toBe(outputReserve(h.services.roster.spec(otherModel)));
    expect(requests[1]).not.toHaveProperty("temperature");
  });
});
