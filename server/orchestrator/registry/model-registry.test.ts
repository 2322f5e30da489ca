import { describe, expect, it } from "vitest";
import { NotFoundError, InvalidInputError } from "../errors";
import { fillRandom, randomCapabilities, randomModel } from "../routing/test-support/random-roster";
import { model, profile } from "../routing/test-support/roster";
import { CAPABILITIES } from "../spec";
import { createSeededRandom } from "../testing/random";
import type { RegistryEntry } from "./entry";
import { createModelRegistry, type InMemoryModelRegistry } from "./model-registry";
import { tierOf } from "./price-buckets";
import type { OrderedView } from "./sorted-index";

const ids = (view: OrderedView<RegistryEntry>) => Array.from({ length: view.length }, (_, i) => view.at(i)?.id);
const byId = (a: RegistryEntry, b: RegistryEntry) => (a.id < b.id ? -1 : 1);

/** Every ordering the registry maintains incrementally, recomputed from scratch and compared. */
function expectOrderingsMatchBruteForce(registry: InMemoryModelRegistry): void {
  const all = Array.from({ length: registry.size }, (_, i) => registry.entryAt(i) as RegistryEntry);
  expect(new Set(all.map((e) => e.id)).size).toBe(registry.size);
  all.forEach((e, i) => expect(e.slot).toBe(i));
  expect(all.map((e) => e.id).sort()).toEqual(registry.listModels().map((m) => m.id).sort());

  CAPABILITIES.forEach((c, ci) => {
    const expected = [...all].sort((a, b) => (b.means[ci] as number) - (a.means[ci] as number) || byId(a, b)).map((e) => e.id);
    expect(ids(registry.byCapability(c))).toEqual(expected);
    for (const e of all) expect(e.means[ci]).toBe(e.model.capabilities[c].mean);
  });
  const asc = (key: (e: RegistryEntry) => number) => [...all].sort((a, b) => key(a) - key(b) || byId(a, b)).map((e) => e.id);
  expect(ids(registry.byInputPrice())).toEqual(asc((e) => e.model.pricing.inputUsdPerMTok));
  expect(ids(registry.byOutputPrice())).toEqual(asc((e) => e.model.pricing.outputUsdPerMTok));
  expect(ids(registry.byContextWindow())).toEqual(asc((e) => -e.model.contextWindow));
  expect(ids(registry.byLatencyP95())).toEqual(asc((e) => e.stats.trustedP95() ?? Number.MAX_VALUE));

  registry.tiers().forEach((tier, t) => {
    const members = all.filter((e) => tierOf(e.model.pricing.outputUsdPerMTok) === t);
    expect(tier.size).toBe(members.length);
    CAPABILITIES.forEach((_c, ci) => {
      const expected = [...members].sort((a, b) => (b.means[ci] as number) - (a.means[ci] as number) || byId(a, b)).map((e) => e.id);
      expect(ids(tier.byCapability(ci))).toEqual(expected);
    });
  });
  for (const e of all) {
    expect(e.enabled).toBe(e.model.enabled);
    expect(e.contextWindow).toBe(e.model.contextWindow);
    expect(e.outputPrice).toBe(e.model.pricing.outputUsdPerMTok);
  }
}

describe("InMemoryModelRegistry", () => {
  it("implements the seed's ModelRegistry interface", async () => {
    const registry = createModelRegistry();
    const m = model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6) });
    await registry.registerModel(m);
    expect(registry.getModel("a")).toEqual(m);
    expect(registry.listModels().map((x) => x.id)).toEqual(["a"]);
    registry.updateCapabilities("a", profile(0.6, { math: 0.9 }));
    expect(registry.getModel("a").capabilities.math.mean).toBe(0.9);
    expect(() => registry.getModel("nope")).toThrow(NotFoundError);
    expect(() => registry.updateCapabilities("nope", profile(0.5))).toThrow(NotFoundError);
  });

  it("hands out frozen copies, so a caller's later edits cannot reach the roster", () => {
    const registry = createModelRegistry();
    const m = model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6) });
    registry.upsertModel(m);
    m.contextWindow = 1;
    m.capabilities.math.mean = 0;
    expect(registry.getModel("a").contextWindow).toBe(8_000);
    expect(registry.getModel("a").capabilities.math.mean).toBe(0.6);
    expect(Object.isFrozen(registry.getModel("a"))).toBe(true);
  });

  it("validates what it is given", () => {
    const registry = createModelRegistry();
    const bad = model("a", { provider: "p", input: -1, output: 2, context: 8_000, caps: profile(0.6) });
    expect(() => registry.upsertModel(bad)).toThrow(InvalidInputError);
    const caps = profile(0.6);
    caps.code = { ...caps.code, mean: 1.5 };
    expect(() => registry.upsertModel(model("b", { provider: "p", input: 1, output: 2, context: 8_000, caps }))).toThrow(InvalidInputError);
  });

  it("keeps a score the update left out (a learner touching one capability cannot wipe the rest)", () => {
    const registry = createModelRegistry([model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6, { code: 0.8 }) })]);
    const partial = { math: { alpha: 9, beta: 1, mean: 0.9, source: "learned" as const } };
    registry.updateCapabilities("a", partial as unknown as Parameters<typeof registry.updateCapabilities>[1]);
    expect(registry.getModel("a").capabilities.math.mean).toBe(0.9);
    expect(registry.getModel("a").capabilities.code.mean).toBe(0.8);
  });

  it("removes, disables and re-registers with effect on the orderings", () => {
    const registry = createModelRegistry([
      model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6) }),
      model("b", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.7) }),
    ]);
    expect(ids(registry.byCapability("math"))).toEqual(["b", "a"]);
    registry.setEnabled("b", false);
    expect(registry.getModel("b").enabled).toBe(false);
    expect(registry.entry("b")?.enabled).toBe(false);
    expect(registry.removeModel("b")).toBe(true);
    expect(registry.removeModel("b")).toBe(false);
    expect(ids(registry.byCapability("math"))).toEqual(["a"]);
    registry.upsertModel(model("a", { provider: "p", input: 50, output: 100, context: 8_000, caps: profile(0.6) }));
    expect(registry.entry("a")?.outputPrice).toBe(100);
    expectOrderingsMatchBruteForce(registry);
  });

  it("records outcomes and health; ignores outcomes of models it no longer has", () => {
    const registry = createModelRegistry([model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6) })]);
    for (let i = 0; i < 4; i++) expect(registry.recordOutcome("a", { latencyMs: 1000, ok: true })).toBe(true);
    expect(registry.getStats("a").latencyP50Ms).toBeCloseTo(1000, 6);
    expect(registry.recordOutcome("gone", { latencyMs: 1, ok: true })).toBe(false);
    registry.setHealth("a", "open");
    expect(registry.getStats("a").health).toBe("open");
    expect(() => registry.setHealth("a", "broken" as "open")).toThrow(InvalidInputError);
  });

  it("bumps its version on every change that can alter a decision", () => {
    const registry = createModelRegistry([model("a", { provider: "p", input: 1, output: 2, context: 8_000, caps: profile(0.6) })]);
    let v = registry.version;
    const changes = [
      () => registry.setEnabled("a", false),
      () => registry.updateCapabilities("a", profile(0.7)),
      () => registry.recordOutcome("a", { latencyMs: 10, ok: true }),
      () => registry.setHealth("a", "half-open"),
      () => registry.removeModel("a"),
    ];
    for (const change of changes) {
      change();
      expect(registry.version).toBeGreaterThan(v);
      v = registry.version;
    }
  });

  it("keeps every ordering equal to a brute-force sort through random updates, removals and toggles", () => {
    const random = createSeededRandom(11);
    for (let round = 0; round < 5; round++) {
      const registry = createModelRegistry();
      fillRandom(registry, 150, random, `r${round}-`);
      for (let step = 0; step < 400; step++) {
        const i = Math.floor(random.next() * registry.size);
        const entry = registry.entryAt(i);
        const roll = random.next();
        if (!entry) {
          registry.upsertModel(randomModel(`new${round}-${step}`, random));
        } else if (roll < 0.35) {
          registry.updateCapabilities(entry.id, randomCapabilities(random));
        } else if (roll < 0.45) {
          registry.removeModel(entry.id);
        } else if (roll < 0.6) {
          registry.setEnabled(entry.id, !entry.enabled);
        } else if (roll < 0.7) {
          registry.upsertModel(randomModel(entry.id, random)); // new price, context, profile
        } else if (roll < 0.9) {
          registry.recordOutcome(entry.id, { latencyMs: 100 + 10_000 * random.next(), ok: random.next() > 0.2 });
        } else {
          registry.upsertModel(randomModel(`new${round}-${step}`, random));
        }
      }
      expectOrderingsMatchBruteForce(registry);
    }
  });
});
