import type { TaskTrace } from "./follow";
import { servingModels, usageOf } from "./follow";

/** Strategies whose answer is one step's own text, so that step's deltas are the answer as it is written. */
export function streamsLive(trace: TaskTrace): boolean {
  const strategy = trace.chain?.strategy;
  return strategy === "single" || strategy === "fallback";
}

export function gatewayHeaders(taskId: string, models: readonly string[], overheadMs: number): Record<string, string> {
  return {
    "x-ensemble-task-id": taskId,
    "x-ensemble-models": models.join(","),
    "x-ensemble-overhead-ms": Math.max(0, overheadMs).toFixed(2),
  };
}

export function completionId(taskId: string): string {
  return `chatcmpl-${taskId}`;
}

/** The non-streamed chat.completion body. */
export function completionBody(taskId: string, created: number, text: string, trace: TaskTrace) {
  const models = servingModels(trace);
  return {
    id: completionId(taskId),
    object: "chat.completion",
    created,
    model: models.at(-1) ?? "unknown",
    choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, logprobs: null, finish_reason: "stop" }],
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
