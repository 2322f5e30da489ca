import type { Services } from "@/server/services/app";
import type { TaskTrace } from "./follow";
import { servingModels, usageOf } from "./follow";
import type { ModelTarget } from "./models";

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
}

/**
 * The answer of a finished task: a pinned task's is its answering step's text, read from the trace (no
 * database read); a routed chain's is the synthesised one on the row; one served from the result cache ran no
 * step, so the row says both the answer and the model behind it.
 */
export function answerOf(services: Services, taskId: string, target: ModelTarget, trace: TaskTrace): Answer {
  const answered = trace.completed.at(-1);
  if (target.kind === "pinned" && answered) return { text: answered.output, model: answered.modelId, cached: false };
  if (answered) return { text: services.tasks.finalOutput(taskId) ?? "", model: servingModels(trace).at(-1) ?? "unknown", cached: false };
  const row = services.tasks.get(taskId);
  return { text: row.output ?? "", model: row.modelId ?? "unknown", cached: true };
}

export function gatewayHeaders(taskId: string, models: readonly string[], overheadMs: number, cached = false): Record<string, string> {
  return {
    "x-ensemble-task-id": taskId,
    "x-ensemble-models": models.join(","),
    "x-ensemble-overhead-ms": Math.max(0, overheadMs).toFixed(2),
    ...(cached ? { "x-ensemble-cache": "hit" } : {}),
  };
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
    choices: [{ index: 0, message: { role: "assistant", content: answer.text, refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: usageOf(trace).usage,
  };
}

/** One SSE chunk line; built by hand around a JSON-escaped delta so each token costs one small stringify. */
export function chunkLine(id: string, created: number, model: string, delta: string | null, finish: string | null, role = false): string {
  const deltaJson = delta === null ? "{}" : role ? `{"role":"assistant","content":${JSON.stringify(delta)}}` : `{"content":${JSON.stringify(delta)}}`;
  const finishJson = finish === null ? "null" : JSON.stringify(finish);
  return `data: {"id":"${id}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"delta":${deltaJson},"logprobs":null,"finish_reason":${finishJson}}]}\n\n`;
}

export function usageLine(id: string, created: number, model: string, trace: TaskTrace): string {
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageOf(trace).usage })}\n\n`;
}

export const DONE_LINE = "data: [DONE]\n\n";
