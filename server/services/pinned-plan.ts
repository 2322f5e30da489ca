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

/**
 * A `single` chain of exactly the pinned model, then the caller's own fallbacks (the gateway's `models`) as
 * "fallback" steps, tried in order when the one before fails. Without a list there is no fallback: the caller
 * gets the model they asked for or an error, never a model they did not name.
 */
export function pinnedChain(modelId: string, policy: RoutingPolicy, fallbacks: readonly string[] = []): ModelChain {
  const named = fallbacks.length > 0 ? `${modelId}, then ${fallbacks.join(", ")} if it fails` : modelId;
  return {
    strategy: "single",
    steps: [{ role: "answer", modelId }, ...fallbacks.map((id) => ({ role: "fallback" as const, modelId: id }))],
    explanation: {
      policy,
      summary: `Pinned: the request named ${named}; no routing`,
      candidates: [modelId, ...fallbacks].map((id, i) => ({ modelId: id, score: 1, components: {}, reason: i === 0 ? "named by the caller" : `fallback ${i} named by the caller` })),
    },
  };
}
