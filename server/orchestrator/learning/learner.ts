import { InvalidInputError } from "../errors";
import { CAPABILITIES, type Capability, type Clock } from "../spec";
import { checkPosterior, type Posterior, type TimedPosterior } from "./posterior";

/**
 * One outcome about one finished step, as evidence about the model that ran it. `outcome` is the success
 * (1 right, 0 wrong, in between for partial credit or agreement shares); `weight` is how much one such
 * signal is worth in unit observations (signals.ts gives each kind its own: operator feedback counts most).
 */
export interface OutcomeSignal {
  /** the task's capability weights (the analyzer's, summing to 1; others are normalised) */
  capabilityWeights: Partial<Record<Capability, number>>;
  outcome: number;
  weight?: number;
}

export interface ProfileLearnerOptions {
  /**
   * Evidence half-life, in unit-weight observations of a capability: after this many new observations,
   * what was known before counts half. Default 50, so a model's score follows a change in its quality within
   * a few dozen tasks while one bad answer moves it by ~1/70.
   */
  halfLife?: number;
  /** What evidence decays towards, and the floor it never drops below. Default Beta(1, 1). */
  prior?: Posterior;
  /**
   * Cap on alpha + beta. Forgetting alone settles near halfLife / ln 2 + 2 (≈ 74 at the default); the cap
   * also bounds a profile imported with more (a seeded or hand-written Beta(900, 100) would otherwise take
   * hundreds of observations to move). Default 200: the posterior never claims more certainty than ~200
   * observations give, an interval no narrower than ~±0.06 at 0.5.
   */
  maxStrength?: number;
  /** Optional forgetting by wall time as well: evidence halves every `halfLifeMs`, observed or not. Needs a clock. */
  halfLifeMs?: number;
  clock?: Clock;
  /** Capabilities with a smaller share of the task than this learn nothing from it: it was not about them. Default 0.05. */
  minShare?: number;
}

export interface ProfileLearner {
  /**
   * The updated posterior of every capability the signal concerns (the others are left out: unchanged).
   * A capability missing from `profile` starts from the prior.
   */
  observe(profile: Partial<Record<Capability, TimedPosterior>>, signal: OutcomeSignal): Partial<Record<Capability, TimedPosterior>>;
  /** The resolved settings, for display. */
  readonly settings: Readonly<Required<Omit<ProfileLearnerOptions, "clock" | "halfLifeMs">> & { halfLifeMs: number | null }>;
}

const DEFAULTS = { halfLife: 50, prior: { alpha: 1, beta: 1 }, maxStrength: 200, minShare: 0.05 } as const;

function positive(field: string, value: number): number {
  if (!(value > 0) || Number.isNaN(value)) throw new InvalidInputError(`learner.${field}`, "must be > 0");
  return value;
}

/**
 * Continuous learning with exponential forgetting. For each capability c with share s_c of the task and
 * a signal of weight w, the evidence is e = w·s_c and
 *
 *   λ = 2^(−e / halfLife) · 2^(−Δt / halfLifeMs)
 *   alpha' = α₀ + λ(alpha − α₀) + e·outcome
 *   beta'  = β₀ + λ(beta − β₀)  + e·(1 − outcome)
 *
 * The old evidence (what the posterior holds beyond the prior) is discounted before the new is added, by
 * an amount that grows with the new evidence: a capability that was only a small part of a task forgets
 * as little as it learns. Discounting pulls towards the prior, never past it, so neither shape can reach 0
 * (the posterior cannot collapse onto 0 or 1), and alpha + beta is capped at maxStrength (it cannot become
 * overconfident); the cap rescales both shapes, which keeps the mean.
 */
export function createProfileLearner(options: ProfileLearnerOptions = {}): ProfileLearner {
  const halfLife = positive("halfLife", options.halfLife ?? DEFAULTS.halfLife);
  const prior = options.prior ?? DEFAULTS.prior;
  checkPosterior("learner.prior", prior);
  const maxStrength = positive("maxStrength", options.maxStrength ?? DEFAULTS.maxStrength);
  if (maxStrength < prior.alpha + prior.beta) throw new InvalidInputError("learner.maxStrength", "must be at least the prior's alpha + beta");
  const minShare = options.minShare ?? DEFAULTS.minShare;
  if (!(minShare >= 0 && minShare < 1)) throw new InvalidInputError("learner.minShare", "must be within [0, 1)");
  const halfLifeMs = options.halfLifeMs === undefined ? null : positive("halfLifeMs", options.halfLifeMs);
  if (halfLifeMs !== null && !options.clock) throw new InvalidInputError("learner.halfLifeMs", "needs a clock");
  const clock = options.clock;

  function timeFactor(updatedAt: number | undefined, now: number | undefined): number {
    if (halfLifeMs === null || updatedAt === undefined || now === undefined) return 1;
    return Math.pow(2, -Math.max(0, now - updatedAt) / halfLifeMs);
  }

  function update(current: TimedPosterior, evidence: number, outcome: number, now: number | undefined): TimedPosterior {
    const lambda = Math.pow(2, -evidence / halfLife) * timeFactor(current.updatedAt, now);
    let alpha = prior.alpha + lambda * (current.alpha - prior.alpha) + evidence * outcome;
    let beta = prior.beta + lambda * (current.beta - prior.beta) + evidence * (1 - outcome);
    const strength = alpha + beta;
    if (strength > maxStrength) {
      alpha *= maxStrength / strength;
      beta *= maxStrength / strength;
    }
    return now === undefined ? { alpha, beta } : { alpha, beta, updatedAt: now };
  }

  return {
    settings: { halfLife, prior, maxStrength, minShare, halfLifeMs },
    observe(profile, signal) {
      const { outcome } = signal;
      const weight = signal.weight ?? 1;
      if (!(outcome >= 0 && outcome <= 1)) throw new InvalidInputError("signal.outcome", "must be within [0, 1]");
      if (!(weight >= 0 && Number.isFinite(weight))) throw new InvalidInputError("signal.weight", "must be a finite number ≥ 0");
      const shares = normalise(signal.capabilityWeights);
      const now = clock?.now();
      const updated: Partial<Record<Capability, TimedPosterior>> = {};
      for (const [capability, share] of shares) {
        if (share < minShare || weight === 0) continue;
        const current = profile[capability] ?? prior;
        checkPosterior(`profile.${capability}`, current);
        updated[capability] = update(current, weight * share, outcome, now);
      }
      return updated;
    },
  };
}

/** Shares summing to 1 over the capabilities with a positive, finite weight, in the canonical order. */
function normalise(weights: Partial<Record<Capability, number>>): [Capability, number][] {
  const entries: [Capability, number][] = [];
  let total = 0;
  for (const capability of CAPABILITIES) {
    const w = weights[capability];
    if (w === undefined || w === 0) continue;
    if (!(w > 0 && Number.isFinite(w))) throw new InvalidInputError(`signal.capabilityWeights.${capability}`, "must be a finite number ≥ 0");
    entries.push([capability, w]);
    total += w;
  }
  return entries.map(([c, w]) => [c, w / total]);
}
