import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { shadowOutcomes, tasks } from "@/db/schema";
import { createDb } from "@/db/client";
import { bootstrap, createServices, type Services } from "./app";
import { exportHistory } from "./lab-history";
import { createShadowSampler, gradeAgreement } from "./shadow";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/** The services on a fresh in-memory database with the demo roster; simulated models answer at once. */
async function createTestServices(): Promise<{ services: Services }> {
  const services = createServices(createDb(":memory:"), { sleep: () => Promise.resolve() });
  await bootstrap(services, () => undefined);
  return { services };
}
type Harness = Awaited<ReturnType<typeof createTestServices>>;

async function runTask(h: Harness, prompt: string): Promise<string> {
  const { id } = h.services.tasks.submit({ prompt, strategy: "single", policy: "balanced", constraints: {}, cache: false }, { source: "cli" });
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
