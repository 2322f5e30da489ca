import { count } from "drizzle-orm";
import type { Db } from "./client";
import { capabilityProfiles, models, providers } from "./schema";

const CAPABILITY_IDS = [
  "math", "code", "reasoning", "knowledge", "writing", "roleplay", "extraction",
  "summarization", "translation", "classification", "brainstorming", "chat",
] as const;

type Skills = Record<(typeof CAPABILITY_IDS)[number], number>;

interface DemoModel {
  id: string;
  name: string;
  contextWindow: number;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  seed: number;
  skills: Skills;
  latency: { ttftMs: number; tokensPerSec: number; jitter: number };
  faults: { errorRate: number; rateLimitRate: number; timeoutRate: number; cutStreamRate: number };
}

const NO_FAULTS = { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 };

function skills(base: number, overrides: Partial<Skills> = {}): Skills {
  return Object.fromEntries(CAPABILITY_IDS.map((c) => [c, overrides[c] ?? base])) as Skills;
}

/** Simulated models of clearly different strengths, prices and speeds, so routing has real choices. */
export const DEMO_ROSTER: DemoModel[] = [
  {
    id: "sim-atlas-xl", name: "Atlas XL", contextWindow: 200_000, inputUsdPerMTok: 10, outputUsdPerMTok: 30, seed: 101,
    skills: skills(0.86, { math: 0.84, code: 0.85, reasoning: 0.9, knowledge: 0.9, chat: 0.9 }),
    latency: { ttftMs: 900, tokensPerSec: 45, jitter: 0.2 }, faults: NO_FAULTS,
  },
  {
    id: "sim-swift-mini", name: "Swift Mini", contextWindow: 32_000, inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.4, seed: 202,
    skills: skills(0.55, { chat: 0.72, classification: 0.7, extraction: 0.62, math: 0.45, code: 0.4 }),
    latency: { ttftMs: 120, tokensPerSec: 220, jitter: 0.15 }, faults: NO_FAULTS,
  },
  {
    id: "sim-euclid-math", name: "Euclid Math", contextWindow: 64_000, inputUsdPerMTok: 1, outputUsdPerMTok: 3, seed: 303,
    skills: skills(0.45, { math: 0.94, reasoning: 0.82, classification: 0.55 }),
    latency: { ttftMs: 400, tokensPerSec: 80, jitter: 0.2 }, faults: NO_FAULTS,
  },
  {
    id: "sim-forge-coder", name: "Forge Coder", contextWindow: 128_000, inputUsdPerMTok: 0.8, outputUsdPerMTok: 2.4, seed: 404,
    skills: skills(0.5, { code: 0.92, reasoning: 0.7, extraction: 0.75, math: 0.62 }),
    latency: { ttftMs: 350, tokensPerSec: 95, jitter: 0.2 }, faults: NO_FAULTS,
  },
  {
    id: "sim-quill-writer", name: "Quill Writer", contextWindow: 100_000, inputUsdPerMTok: 0.6, outputUsdPerMTok: 1.8, seed: 505,
    skills: skills(0.5, { writing: 0.92, roleplay: 0.88, brainstorming: 0.86, summarization: 0.82, chat: 0.8, math: 0.3, code: 0.3 }),
    latency: { ttftMs: 300, tokensPerSec: 110, jitter: 0.2 }, faults: NO_FAULTS,
  },
  {
    id: "sim-polyglot", name: "Polyglot", contextWindow: 64_000, inputUsdPerMTok: 0.3, outputUsdPerMTok: 0.9, seed: 606,
    skills: skills(0.5, { translation: 0.93, summarization: 0.78, extraction: 0.7, knowledge: 0.66 }),
    latency: { ttftMs: 250, tokensPerSec: 130, jitter: 0.2 }, faults: NO_FAULTS,
  },
  {
    id: "sim-glitch", name: "Glitch (flaky)", contextWindow: 32_000, inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.6, seed: 707,
    skills: skills(0.68, { classification: 0.74, chat: 0.74 }),
    latency: { ttftMs: 200, tokensPerSec: 150, jitter: 0.5 },
    faults: { errorRate: 0.15, rateLimitRate: 0.1, timeoutRate: 0.03, cutStreamRate: 0.07 },
  },
];

export const SIMULATED_PROVIDER_ID = "simulated";

/** Prior pseudo-observations behind a seeded score: enough to route, weak enough to be learned over. */
const PRIOR_STRENGTH = 6;

/** A deterministic offset in [-0.05, 0.05], so seeded profiles are near but not equal to the hidden truth. */
function priorNoise(modelSeed: number, capabilityIndex: number): number {
  const x = Math.sin(modelSeed * 12.9898 + capabilityIndex * 78.233) * 43758.5453;
  return ((x - Math.floor(x)) - 0.5) / 10;
}

export function ensureSimulatedProvider(db: Db): void {
  db.insert(providers)
    .values({ id: SIMULATED_PROVIDER_ID, name: "Simulated", kind: "simulated", baseUrl: null, apiKeyEncrypted: null })
    .onConflictDoNothing()
    .run();
}

/** Seeds the demo roster when the roster is empty. Returns whether it seeded. */
export function seedDemoRoster(db: Db, now: number = Date.now()): boolean {
  const existing = db.select({ n: count() }).from(models).get()?.n ?? 0;
  if (existing > 0) return false;
  db.transaction((tx) => {
    ensureSimulatedProvider(tx as unknown as Db);
    for (const m of DEMO_ROSTER) {
      tx.insert(models)
        .values({
          id: m.id, name: m.name, providerId: SIMULATED_PROVIDER_ID, remoteModel: m.id, contextWindow: m.contextWindow,
          inputUsdPerMTok: m.inputUsdPerMTok, outputUsdPerMTok: m.outputUsdPerMTok, enabled: true,
          simulated: { seed: m.seed, skills: m.skills, latency: m.latency, faults: m.faults }, updatedAt: now,
        })
        .run();
      CAPABILITY_IDS.forEach((capability, i) => {
        const mean = Math.min(0.97, Math.max(0.03, m.skills[capability] + priorNoise(m.seed, i)));
        tx.insert(capabilityProfiles)
          .values({
            modelId: m.id, capability, alpha: mean * PRIOR_STRENGTH, beta: (1 - mean) * PRIOR_STRENGTH,
            source: "seed", updatedAt: now,
          })
          .run();
      });
    }
  });
  return true;
}
