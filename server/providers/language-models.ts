import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ModelSpec, ProviderKind } from "@/server/orchestrator/spec";
import { providerFetchFromEnv } from "./http-fetch";
import type { LanguageModelV3 } from "./language-model-v3";

/** How to reach a provider: decrypted, server-side only. */
export interface ProviderConnection {
  baseUrl?: string;
  apiKey?: string;
  /**
   * The fetch the provider calls go through; default per ENSEMBLE_PROVIDER_FETCH, which is `httpFetch`
   * (node:http keep-alive pools, about half the CPU of the built-in fetch) unless set to `builtin`.
   * Benchmarks and tests pass `globalThis.fetch` to compare.
   */
  fetch?: typeof globalThis.fetch;
}

export type NetworkProviderKind = Exclude<ProviderKind, "simulated">;

export function isNetworkProviderKind(kind: ProviderKind): kind is NetworkProviderKind {
  return kind !== "simulated";
}

/**
 * The AI SDK model for a roster entry. OpenAI goes through `.chat()` so it speaks chat-completions (the
 * default would call the Responses API). Without an API key the openai/anthropic SDKs fall back to
 * OPENAI_API_KEY / ANTHROPIC_API_KEY and otherwise fail the call with an "auth" error.
 */
export function languageModelFor(model: ModelSpec, kind: NetworkProviderKind, connection: ProviderConnection): LanguageModelV3 {
  const baseURL = connection.baseUrl?.trim() || undefined;
  let fetch: typeof globalThis.fetch;
  try {
    fetch = connection.fetch ?? providerFetchFromEnv();
  } catch (error) {
    // a misspelt setting fails every call with its own words, never silently picks a fetch
    throw new ProviderError("bad-request", error instanceof Error ? error.message : String(error));
  }
  switch (kind) {
    case "openai-compatible": {
      if (!baseURL) throw new ProviderError("bad-request", `${model.id}: an OpenAI-compatible provider needs a base URL`);
      // includeUsage asks for the trailing usage chunk (stream_options.include_usage) when streaming
      return createOpenAICompatible({ name: "openai-compatible", baseURL, apiKey: connection.apiKey, includeUsage: true, fetch }).chatModel(
        model.remoteModel,
      );
    }
    case "openai":
      return createOpenAI({ baseURL, apiKey: connection.apiKey, fetch }).chat(model.remoteModel);
    case "anthropic":
      return createAnthropic({ baseURL, apiKey: connection.apiKey, fetch })(model.remoteModel);
  }
}
