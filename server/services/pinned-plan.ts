import { CAPABILITIES, type ChatMessage, type ModelChain, type RoutingPolicy, type TaskConstraints, type TaskRequirements } from "@/server/orchestrator/spec";

/** Rough token count (4 characters a token): only used to size the request, never to bill. */
function estimate(messages: readonly ChatMessage[]): number {
  let chars = 0;
  for (const m of messages) chars += m.content.length;
  return Math.ceil(chars / 4);
}

/**
 * Requirements for a task whose caller named the model: nothing is routed, so the analyser's work would be
 * thrown away. A plain "chat" profile with a text format keeps the engine from adding a format instruction
 * and keeps learning from crediting a capability the request never claimed.
 */
export function pinnedRequirements(messages: readonly ChatMessage[], constraints: TaskConstraints): TaskRequirements {
  const capabilities = Object.fromEntries(CAPABILITIES.map((c) => [c, c === "chat" ? 1 : 0])) as TaskRequirements["capabilities"];
  const tokens = estimate(messages);
  return {
    capabilities,
    primary: "chat",
    format: "text",
    inputTokens: tokens,
    contextTokens: tokens,
    constraints,
    confidence: 1,
    evidence: [{ feature: "pinned", detail: "the caller named the model; no analysis" }],
  };
}

/** A `single` chain of exactly the pinned model: no fallbacks, so the caller gets the model they asked for. */
export function pinnedChain(modelId: string, policy: RoutingPolicy): ModelChain {
  return {
    strategy: "single",
    steps: [{ role: "answer", modelId }],
    explanation: {
      policy,
      summary: `Pinned: the request named ${modelId}; no routing`,
      candidates: [{ modelId, score: 1, components: {}, reason: "named by the caller" }],
    },
  };
}
