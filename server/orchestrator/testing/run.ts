import { executeChain, type ExecuteInput, type ExecuteOutcome } from "../engine";
import type { ChainStep, ModelChain, OutputFormat, StepRole } from "../spec";
import type { ManualClock } from "./clock";
import { createTestPorts, makeChain, makeRequirements, makeTask, type TestModel, type TestPorts } from "./fixtures";

/** Shorthand for a plan step. */
export const step = (role: StepRole, modelId: string): ChainStep => ({ role, modelId });

/**
 * Run one chain over scripted models with fast retries; returns the outcome (or the error) and the ports,
 * so a test can assert on both the result and the exact events.
 */
export async function runChain(
  strategy: ModelChain["strategy"],
  steps: ChainStep[],
  models: Record<string, TestModel>,
  options: { format?: OutputFormat; prompt?: string; extra?: Partial<ExecuteInput>; chain?: Partial<ModelChain>; clock?: ManualClock } = {},
): Promise<{ outcome?: ExecuteOutcome; error?: unknown; t: TestPorts }> {
  const t = createTestPorts(models, { clock: options.clock });
  const input: ExecuteInput = {
    task: makeTask(options.prompt ? { prompt: options.prompt } : {}),
    requirements: makeRequirements({ format: options.format ?? "text" }),
    chain: makeChain(strategy, steps, options.chain),
    resilience: { baseDelayMs: 1 },
    ...options.extra,
  };
  try {
    return { outcome: await executeChain(input, t.ports), t };
  } catch (error) {
    return { error, t };
  }
}
