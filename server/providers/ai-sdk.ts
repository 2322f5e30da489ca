import { estimateMessagesTokens, estimateTokens } from "@/server/orchestrator/communication/tokens";
import { ProviderError } from "@/server/orchestrator/errors";
import type { ChatMessage, GenerateRequest, GenerateResult, ModelClient, ModelSpec, StreamPart, TokenUsage } from "@/server/orchestrator/spec";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3Message,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "./language-model-v3";
import { isNetworkProviderKind, languageModelFor, type ProviderConnection } from "./language-models";
import { toProviderError } from "./provider-errors";

export type { ProviderConnection } from "./language-models";

export interface AiSdkClientOptions {
  /** monotonic milliseconds, for latency and time to first token */
  now?: () => number;
}

function toPrompt(messages: readonly ChatMessage[]): LanguageModelV3Prompt {
  return messages.map((message): LanguageModelV3Message => {
    switch (message.role) {
      case "system":
        return { role: "system", content: message.content };
      case "user":
        return { role: "user", content: [{ type: "text", text: message.content }] };
      case "assistant":
        return { role: "assistant", content: [{ type: "text", text: message.content }] };
    }
  });
}

function callOptions(request: GenerateRequest): LanguageModelV3CallOptions {
  return {
    prompt: toPrompt(request.messages),
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    topP: request.topP,
    // an empty `stop: []` is rejected by some servers and means the same as none
    stopSequences: request.stop && request.stop.length > 0 ? request.stop : undefined,
    abortSignal: request.signal,
  };
}

function textOf(content: readonly LanguageModelV3Content[]): string {
  let text = "";
  for (const part of content) if (part.type === "text") text += part.text;
  return text;
}

/** Real counts when the provider reports them; servers that omit usage still get costed, by estimate. */
function usageOf(usage: LanguageModelV3Usage | undefined, request: GenerateRequest, text: string): TokenUsage {
  return {
    inputTokens: usage?.inputTokens.total ?? estimateMessagesTokens(request.messages),
    outputTokens: usage?.outputTokens.total ?? estimateTokens(text),
  };
}

/**
 * A ModelClient over the Vercel AI SDK for openai-compatible, openai (chat-completions) and anthropic models.
 *
 * It calls the provider model's own `doGenerate` / `doStream` rather than `generateText` / `streamText`: those
 * add retries, step loops, telemetry and a second stream pipeline — ~1–2 ms of CPU per call — for work the
 * engine already does itself (cockatiel retries, timeouts, usage, streaming). Not calling them also means
 * no SDK retries: the engine must see every failure as a ProviderError to decide. Plain calls report no time
 * to first token: the first token arrives with the last, so only streams can measure it.
 */
export function createAiSdkClient(model: ModelSpec, connection: ProviderConnection, options: AiSdkClientOptions = {}): ModelClient {
  const kind = model.providerKind;
  if (!isNetworkProviderKind(kind)) throw new Error(`createAiSdkClient: ${model.id} is a simulated model`);
  const now = options.now ?? (() => performance.now());
  let languageModel: LanguageModelV3 | undefined;
  // built on first use so a misconfigured provider fails the call (as a ProviderError), not the roster listing
  const resolveModel = () => (languageModel ??= languageModelFor(model, kind, connection));

  return {
    modelId: model.id,

    async generate(request) {
      const started = now();
      let result: LanguageModelV3GenerateResult;
      try {
        result = await resolveModel().doGenerate(callOptions(request));
      } catch (error) {
        throw toProviderError(error, { signal: request.signal });
      }
      const text = textOf(result.content);
      // a reply without a finish reason was cut off upstream: a failure to fall back from, not an answer
      if (result.finishReason.raw === undefined) {
        throw new ProviderError("cut-stream", `${model.id}: the reply came without a finish reason after ${text.length} characters`);
      }
      return { text, usage: usageOf(result.usage, request, text), finishReason: result.finishReason.unified, latencyMs: now() - started };
    },

    async *stream(request): AsyncIterable<StreamPart> {
      const started = now();
      let text = "";
      let firstTokenMs: number | undefined;
      let finished: GenerateResult | undefined;
      let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart> | undefined;
      let drained = false;
      try {
        const { stream } = await resolveModel().doStream({ ...callOptions(request), includeRawChunks: false });
        reader = stream.getReader();
        for (;;) {
          const next = await reader.read();
          if (next.done) {
            drained = true;
            break;
          }
          const part = next.value;
          if (part.type === "text-delta") {
            if (part.delta === "") continue;
            firstTokenMs ??= now() - started;
            text += part.delta;
            yield { type: "text-delta", text: part.delta };
          } else if (part.type === "error") {
            throw toProviderError(part.error, { signal: request.signal, streamStarted: text.length > 0 });
          } else if (part.type === "finish") {
            // the SDKs emit a finish part even when the provider never sent a finish reason; a missing raw
            // reason is how a stream that just stopped shows through
            if (part.finishReason.raw === undefined) continue;
            finished = {
              text,
              usage: usageOf(part.usage, request, text),
              finishReason: part.finishReason.unified,
              latencyMs: now() - started,
              firstTokenMs,
            };
          }
          // stream-start, response-metadata, raw, text/reasoning start/end, tool parts: nothing for a text client
        }
      } catch (error) {
        throw toProviderError(error, { signal: request.signal, streamStarted: text.length > 0 });
      } finally {
        // a consumer that stops early (or a failure) must release the connection, not leave it half-read
        if (reader && !drained) reader.cancel().catch(() => {});
      }
      if (request.signal?.aborted) throw toProviderError(request.signal.reason, { signal: request.signal });
      if (!finished) {
        throw new ProviderError("cut-stream", `${model.id}: the stream ended without a finish reason after ${text.length} characters`);
      }
      yield { type: "finish", result: finished };
    },
  };
}
