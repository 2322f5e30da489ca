import type { ApiKeyPrincipal } from "@/server/services/api-keys";
import type { Services } from "@/server/services/app";
import type { ChatMessage, Sampling } from "@/server/orchestrator/spec";
import { followTask, type FollowHooks } from "./follow";
import type { ModelTarget } from "./models";
import { promptOf } from "./schema";
import type { GatewayRequest } from "./transport";

/**
 * Every gateway request is a task (source "gateway") run by the same pipeline as the dashboard's, so it
 * gets the engine's retries, events, metrics and a row in the task list. The subscription starts before
 * the task runs (submit defers the run to the next turn), so no event is missed.
 */
/** `x-ensemble-cache: off` on a request skips the result cache for its task (the default is to use it). */
export const cacheWanted = (request: GatewayRequest): boolean => request.header("x-ensemble-cache")?.toLowerCase() !== "off";

export function submitGatewayTask(
  services: Services,
  key: ApiKeyPrincipal,
  target: ModelTarget,
  messages: ChatMessage[],
  sampling: Sampling,
  hooks: FollowHooks,
  options: { useCache: boolean; stream: boolean },
) {
  const pinned = target.kind === "pinned";
  const { id } = services.tasks.submit(
    {
      prompt: promptOf(messages),
      constraints: {},
      strategy: pinned ? "single" : target.strategy,
      policy: pinned ? "balanced" : target.policy,
      ...(pinned ? { pinnedModelId: target.modelId, ...(target.fallbacks.length > 0 ? { pinnedFallbacks: target.fallbacks } : {}) } : {}),
      messages,
      ...(Object.keys(sampling).length > 0 ? { sampling } : {}),
      ...(options.useCache ? {} : { cache: false }),
      streamTokens: options.stream,
    },
    { source: "gateway", apiKeyId: key.id },
  );
  const follow = followTask(services.bus, id, hooks);
  // the run starts on a later turn, so the hold is bound before any terminal event can release it; what the task
  // cost is counted from that event (api-keys.ts), whoever ends the task, not from this caller's follow
  services.apiKeys.bindTask(key, id);
  return { id, ...follow };
}
