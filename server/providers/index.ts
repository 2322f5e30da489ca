import type { AnswerKeyBook } from "@/server/orchestrator/discovery/answer-keys";
import type { ProviderErrorKind } from "@/server/orchestrator/errors";
import type { ModelClient, ModelSpec } from "@/server/orchestrator/spec";
import { createAiSdkClient } from "./ai-sdk";
import type { ProviderConnection } from "./language-models";
import { toProviderError } from "./provider-errors";
import { createSimulatedClient, type Sleep } from "./simulated";

export { createAiSdkClient } from "./ai-sdk";
export { createSimulatedClient, defaultSimulatedConfig } from "./simulated";
export type { ProviderConnection } from "./language-models";
export type { Sleep } from "./simulated";

export interface ModelClientOptions {
  /** simulated models wait through this (default: real timers) */
  sleep?: Sleep;
  /** the answer keys a simulated model knows (default: the built-in book) */
  answerKeys?: AnswerKeyBook;
  /** how long a simulated timeout fault hangs when nobody aborts it */
  maxHangMs?: number;
}

/** The ModelClient for a roster entry, by provider kind. `connection` is ignored for simulated models. */
export function createModelClient(model: ModelSpec, connection: ProviderConnection, options: ModelClientOptions = {}): ModelClient {
  switch (model.providerKind) {
    case "simulated":
      return createSimulatedClient(model, options);
    case "openai-compatible":
    case "openai":
    case "anthropic":
      return createAiSdkClient(model, connection);
  }
}

export type ConnectionTestResult =
  | { ok: true; latencyMs: number; text: string }
  | { ok: false; error: string; kind?: ProviderErrorKind };

const CONNECTION_TEST_TIMEOUT_MS = 20_000;
const PROBE_PROMPT = "Reply with the single word: ok";

/**
 * One real, minimal call through the provider. Never throws: a failure comes back with the provider's own
 * error text verbatim, since that is what the operator needs to fix a key, URL or model name.
 */
export async function testConnection(
  model: ModelSpec,
  connection: ProviderConnection,
  options: ModelClientOptions & { timeoutMs?: number } = {},
): Promise<ConnectionTestResult> {
  const timeoutMs = options.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const client = createModelClient(model, connection, options);
    const result = await client.generate({ messages: [{ role: "user", content: PROBE_PROMPT }], maxOutputTokens: 32, signal });
    // the probe caps the reply; a chatty model's sample stops at the cap, which should read as cut, not as its answer
    return { ok: true, latencyMs: Math.round(result.latencyMs), text: result.finishReason === "length" ? `${result.text.trimEnd()}…` : result.text };
  } catch (error) {
    if (signal.aborted) return { ok: false, error: `No answer within ${timeoutMs} ms`, kind: "timeout" };
    const failure = toProviderError(error);
    return { ok: false, error: failure.message, kind: failure.kind };
  }
}
