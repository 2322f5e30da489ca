import { ProviderError } from "../errors";
import { estimateMessagesTokens, estimateTokens } from "../communication/tokens";
import type { Clock, FinishReason, GenerateRequest, GenerateResult, ModelClient, StreamPart, TokenUsage } from "../spec";

/** One scripted answer. */
export type ScriptReply =
  | {
      text: string;
      /** wait this long (on the Clock) before the first token */
      delayMs?: number;
      /** split the text into this many deltas when streamed (default 3) */
      chunks?: number;
      usage?: Partial<TokenUsage>;
      finishReason?: FinishReason;
    }
  /** fail with this error after the optional delay */
  | { error: ProviderError; delayMs?: number }
  /** stream these deltas, then end without a `finish` part; `generate` fails with "cut-stream" */
  | { cut: string; delayMs?: number }
  /** never answer until the request's signal aborts */
  | { hang: true };

/** Answers by call index (the last entry repeats) or by a function of the request. */
export type Script = ScriptReply | readonly ScriptReply[] | ((request: GenerateRequest, callIndex: number) => ScriptReply);

export interface ScriptedClient extends ModelClient {
  /** every request received, in order */
  readonly calls: GenerateRequest[];
}

/** The text of the last user message: what a prompt predicate usually wants to look at. */
export function lastUserText(request: GenerateRequest): string {
  return [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
}

/**
 * Build a script that answers by prompt predicate: the first rule whose `when` matches the request's full text
 * (all messages joined) answers; `otherwise` answers the rest.
 */
export function byPrompt(
  rules: ReadonlyArray<{ when: string | RegExp | ((text: string) => boolean); reply: ScriptReply }>,
  otherwise: ScriptReply,
): (request: GenerateRequest) => ScriptReply {
  return (request) => {
    const text = request.messages.map((m) => m.content).join("\n");
    const rule = rules.find(({ when }) =>
      typeof when === "string" ? text.includes(when) : when instanceof RegExp ? when.test(text) : when(text),
    );
    return rule?.reply ?? otherwise;
  };
}

function pick(script: Script, request: GenerateRequest, index: number): ScriptReply {
  if (typeof script === "function") return script(request, index);
  if (Array.isArray(script)) {
    const list = script as readonly ScriptReply[];
    const reply = list[Math.min(index, list.length - 1)];
    if (!reply) throw new Error("scripted client: empty script");
    return reply;
  }
  return script as ScriptReply;
}

function abortedError(modelId: string): ProviderError {
  return new ProviderError("aborted", `${modelId}: request aborted`);
}

/** Waits on the Clock when there is one; without a Clock delays are skipped (the test did not ask for time). */
async function wait(clock: Clock | undefined, ms: number | undefined, signal: AbortSignal | undefined, modelId: string) {
  if (signal?.aborted) throw abortedError(modelId);
  if (!clock || !ms || ms <= 0) return;
  try {
    await clock.sleep(ms, signal);
  } catch {
    throw abortedError(modelId);
  }
}

function hang(signal: AbortSignal | undefined, modelId: string): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(abortedError(modelId));
    signal?.addEventListener("abort", () => reject(abortedError(modelId)), { once: true });
  });
}

function split(text: string, chunks: number): string[] {
  const n = Math.max(1, Math.min(chunks, text.length));
  const size = Math.ceil(text.length / n);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length > 0 ? parts : [""];
}

/**
 * A ModelClient that plays a script: fixed answers, provider errors, cut streams, hangs and Clock-driven delays.
 * Token usage defaults to the same estimate the engine uses, so costs in tests are predictable.
 */
export function createScriptedClient(modelId: string, script: Script, options: { clock?: Clock } = {}): ScriptedClient {
  const calls: GenerateRequest[] = [];
  const { clock } = options;

  function result(request: GenerateRequest, reply: { text: string; usage?: Partial<TokenUsage>; finishReason?: FinishReason }, latencyMs: number): GenerateResult {
    return {
      text: reply.text,
      usage: {
        inputTokens: reply.usage?.inputTokens ?? estimateMessagesTokens(request.messages),
        outputTokens: reply.usage?.outputTokens ?? estimateTokens(reply.text),
      },
      finishReason: reply.finishReason ?? "stop",
      latencyMs,
    };
  }

  return {
    modelId,
    calls,
    async generate(request) {
      const reply = pick(script, request, calls.length);
      calls.push(request);
      const started = clock?.now() ?? 0;
      if ("hang" in reply) return hang(request.signal, modelId);
      await wait(clock, reply.delayMs, request.signal, modelId);
      if ("error" in reply) throw reply.error;
      if ("cut" in reply) throw new ProviderError("cut-stream", `${modelId}: reply cut off`);
      return result(request, reply, (clock?.now() ?? 0) - started);
    },
    async *stream(request): AsyncIterable<StreamPart> {
      const reply = pick(script, request, calls.length);
      calls.push(request);
      const started = clock?.now() ?? 0;
      if ("hang" in reply) {
        await hang(request.signal, modelId);
        return;
      }
      await wait(clock, reply.delayMs, request.signal, modelId);
      if ("error" in reply) throw reply.error;
      if ("cut" in reply) {
        for (const text of split(reply.cut, 2)) yield { type: "text-delta", text };
        return;
      }
      for (const text of split(reply.text, reply.chunks ?? 3)) {
        if (request.signal?.aborted) throw abortedError(modelId);
        yield { type: "text-delta", text };
      }
      yield { type: "finish", result: result(request, reply, (clock?.now() ?? 0) - started) };
    },
  };
}
