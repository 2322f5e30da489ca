import { generateText, streamText, type LanguageModel, type LanguageModelUsage, type ModelMessage } from "ai";
import { estimateMessagesTokens, estimateTokens } from "@/server/orchestrator/communication/tokens";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ChatMessage, GenerateRequest, GenerateResult, ModelClient, ModelSpec, StreamPart, TokenUsage } from "@/server/orchestrator/spec";
import { isNetworkProviderKind, languageModelFor, type ProviderConnection } from "./language-models";
import { toProviderError } from "./provider-errors";

export type { ProviderConnection } from "./language-models";

export interface AiSdkClientOptions {
  /** monotonic milliseconds, for latency and time to first token */
  now?: () => number;
}

function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    switch (message.role) {
      case "system":
        return { role: "system", content: message.content };
      case "user":
        return { role: "user", content: message.content };
      case "assistant":
        return { role: "assistant", content: message.content };
    }
  });
}

/** Real counts when the provider reports them; servers that omit usage still get costed, by estimate. */
function usageOf(usage: LanguageModelUsage | undefined, request: GenerateRequest, text: string): TokenUsage {
  return {
    inputTokens: usage?.inputTokens ?? estimateMessagesTokens(request.messages),
    outputTokens: usage?.outputTokens ?? estimateTokens(text),
  };
}

/**
 * A ModelClient over the Vercel AI SDK for openai-compatible, openai (chat-completions) and anthropic models.
 * The SDK's own retries are off (`maxRetries: 0`): the engine retries with cockatiel and must see every
 * failure as a ProviderError to decide. Plain calls report no time to first token: the first token arrives
 * with the last, so only streams can measure it.
 */
export function createAiSdkClient(model: ModelSpec, connection: ProviderConnection, options: AiSdkClientOptions = {}): ModelClient {
  const kind = model.providerKind;
  if (!isNetworkProviderKind(kind)) throw new Error(`createAiSdkClient: ${model.id} is a simulated model`);
  const now = options.now ?? (() => performance.now());
  let languageModel: LanguageModel | undefined;
  // built on first use so a misconfigured provider fails the call (as a ProviderError), not the roster listing
  const resolveModel = () => (languageModel ??= languageModelFor(model, kind, connection));

  const callSettings = (request: GenerateRequest) => ({
    model: resolveModel(),
    messages: toModelMessages(request.messages),
    // the orchestrator writes its own system messages (format instructions); they are not user input
    allowSystemInMessages: true,
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    abortSignal: request.signal,
    maxRetries: 0,
  });

  return {
    modelId: model.id,

    async generate(request) {
      const started = now();
      try {
        const result = await generateText(callSettings(request));
        return {
          text: result.text,
          usage: usageOf(result.usage, request, result.text),
          finishReason: result.finishReason,
          latencyMs: now() - started,
        };
      } catch (error) {
        throw toProviderError(error, { signal: request.signal });
      }
    },

    async *stream(request): AsyncIterable<StreamPart> {
      const started = now();
      let text = "";
      let firstTokenMs: number | undefined;
      let finished: GenerateResult | undefined;
      try {
        // errors arrive as `error` parts and are rethrown below; the default onError would also log them
        const result = streamText({ ...callSettings(request), onError: () => {} });
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") {
            if (part.text === "") continue;
            firstTokenMs ??= now() - started;
            text += part.text;
            yield { type: "text-delta", text: part.text };
          } else if (part.type === "error") {
            throw toProviderError(part.error, { signal: request.signal, streamStarted: text.length > 0 });
          } else if (part.type === "abort") {
            throw toProviderError(new DOMException(part.reason ?? "aborted", "AbortError"), { signal: request.signal });
          } else if (part.type === "finish") {
            // the SDKs synthesise a finish part even when the provider never sent one; a missing raw
            // finish reason is how a stream that just stopped shows through
            if (part.rawFinishReason === undefined) break;
            finished = {
              text,
              usage: usageOf(part.totalUsage, request, text),
              finishReason: part.finishReason,
              latencyMs: now() - started,
              firstTokenMs,
            };
          }
        }
      } catch (error) {
        throw toProviderError(error, { signal: request.signal, streamStarted: text.length > 0 });
      }
      if (request.signal?.aborted) throw toProviderError(request.signal.reason, { signal: request.signal });
      if (!finished) {
        throw new ProviderError("cut-stream", `${model.id}: the stream ended without a finish reason after ${text.length} characters`);
      }
      yield { type: "finish", result: finished };
    },
  };
}
