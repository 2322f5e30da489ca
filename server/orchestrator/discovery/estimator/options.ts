import { z } from "zod";
import { InvalidInputError } from "../../errors";

/**
 * Defaults, tuned with figures.test.ts (simulated-like models, hidden skills): a 90% interval at most 0.2
 * wide is what separates models 0.15 apart ≥ 95% of the time, and it takes ~25 probes at a skill of 0.9 but
 * ~68 at 0.5. The per-capability cap of 60 and the greedy "most uncertain first" allocation keep the average
 * near 40 probes per capability.
 */
export const DISCOVERY_DEFAULTS = {
  targetWidth: 0.2,
  minProbesPerCapability: 10,
  maxProbesPerCapability: 60,
  /** graded probes over the whole run; by default only the per-capability caps bound it */
  budgetProbes: Number.POSITIVE_INFINITY,
  maxConsecutiveErrors: 5,
  concurrency: 1,
  /** the longest a 429's Retry-After is honoured; a provider asking for more is as good as down */
  maxRetryWaitMs: 60_000,
  /**
   * Beta(1, 1), the uniform prior. Chosen over Jeffreys' Beta(½, ½) because discovery stops on interval
   * width: Jeffreys puts its mass near 0 and 1, so a run of early passes on a mid-skill model narrows its
   * interval faster than the evidence warrants and stops too soon; the uniform prior gave the better
   * coverage in figures.test.ts (see the README for both numbers).
   */
  prior: { alpha: 1, beta: 1 },
} as const;

const positiveInt = z.number().int().positive();

export const discoveryLimitsSchema = z
  .object({
    targetWidth: z.number().gt(0).lte(1).default(DISCOVERY_DEFAULTS.targetWidth),
    minProbesPerCapability: z.number().int().nonnegative().default(DISCOVERY_DEFAULTS.minProbesPerCapability),
    maxProbesPerCapability: positiveInt.default(DISCOVERY_DEFAULTS.maxProbesPerCapability),
    budgetProbes: z.union([positiveInt, z.literal(Number.POSITIVE_INFINITY)]).default(DISCOVERY_DEFAULTS.budgetProbes),
    maxConsecutiveErrors: positiveInt.default(DISCOVERY_DEFAULTS.maxConsecutiveErrors),
    concurrency: positiveInt.max(64).default(DISCOVERY_DEFAULTS.concurrency),
    maxRetryWaitMs: z.number().nonnegative().default(DISCOVERY_DEFAULTS.maxRetryWaitMs),
    prior: z
      .object({ alpha: z.number().positive().finite(), beta: z.number().positive().finite() })
      .default({ ...DISCOVERY_DEFAULTS.prior }),
  })
  .refine((l) => l.minProbesPerCapability <= l.maxProbesPerCapability, {
    message: "minProbesPerCapability must not exceed maxProbesPerCapability",
    path: ["minProbesPerCapability"],
  });

export type DiscoveryLimits = z.output<typeof discoveryLimitsSchema>;
export type DiscoveryLimitsInput = z.input<typeof discoveryLimitsSchema>;

/** Parses the numeric knobs; a bad one is the caller's error (InvalidInputError naming the field). */
export function resolveLimits(input: DiscoveryLimitsInput): DiscoveryLimits {
  const parsed = discoveryLimitsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(`discovery.${issue?.path.join(".") ?? "options"}`, issue?.message ?? "invalid");
}
