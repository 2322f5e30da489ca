import { builtinAnswerKeys, type AnswerKeyBook } from "@/server/orchestrator/discovery/answer-keys";
import { estimateMessagesTokens, estimateTokens } from "@/server/orchestrator/communication/tokens";
import { ProviderError } from "@/server/orchestrator/errors";
import type { GenerateRequest, GenerateResult, ModelClient, ModelSpec, SimulatedConfig, StreamPart } from "@/server/orchestrator/spec";
import { splitIntoDeltas } from "./simulation/deltas";
import { planCall, type CallPlan } from "./simulation/plan";
import { createPrng, hashUnit } from "./simulation/random";
import { composeReply, type SimulatedReply } from "./simulation/replies";
import { abortedError, pause, realSleep, type Sleep } from "./simulation/sleep";

export type { Sleep } from "./simulation/sleep";

/**
 * The simulated provider: built in, no network. Two sources of chance, on purpose:
 * - whether an answer is right is a hash of (seed, prompt text), so the same question always gets the same
 *   verdict and a model's measured accuracy converges on its hidden skill;
 * - faults and latency jitter come from a PRNG stream seeded by the config and owned by the client instance,
 *   so a retry draws afresh and can succeed, while a new instance with the same seed replays the same run.
 * Waiting goes through an injectable `sleep` (tests pass one that returns at once); reported latencies are
 * the simulated durations, not the wall time, so they are the same with or without real waiting.
 * A cut stream yields some deltas and then ends WITHOUT a finish part (the port's definition of a cut
 * stream); a plain call with that fault fails with ProviderError "cut-stream". A timeout fault hangs until
 * the request is aborted, or fails with "timeout" after `maxHangMs` so nothing waits forever.
 */

export interface SimulatedClientOptions {
  sleep?: Sleep;
  answerKeys?: AnswerKeyBook;
  /** how long a timeout fault hangs when nobody aborts it (default 10 minutes) */
  maxHangMs?: number;
}

const DEFAULT_MAX_HANG_MS = 10 * 60 * 1000;
/** errors come back faster than answers: a quarter of the time to first token */
const ERROR_DELAY_SHARE = 0.25;

/** A modest, fault-free model, for a simulated roster entry saved without its config. */
export function defaultSimulatedConfig(modelId: string): SimulatedConfig {
  return {
    seed: Math.floor(hashUnit(0, modelId) * 2 ** 31),
    skills: {},
    latency: { ttftMs: 400, tokensPerSec: 60, jitter: 0.2 },
    faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 },
  };
}

/** Time to produce `chars` characters at about four characters a token. */
function generationMs(chars: number, plan: CallPlan): number {
  return Math.round((chars / 4) * plan.msPerToken);
}

export function createSimulatedClient(model: ModelSpec, options: SimulatedClientOptions = {}): ModelClient {
  const config = model.simulated ?? defaultSimulatedConfig(model.id);
  const sleep = options.sleep ?? realSleep;
  const answerKeys = options.answerKeys ?? builtinAnswerKeys;
  const maxHangMs = options.maxHangMs ?? DEFAULT_MAX_HANG_MS;
  const random = createPrng(config.seed ^ 0x9e3779b9);
  const wait = (ms: number, signal: AbortSignal | undefined) => pause(sleep, ms, signal, model.id);

  /** Plays the faults that replace an answer; returns only when the call is to produce one. */
  async function failIfFaulted(plan: CallPlan, signal: AbortSignal | undefined): Promise<void> {
    switch (plan.fault) {
      case "timeout":
        await wait(maxHangMs, signal);
        throw new ProviderError("timeout", `${model.id}: no answer after ${maxHangMs} ms (simulated hang)`);
      case "server":
        await wait(Math.round(plan.ttftMs * ERROR_DELAY_SHARE), signal);
        throw new ProviderError("server", "The server had an error while processing your request. Sorry about that! (simulated fault)", 500);
      case "rate-limit":
        await wait(Math.round(plan.ttftMs * ERROR_DELAY_SHARE), signal);
        throw new ProviderError(
          "rate-limit",
          `Rate limit reached for ${model.remoteModel}. Please try again in ${plan.retryAfterMs / 1000}s. (simulated fault)`,
          429,
          plan.retryAfterMs,
        );
      default:
        return;
    }
  }

  function prepare(request: GenerateRequest): { plan: CallPlan; reply: SimulatedReply } {
    // the plan is drawn before anything can fail, so every call advances the stream by the same amount
    const plan = planCall(config.faults, config.latency, random);
    const reply = composeReply({
      config,
      messages: request.messages,
      capabilityHint: request.capabilityHint,
      maxOutputTokens: request.maxOutputTokens,
      answerKeys,
    });
    return { plan, reply };
  }

  function result(request: GenerateRequest, reply: SimulatedReply, latencyMs: number, firstTokenMs: number): GenerateResult {
    return {
      text: reply.text,
      usage: { inputTokens: estimateMessagesTokens(request.messages), outputTokens: estimateTokens(reply.text) },
      finishReason: reply.finishReason,
      latencyMs,
      firstTokenMs,
      simulatedTruth: reply.truth,
    };
  }

  return {
    modelId: model.id,

    async generate(request) {
      const { plan, reply } = prepare(request);
      if (request.signal?.aborted) throw abortedError(model.id, request.signal);
      await failIfFaulted(plan, request.signal);
      if (plan.fault === "cut-stream") {
        await wait(plan.ttftMs + generationMs(reply.text.length / 2, plan), request.signal);
        throw new ProviderError("cut-stream", `${model.id}: connection closed mid-response (simulated fault)`);
      }
      const latencyMs = plan.ttftMs + generationMs(reply.text.length, plan);
      await wait(latencyMs, request.signal);
      return result(request, reply, latencyMs, plan.ttftMs);
    },

    async *stream(request): AsyncIterable<StreamPart> {
      const { plan, reply } = prepare(request);
      if (request.signal?.aborted) throw abortedError(model.id, request.signal);
      await failIfFaulted(plan, request.signal);
      const deltas = splitIntoDeltas(reply.text);
      const delivered = plan.fault === "cut-stream" ? deltas.slice(0, Math.floor(deltas.length / 2)) : deltas;
      let elapsedMs = plan.ttftMs;
      await wait(plan.ttftMs, request.signal);
      for (const [index, text] of delivered.entries()) {
        if (index > 0) {
          const gap = generationMs(text.length, plan);
          await wait(gap, request.signal);
          elapsedMs += gap;
        }
        yield { type: "text-delta", text };
      }
      if (plan.fault === "cut-stream") return;
      yield { type: "finish", result: result(request, reply, elapsedMs, plan.ttftMs) };
    },
  };
}
