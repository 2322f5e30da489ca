import { CAPABILITIES, type Capability, type RandomSource } from "../../../spec";
import type { GradedOutcome, ProbeItem, Prober, ProbeSource } from "../ports";
import { hashUnit } from "../../../random";

/**
 * Simulated-like models for the figures tests: a hidden skill per capability, and a verdict per item that
 * is a pure function of (model seed, item id), exactly as the simulated provider decides a keyed question
 * (hash(seed, prompt) < skill). Nothing here is visible to the estimator but pass/fail.
 */

export type Skills = Record<Capability, number>;

export interface HiddenModel {
  id: string;
  seed: number;
  skills: Skills;
}

const clamp = (x: number) => Math.min(0.98, Math.max(0.02, x));

/**
 * A profile shaped like the demo roster's: a general level, a few specialties well above it, a weakness or
 * two below it, and small noise elsewhere. Skills span 0.02–0.98, with plenty near 0.5 where they are
 * hardest to pin down.
 */
export function drawSkills(random: RandomSource): Skills {
  const base = 0.3 + 0.6 * random.next();
  const skills = {} as Skills;
  for (const capability of CAPABILITIES) {
    const roll = random.next();
    const shift =
      roll < 0.3 ? 0.1 + 0.25 * random.next() : roll < 0.5 ? -(0.1 + 0.2 * random.next()) : 0.1 * (random.next() - 0.5);
    skills[capability] = clamp(base + shift);
  }
  return skills;
}

export function drawModels(random: RandomSource, count: number): HiddenModel[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `hidden-${i}`,
    seed: Math.floor(random.next() * 2 ** 31),
    skills: drawSkills(random),
  }));
}

/** A suite of `size` numbered items per capability, handed out in order. */
export function listSource(capability: Capability, size = 2000): ProbeSource {
  let cursor = 0;
  return {
    capability,
    nextItem(exclude) {
      while (cursor < size) {
        const id = `${capability}-${cursor++}`;
        if (!exclude.has(id)) return { id };
      }
      return undefined;
    },
  };
}

export function listSources(size?: number): Record<Capability, ProbeSource> {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, listSource(c, size)])) as Record<Capability, ProbeSource>;
}

/** Pass iff hash(modelSeed, itemId) < skill: Bernoulli(skill), the same verdict every time the item is asked. */
export function bernoulliProber(model: HiddenModel): Prober {
  return {
    async probe(item: ProbeItem): Promise<GradedOutcome> {
      const capability = item.id.slice(0, item.id.lastIndexOf("-")) as Capability;
      return { pass: hashUnit(model.seed, `verdict\u0000${item.id}`) < model.skills[capability], latencyMs: 100, costUsd: 1e-5 };
    },
  };
}
