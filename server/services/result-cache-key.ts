import { createHash } from "node:crypto";
import type { ChatMessage, Sampling, TaskConstraints } from "@/server/orchestrator/spec";

/** What decides a task's answer, as far as the exact-match result cache is concerned. */
export interface CacheableRequest {
  prompt: string;
  messages?: readonly ChatMessage[] | null;
  pinnedModelId?: string | null;
  /** a pinned model's named fallbacks, in order */
  pinnedFallbacks?: readonly string[] | null;
  strategy: string;
  policy: string;
  constraints: TaskConstraints;
  /** the caller's sampling parameters (temperature, top_p, max tokens, stop) */
  sampling?: Sampling | null;
}

/**
 * Trimmed, each line trimmed and its runs of spaces and tabs made one, blank lines dropped: re-indented or
 * re-spaced text asks the same thing. Line breaks stay: the analyser reads a prompt line by line (a list on
 * separate lines asks for a list answer), so text joined onto one line may ask for another format.
 */
export function normaliseText(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/[ \t]+/g, " "))
    .filter((line) => line !== "")
    .join("\n");
}

/** Keys sorted and undefined dropped, so equal settings always serialise the same. */
function stable(settings: object): Array<[string, unknown]> {
  return Object.entries(settings)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * SHA-256 of the normalised request: the conversation (a bare prompt counts as one user message), the target
 * (a pinned model, or strategy + routing policy), the constraints and the sampling parameters. Versioned, so a change of the recipe
 * makes old entries unreachable instead of wrong.
 */
export function resultCacheKey(request: CacheableRequest): string {
  const conversation = (request.messages?.length ? request.messages : [{ role: "user" as const, content: request.prompt }]).map((m) => [
    m.role,
    normaliseText(m.content),
  ]);
  const target = request.pinnedModelId
    ? { model: request.pinnedModelId, fallbacks: request.pinnedFallbacks ?? [] }
    : { strategy: request.strategy, policy: request.policy };
  const canonical = JSON.stringify({ v: 2, conversation, target, constraints: stable(request.constraints), sampling: stable(request.sampling ?? {}) });
  return createHash("sha256").update(canonical).digest("hex");
}
