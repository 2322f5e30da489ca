import { costUsd, type ChainStep, type LLMModel, type StepRole, type TaskRequirements } from "../spec";
import { DEFAULT_OUTPUT_TOKENS } from "./context";
import { fmtUsd } from "./format";
import type { ConcreteStrategy } from "./strategy";

export interface DraftStep extends ChainStep {
  /** may be dropped to fit maxSteps / maxCostUsd; dropped last-first */
  optional: boolean;
  /** expected cost of this step if it runs */
  costUsd: number;
}

export interface ChainDraft {
  strategy: ConcreteStrategy;
  steps: DraftStep[];
  /** what the summary says about the roles, e.g. "a answers; fallbacks b, c" */
  describe(steps: readonly DraftStep[]): string;
  /** the smallest plan that still is this strategy (vote: odd voter count) */
  valid?(steps: readonly DraftStep[]): boolean;
  /** re-costs the steps whose cost depends on the rest of the plan (an aggregator reads every proposal left) */
  price?(steps: readonly DraftStep[]): DraftStep[];
}

/**
 * Earlier outputs a role reads on top of the prompt: the critic reads the draft, the reviser the
 * draft and the critique, the aggregator every proposal, the verifier the answer it checks.
 */
function feeds(role: StepRole, proposers: number): number {
  switch (role) {
    case "critique":
    case "verifier":
      return 1;
    case "revise":
      return 2;
    case "aggregator":
      return proposers;
    default:
      return 0;
  }
}

export function outputTokensFor(requirements: TaskRequirements): number {
  return requirements.expectedOutputTokens ?? DEFAULT_OUTPUT_TOKENS[requirements.format] ?? DEFAULT_OUTPUT_TOKENS.text;
}

export function makeStep(
  role: StepRole,
  model: LLMModel,
  requirements: TaskRequirements,
  options: { optional?: boolean; proposers?: number } = {},
): DraftStep {
  const out = outputTokensFor(requirements);
  const input = requirements.inputTokens + feeds(role, options.proposers ?? 0) * out;
  return { role, modelId: model.id, optional: options.optional ?? false, costUsd: costUsd(model.pricing, input, out) };
}

/** a verifier's YES or NO, with room for a few words around it */
const VERDICT_TOKENS = 8;

/**
 * A cascade's verifier at worst: it checks every answer tier below it (reading the prompt and that answer, replying
 * with a verdict), then rejects the last and answers the task itself.
 */
export function verifierWorstCostUsd(model: LLMModel, requirements: TaskRequirements, answersChecked: number): number {
  const out = outputTokensFor(requirements);
  const check = costUsd(model.pricing, requirements.inputTokens + feeds("verifier", 0) * out, VERDICT_TOKENS);
  return answersChecked * check + costUsd(model.pricing, requirements.inputTokens, out);
}

export function totalCost(steps: readonly DraftStep[]): number {
  return steps.reduce((sum, s) => sum + s.costUsd, 0);
}

export interface Caps {
  maxSteps?: number;
  maxCostUsd?: number;
}

function breach(steps: readonly DraftStep[], caps: Caps): string | undefined {
  if (caps.maxSteps !== undefined && steps.length > caps.maxSteps) return `the ${caps.maxSteps}-step limit`;
  if (caps.maxCostUsd !== undefined && totalCost(steps) > caps.maxCostUsd) return `the ${fmtUsd(caps.maxCostUsd)} budget`;
  return undefined;
}

export interface Fitted {
  steps: DraftStep[];
  notes: string[];
}

/**
 * Drop optional steps, last first, until the plan fits maxSteps and the summed expected cost fits
 * maxCostUsd. Undefined when even the required steps do not fit: the caller falls back to a
 * cheaper strategy and says so.
 */
export function fitToCaps(draft: ChainDraft, caps: Caps): Fitted | undefined {
  const price = (s: readonly DraftStep[]) => draft.price?.(s) ?? [...s];
  let steps = price(draft.steps);
  const notes: string[] = [];
  const invalid = () => draft.valid !== undefined && !draft.valid(steps);
  for (let why = breach(steps, caps); why !== undefined || invalid(); why = breach(steps, caps)) {
    let index = -1;
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i]?.optional) { index = i; break; }
    if (index < 0) return undefined;
    const [dropped] = steps.splice(index, 1);
    if (dropped) notes.push(`dropped optional ${dropped.role} ${dropped.modelId} ${why ? `to fit ${why}` : "to keep the voter count odd"}`);
    steps = price(steps);
  }
  return { steps, notes };
}
