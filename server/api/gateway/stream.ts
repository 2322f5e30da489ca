import type { ApiKeyPrincipal } from "@/server/services/api-keys";
import type { Services } from "@/server/services/app";
import type { ChatMessage, Sampling } from "@/server/orchestrator/spec";
import { taskFailure } from "./failure";
import { errorBody } from "./errors";
import { servingModels, type TaskTrace } from "./follow";
import type { ModelTarget } from "./models";
import { answerOf, chunkLine, completionId, DONE_LINE, gatewayHeaders, streamsLive, usageLine } from "./reply";
import { cacheWanted, submitGatewayTask } from "./submit";
import type { GatewayReply, GatewayRequest } from "./transport";

const encoder = new TextEncoder();

/**
 * A streamed completion. The response starts at the first live delta (or when the task ends), so a call
 * that fails before writing anything still gets a proper status. Single and fallback chains stream the
 * answering step's deltas as they come; other chains send their synthesised answer in one chunk at the end.
 * A step that fails or retries after its text began streaming ends the stream with an error event: text
 * already sent cannot be taken back, and the task carries on (visible in the dashboard).
 */
export function streamCompletion(
  services: Services,
  request: GatewayRequest,
  input: { key: ApiKeyPrincipal; target: ModelTarget; messages: ChatMessage[]; sampling: Sampling; includeUsage: boolean; began: number },
): Promise<GatewayReply> {
  const created = Math.floor(Date.now() / 1000);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let liveStep: number | undefined;
  let model = "";
  let cached = false;
  let id = "";
  let announce: (() => void) | undefined;
  const started = new Promise<void>((resolve) => (announce = resolve));

  const write = (line: string) => {
    if (!closed) controller.enqueue(encoder.encode(line));
  };
  const close = () => {
    if (closed) return;
    closed = true;
    controller.close();
  };
  const fail = (message: string) => {
    write(`data: ${JSON.stringify(errorBody(message, "api_error", null, "upstream_error"))}\n\n`);
    close();
  };
  const finish = (trace: TaskTrace, text?: string) => {
    if (text !== undefined) write(chunkLine(id, created, model, text, null, true));
    write(chunkLine(id, created, model, null, "stop"));
    if (input.includeUsage) write(usageLine(id, created, model, trace));
    write(DONE_LINE);
    close();
  };

  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      closed = true;
      if (!task.trace.end) services.tasks.cancel(task.id);
    },
  });

  const task = submitGatewayTask(services, input.key, input.target, input.messages, input.sampling, {
    onDelta(stepIndex, text) {
      if (closed || !streamsLive(task.trace)) return;
      if (liveStep === undefined) {
        liveStep = stepIndex;
        model = task.trace.started.get(stepIndex) ?? "";
        write(chunkLine(id, created, model, "", null, true));
        announce?.();
      }
      if (stepIndex === liveStep) write(chunkLine(id, created, model, text, null));
    },
    onEvent({ event }) {
      if (liveStep === undefined || closed) return;
      if ((event.type === "step.retried" || event.type === "step.failed") && event.stepIndex === liveStep) {
        fail(`${event.modelId} failed after its answer began streaming: ${event.error}`);
      }
    },
  }, { useCache: cacheWanted(request), stream: true });
  id = completionId(task.id);

  request.onAbort(() => {
    closed = true;
    if (!task.trace.end) services.tasks.cancel(task.id);
  });

  void task.done.then((trace) => {
    announce?.();
    if (closed || liveStep === undefined) return;
    if (trace.end?.ok) finish(trace);
    else fail(trace.end?.error ?? "the task failed");
  });

  return Promise.race([started, task.done]).then(() => {
    const trace = task.trace;
    if (liveStep === undefined) {
      // nothing streamed: the task is over, so answer with a status that says how it went
      if (!trace.end?.ok) return taskFailure(services, task.id, trace, trace.end?.error ?? "unknown error");
      const answer = answerOf(services, task.id, input.target, trace);
      model = answer.model;
      cached = answer.cached;
      finish(trace, answer.text);
    }
    const overhead = (trace.firstCallAt ?? performance.now()) - input.began;
    return {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        ...gatewayHeaders(task.id, model ? [model] : servingModels(trace), overhead, cached),
      },
      body,
    };
  });
}
