import type { Services } from "@/server/services/app";
import type { StepDone, TaskTrace } from "./follow";
import { usageOf } from "./follow";
import type { ModelTarget } from "./models";
import type { GatewayReply } from "./transport";

/** Strategies whose answer is one step's own text, so that step's deltas are the answer as it is written. */
export function streamsLive(trace: TaskTrace): boolean {
  const strategy = trace.chain?.strategy;
  return strategy === "single" || strategy === "fallback";
}

export interface Answer {
  text: string;
  /** the model that produced it; for an answer served from the result cache, the model that computed it then */
  model: string;
  cached: boolean;
  /** OpenAI's finish_reason for the answer */
  finishReason: FinishReasonOut;
}

export type FinishReasonOut = "stop" | "length" | "content_filter";

/**
 * The step whose text is the answer: the one the engine sent to the result node first (trace.answerStep), else
 * the last completed step (a pinned chain's answering alternate: its earlier alternates failed).
 */
export function answeringStep(trace: TaskTrace): StepDone | undefined {
  const sent = trace.answerStep === undefined ? undefined : trace.completed.find((s) => s.stepIndex === trace.answerStep);
  return sent ?? trace.completed.at(-1);
}

/** The provider's reason as OpenAI names it: an answer cut by the output limit is "length"; steps recorded without one, "stop". */
export function finishReasonOf(step: StepDone | undefined): FinishReasonOut {
  if (step?.finishReason === "length") return "length";
  if (step?.finishReason === "content-filter") return "content_filter";
  return "stop";
}

/**
 * The answer of a finished task: a pinned task's is its answering step's text, read from the trace (no
 * database read); a routed chain's is the synthesised one on the row, credited to its answering step's model;
 * one served from the result cache ran no step, so the row says both the answer and the model behind it.
 */
export function answerOf(services: Services, taskId: string, target: ModelTarget, trace: TaskTrace): Answer {
  const answered = answeringStep(trace);
  const finishReason = finishReasonOf(answered);
  if (target.kind === "pinned" && answered) return { text: answered.output, model: answered.modelId, cached: false, finishReason };
  if (answered) return { text: services.tasks.finalOutput(taskId) ?? "", model: answered.modelId, cached: false, finishReason };
  const row = services.tasks.get(taskId);
  return { text: row.output ?? "", model: row.modelId ?? "unknown", cached: true, finishReason };
}

export function gatewayHeaders(taskId: string, models: readonly string[], overheadMs: number, cached = false): Record<string, string> {
  return {
    "x-ensemble-task-id": taskId,
    "x-request-id": taskId,
    ...(models.length > 0 ? { "x-ensemble-models": models.join(",") } : {}),
    "x-ensemble-overhead-ms": Math.max(0, overheadMs).toFixed(2),
    ...(cached ? { "x-ensemble-cache": "hit" } : {}),
  };
}

/** A reply about a task (a failure's, too) carries its id as x-request-id, which OpenAI's clients expose as `_request_id`. */
export function withRequestId(reply: GatewayReply, taskId: string): GatewayReply {
  return { ...reply, headers: { ...reply.headers, "x-request-id": taskId } };
}

export function completionId(taskId: string): string {
  return `chatcmpl-${taskId}`;
}

/** The non-streamed chat.completion body. */
export function completionBody(taskId: string, created: number, answer: Answer, trace: TaskTrace) {
  return {
    id: completionId(taskId),
    object: "chat.completion",
    created,
    model: answer.model,
    choices: [{ index: 0, message: { role: "assistant", content: answer.text, refusal: null }, logprobs: null, finish_reason: answer.finishReason }],
    usage: usageOf(trace).usage,
  };
}

/**
 * One SSE chunk line; built by hand around a JSON-escaped delta so each token costs one small stringify. With
 * `usage` (stream_options.include_usage) it carries `"usage":null`, as OpenAI's chunks before the usage chunk do.
 */
export function chunkLine(id: string, created: number, model: string, delta: string | null, finish: string | null, role = false, usage = false): string {
  const deltaJson = delta === null ? "{}" : role ? `{"role":"assistant","content":${JSON.stringify(delta)}}` : `{"content":${JSON.stringify(delta)}}`;
  const finishJson = finish === null ? "null" : JSON.stringify(finish);
  return `data: {"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":${deltaJson},"logprobs":null,"finish_reason":${finishJson}}]${usage ? ',"usage":null' : ""}}\n\n`;
}

export function usageLine(id: string, created: number, model: string, trace: TaskTrace): string {
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageOf(trace).usage })}\n\n`;
}

export const DONE_LINE = "data: [DONE]\n\n";
