import type { ChainContext } from "./context";

/**
 * Strength of each model on the task's primary capability, for breaking vote ties. Source, in order:
 *  1. the EnginePorts.capabilityMean port (the capability profile's posterior mean), when it knows every model;
 *  2. otherwise the routing candidate scores in chain.explanation, when they cover every model;
 *  3. otherwise nothing: the caller falls back to plan order.
 * One source is used for all models so scores on different scales are never compared.
 */
export function strengthOf(ctx: ChainContext, modelIds: readonly string[]): Map<string, number> | undefined {
  const primary = ctx.requirements.primary;
  const fromPort = modelIds.map((id) => [id, ctx.ports.capabilityMean?.(id, primary)] as const);
  if (fromPort.every(([, v]) => typeof v === "number")) return new Map(fromPort as Array<readonly [string, number]>);

  const scores = new Map(ctx.chain.explanation.candidates.map((c) => [c.modelId, c.score]));
  if (modelIds.every((id) => scores.has(id))) return new Map(modelIds.map((id) => [id, scores.get(id) ?? 0]));
  return undefined;
}
