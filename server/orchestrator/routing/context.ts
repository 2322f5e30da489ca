import { InvalidInputError } from "../errors";
import { CAPABILITY_INDEX } from "../registry/entry";
import { CAPABILITIES, type Capability, type OutputFormat, type RoutingPolicy, type TaskConstraints, type TaskRequirements } from "../spec";

/**
 * Output length assumed when the analyzer gives none. Same figures as the engine's budget tracker
 * (chains/budget.ts) so the plan's cost estimate and the budget's reservation agree.
 */
export const DEFAULT_OUTPUT_TOKENS: Readonly<Record<OutputFormat, number>> = {
  "short-answer": 256,
  json: 512,
  list: 512,
  text: 768,
  code: 1024,
};

export interface RouteOptions {
  policy?: RoutingPolicy;
  /** model ids not to consider (the planner uses it for distinct alternates) */
  exclude?: Iterable<string>;
  /** how many eligible candidates `ranked` should hold (default 3) */
  count?: number;
  /** policy "cost": how far below the best expected quality a model may be and still count (default 0.05) */
  qualityTolerance?: number;
  /** overrides requirements.expectedOutputTokens and the by-format default */
  outputTokens?: number;
}

export interface WeightedCapability {
  capability: Capability;
  index: number;
  /** normalised: the weights of one decision sum to 1 */
  weight: number;
}

/** Everything one decision needs, derived once from the requirements. */
export interface DecisionContext {
  policy: RoutingPolicy;
  /** non-zero weights, heaviest first */
  weights: WeightedCapability[];
  primary: Capability;
  inputTokens: number;
  outputTokens: number;
  /** tokens the context window must hold: the analyzer's figure, at least input + expected output */
  contextNeeded: number;
  constraints: TaskConstraints;
  exclude: ReadonlySet<string>;
  count: number;
  qualityTolerance: number;
}

const MAX_COUNT = 100;

function nonNegative(field: string, n: number | undefined, fallback: number): number {
  if (n === undefined) return fallback;
  if (!Number.isFinite(n) || n < 0) throw new InvalidInputError(field, "must be a finite number ≥ 0");
  return n;
}

export function normalizeWeights(requirements: Pick<TaskRequirements, "capabilities" | "primary">): WeightedCapability[] {
  let total = 0;
  const raw: WeightedCapability[] = [];
  for (const capability of CAPABILITIES) {
    const w = requirements.capabilities[capability] ?? 0;
    if (Number.isFinite(w) && w > 0) {
      raw.push({ capability, index: CAPABILITY_INDEX[capability], weight: w });
      total += w;
    }
  }
  // No usable weights: the primary capability alone decides.
  if (total === 0) return [{ capability: requirements.primary, index: CAPABILITY_INDEX[requirements.primary], weight: 1 }];
  for (const w of raw) w.weight /= total;
  return raw.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

export function buildContext(requirements: TaskRequirements, options: RouteOptions = {}): DecisionContext {
  const inputTokens = nonNegative("requirements.inputTokens", requirements.inputTokens, 0);
  const outputTokens = Math.max(
    1,
    nonNegative(
      "outputTokens",
      options.outputTokens ?? requirements.expectedOutputTokens,
      DEFAULT_OUTPUT_TOKENS[requirements.format] ?? DEFAULT_OUTPUT_TOKENS.text,
    ),
  );
  const count = options.count ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new InvalidInputError("count", `must be an integer in 1..${MAX_COUNT}`);
  return {
    policy: options.policy ?? "balanced",
    weights: normalizeWeights(requirements),
    primary: requirements.primary,
    inputTokens,
    outputTokens,
    contextNeeded: Math.max(nonNegative("requirements.contextTokens", requirements.contextTokens, 0), inputTokens + outputTokens),
    constraints: requirements.constraints ?? {},
    exclude: new Set(options.exclude ?? []),
    count,
    qualityTolerance: nonNegative("qualityTolerance", options.qualityTolerance, 0.05),
  };
}
