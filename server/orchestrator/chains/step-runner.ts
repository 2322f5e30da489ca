import { fitContext, type ContextEntry } from "../communication/context-store";
import { estimateMessagesTokens, estimateTokens } from "../communication/tokens";
import { ProviderError } from "../errors";
import { cancelledError, toProviderError } from "../resilience/errors";
import { callWithResilience, resilienceOptionsFrom } from "../resilience/policy";
import { costUsd, type ChatMessage, type MessageKind, type ModelResult, type ModelSpec, type Sampling, type StepRole } from "../spec";
import { callModel } from "./call-model";
import { node, type ChainContext } from "./context";

/** Context another node sends to this step before it runs. */
export interface Incoming {
  from: string;
  kind: MessageKind;
  content: string;
}

export interface StepRequest {
  role: StepRole;
  modelId: string;
  incoming?: Incoming[];
  /** the chat input, from the context that survived trimming (entries from "input" are not included) */
  build(context: ContextEntry[]): ChatMessage[];
  /** runs once the budget admitted the step, before its first event: the place for fallback.taken */
  onAdmitted?(): void;
}

/**
 * Tokens kept free for the reply, also sent as maxOutputTokens: a quarter of the window, at least 256, at most
 * 4096 — ModelSpec has no output limit, and 4096 is one every current provider accepts.
 */
export function outputReserve(spec: ModelSpec | undefined): number {
  if (!spec) return 4096;
  return Math.max(256, Math.min(4096, Math.floor(spec.contextWindow / 4)));
}

/** The caller's sampling settings for one call; a caller's max tokens can lower the step's reserve, never raise it. */
function samplingFor(sampling: Sampling | undefined, reserve: number) {
  return {
    maxOutputTokens: sampling?.maxOutputTokens !== undefined ? Math.min(reserve, sampling.maxOutputTokens) : reserve,
    ...(sampling?.temperature !== undefined ? { temperature: sampling.temperature } : {}),
    ...(sampling?.topP !== undefined ? { topP: sampling.topP } : {}),
    ...(sampling?.stop !== undefined ? { stop: sampling.stop } : {}),
  };
}

function asEntries(incoming: readonly Incoming[], to: string): ContextEntry[] {
  return incoming.map((m) => ({ ...m, to, tokens: estimateTokens(m.content) }));
}

/**
 * Run one step: budget admission, a fresh step index, channel messages in, context trimmed to the model's
 * window, step.started with the exact input, the resilient call (retries emit step.retried), then
 * step.completed or step.failed. Throws BudgetExceededError before any event when the budget refuses the step,
 * a "circuit-open" ProviderError (after step.refused) when the model's breaker refuses it, and a ProviderError
 * (after step.failed) when the call fails. A resumed task's recorded steps are replayed instead (ports.priorStep).
 */
export async function runStep(ctx: ChainContext, request: StepRequest): Promise<ModelResult> {
  const { ports, communication, task } = ctx;
  const { modelId, role } = request;
  if (ctx.signal?.aborted) throw cancelledError();

  let spec: ModelSpec | undefined;
  let lookupError: unknown;
  try {
    spec = ports.model(modelId);
  } catch (error) {
    lookupError = error;
  }
  const guard = spec ? ports.guard?.(modelId) : undefined;
  const options = spec?.resilience ? resilienceOptionsFrom(spec.resilience) : ctx.resilience;
  const reserve = outputReserve(spec);
  const windowForInput = spec ? spec.contextWindow - reserve : Number.POSITIVE_INFINITY;
  const inputEstimate = Math.min(estimateMessagesTokens(request.build(asEntries(request.incoming ?? [], ""))), windowForInput);
  const admission = ctx.budget.admit({
    modelId,
    estimateCostUsd: (outputTokens) => (spec ? costUsd(spec.pricing, inputEstimate, outputTokens) : 0),
  });
  // Allocated synchronously, so steps started together (mixture, vote) get indexes in plan order.
  const stepIndex = ctx.allocateIndex();
  // A resumed task replays what an earlier run recorded: no events (they are on record already), no new call.
  const prior = ports.priorStep?.(stepIndex, modelId);
  if (prior?.kind === "completed") {
    admission.settle({ costUsd: prior.result.costUsd, latencyMs: prior.result.latencyMs, outputTokens: prior.result.outputTokens });
    ctx.completed.push(prior.result);
    return prior.result;
  }
  if (prior?.kind === "failed" || prior?.kind === "refused") {
    admission.settle({ costUsd: 0, latencyMs: 0, outputTokens: 0 });
    // a refusal is replayed as one whatever the breaker says now (a restart closes every breaker): same path, same index
    const error = new ProviderError(prior.kind === "refused" ? "circuit-open" : "server", prior.error);
    ctx.failed.push({ modelId, error });
    throw error;
  }
  // An open breaker refuses the model before the step starts: the chain moves on to its next candidate, and the
  // refusal is a step.refused under the step's index (no step.started: the model never received a call) and the
  // reason of the next candidate's fallback.taken. With it on record a resumed run replays the refusal (priorStep)
  // instead of calling the model under an index the first run gave it but left without a step row.
  try {
    guard?.assertAvailable();
  } catch (refusal) {
    admission.settle({ costUsd: 0, latencyMs: 0, outputTokens: 0 });
    ctx.failed.push({ modelId, error: refusal });
    ctx.emit({ type: "step.refused", taskId: task.id, stepIndex, modelId, error: refusal instanceof Error ? refusal.message : String(refusal) });
    throw refusal;
  }
  request.onAdmitted?.();
  const to = node(stepIndex);

  try {
    await communication.sendMessage({ taskId: task.id, from: "input", to, kind: "prompt", content: task.prompt, tokens: estimateTokens(task.prompt) });
    for (const message of request.incoming ?? []) {
      const channel = await communication.establishChannel(message.from, to);
      await channel.send({ kind: message.kind, content: message.content, tokens: estimateTokens(message.content) });
    }
    const contextBudget = windowForInput - estimateMessagesTokens(request.build([]));
    const context = fitContext(
      communication.store.inbox(to).filter((e) => e.from !== "input"),
      Math.max(0, contextBudget),
    );
    const messages = request.build(context);
    ctx.emit({ type: "step.started", taskId: task.id, stepIndex, modelId, role, input: messages });
    if (!spec) throw lookupError;
    const pricing = spec.pricing;
    const client = ports.client(modelId);

    const call = await callWithResilience(
      (signal, progress) =>
        callModel(
          client,
          { messages, signal, ...samplingFor(task.sampling, reserve), capabilityHint: ctx.requirements.primary },
          {
            stream: ctx.stream,
            clock: ports.clock,
            onFirstToken: progress.firstToken,
            onDelta: (text) => {
              if (!signal.aborted) ctx.emit({ type: "output.delta", taskId: task.id, stepIndex, text });
            },
          },
        ),
      {
        modelId,
        clock: ports.clock,
        random: ports.random,
        signal: ctx.signal,
        // a plain reply's first token arrives with its last: only streams have a first-token deadline
        options: ctx.stream ? options : { ...options, firstTokenTimeoutMs: undefined },
        guard,
        onBreakerChange: (t) =>
          ctx.emit({ type: "breaker.changed", taskId: task.id, stepIndex, modelId, from: t.from, to: t.to, nextProbeAt: t.nextProbeAt }),
        // a cut-off by the task's own latency budget is a "deadline", not the model's timeout: not retried nor counted
        deadlineMs: () => ctx.budget.remainingMs(),
        canRetry: (_error, delayMs) => delayMs < ctx.budget.remainingMs(),
        onRetry: (attempt, error) =>
          ctx.emit({ type: "step.retried", taskId: task.id, stepIndex, modelId, attempt, error: error.message, errorKind: error.kind }),
      },
    );
    if (call.text.trim() === "") throw new ProviderError("bad-response", `${modelId}: empty output`);

    const inputTokens = call.result.usage.inputTokens || estimateMessagesTokens(messages);
    const outputTokens = call.result.usage.outputTokens || estimateTokens(call.text);
    const result: ModelResult = {
      stepIndex,
      modelId,
      role,
      text: call.text,
      inputTokens,
      outputTokens,
      costUsd: costUsd(pricing, inputTokens, outputTokens),
      latencyMs: call.latencyMs,
    };
    admission.settle({ costUsd: result.costUsd, latencyMs: result.latencyMs, outputTokens });
    ctx.emit({
      type: "step.completed",
      taskId: task.id,
      stepIndex,
      modelId,
      output: result.text,
      inputTokens,
      outputTokens,
      costUsd: result.costUsd,
      latencyMs: result.latencyMs,
      ...(call.firstTokenMs !== undefined ? { firstTokenMs: call.firstTokenMs } : {}),
      finishReason: call.result.finishReason,
    });
    ctx.completed.push(result);
    return result;
  } catch (raw) {
    admission.settle({ costUsd: 0, latencyMs: 0, outputTokens: 0 });
    const error = toProviderError(raw, modelId, ctx.signal);
    ctx.failed.push({ modelId, error });
    ctx.emit({ type: "step.failed", taskId: task.id, stepIndex, modelId, error: error.message, errorKind: error.kind });
    throw error;
  }
}
