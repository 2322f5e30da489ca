import type { ApiKeyPrincipal } from "@/server/services/api-keys";
import type { Services } from "@/server/services/app";
import type { ChatMessage, Sampling } from "@/server/orchestrator/spec";
import { taskFailure } from "./failure";
import { errorBody } from "./errors";
import { servingModels, type TaskTrace } from "./follow";
import type { ModelTarget } from "./models";
import { answeringStep, answerOf, chunkLine, completionId, DONE_LINE, finishReasonOf, gatewayHeaders, streamsLive, usageLine, withRequestId } from "./reply";
import { cacheWanted, submitGatewayTask } from "./submit";
import type { GatewayReply, GatewayRequest } from "./transport";

const encoder = new TextEncoder();

/** How long a stream waits for its first token before it sends its headers: until then a failure gets a real status. */
export const HEADERS_WITHIN_MS = 10_000;
/** Once the headers are out, an SSE comment this often until the first token, so idle-timeout proxies keep the connection. */
export const KEEP_ALIVE_EVERY_MS = 15_000;
export const KEEP_ALIVE_LINE = ": keep-alive\n\n";

export interface StreamTiming {
  headersWithinMs: number;
  keepAliveEveryMs: number;
}

const DEFAULT_TIMING: StreamTiming = { headersWithinMs: HEADERS_WITHIN_MS, keepAliveEveryMs: KEEP_ALIVE_EVERY_MS };

/**
 * A streamed completion. The response starts at the first live delta, when the task ends, or after
 * HEADERS_WITHIN_MS, whichever comes first: a call that fails before then gets a proper status; after it, the
 * stream is open and kept alive with `: keep-alive` comments until the first delta, and a failure is an error
 * event. Single and fallback chains stream the answering step's deltas as they come; other chains send their
 * synthesised answer in one chunk at the end. A stream that ends with an error event (a step that fails or retries
 * after its text began streaming, a task that fails after the headers went out) cancels the task if it still runs:
 * text already sent cannot be taken back, and an answer that can no longer be delivered must not be paid for.
 */
export function streamCompletion(
  services: Services,
  request: GatewayRequest,
  input: {
    key: ApiKeyPrincipal;
    target: ModelTarget;
    messages: ChatMessage[];
    sampling: Sampling;
    includeUsage: boolean;
    began: number;
    /** HEADERS_WITHIN_MS and KEEP_ALIVE_EVERY_MS unless given */
    timing?: StreamTiming | undefined;
  },
): Promise<GatewayReply> {
  const timing = input.timing ?? DEFAULT_TIMING;
  const created = Math.floor(Date.now() / 1000);
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  /** the 200 and its headers are (about to be) sent: from here on every outcome goes into the body */
  let committed = false;
  let liveStep: number | undefined;
  let model = "";
  let cached = false;
  let id = "";
  let announce: (() => void) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const started = new Promise<void>((resolve) => (announce = resolve));

  const stopKeepAlive = () => {
    if (keepAlive !== undefined) clearInterval(keepAlive);
    keepAlive = undefined;
  };
  const write = (line: string) => {
    if (!closed) controller.enqueue(encoder.encode(line));
  };
  const close = () => {
    stopKeepAlive();
    if (closed) return;
    closed = true;
    controller.close();
  };
  const leave = () => {
    closed = true;
    stopKeepAlive();
    if (!task.trace.end) services.tasks.cancel(task.id);
  };
  const fail = (message: string) => {
    write(`data: ${JSON.stringify(errorBody(message, "api_error", null, "upstream_error"))}\n\n`);
    close();
    // the caller's response is over: whatever the task would still produce (a retry, a fallback) goes nowhere
    if (!task.trace.end) services.tasks.cancel(task.id);
  };
  const finish = (trace: TaskTrace, text?: string) => {
    if (text !== undefined) write(chunkLine(id, created, model, text, null, true, input.includeUsage));
    write(chunkLine(id, created, model, null, finishReasonOf(answeringStep(trace)), false, input.includeUsage));
    if (input.includeUsage) write(usageLine(id, created, model, trace));
    write(DONE_LINE);
    close();
  };
  /** the task ended and nothing streamed live: its whole answer in one chunk */
  const finishWhole = (trace: TaskTrace) => {
    const answer = answerOf(services, task.id, input.target, trace);
    model = answer.model;
    cached = answer.cached;
    finish(trace, answer.text);
  };

  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: leave,
  });

  const task = submitGatewayTask(services, input.key, input.target, input.messages, input.sampling, {
    onDelta(stepIndex, text) {
      if (closed || !streamsLive(task.trace)) return;
      if (liveStep === undefined) {
        liveStep = stepIndex;
        stopKeepAlive();
        model = task.trace.started.get(stepIndex) ?? "";
        write(chunkLine(id, created, model, "", null, true, input.includeUsage));
        announce?.();
      }
      if (stepIndex === liveStep) write(chunkLine(id, created, model, text, null, false, input.includeUsage));
    },
    onEvent({ event }) {
      if (liveStep === undefined || closed) return;
      if ((event.type === "step.retried" || event.type === "step.failed") && event.stepIndex === liveStep) {
        fail(`${event.modelId} failed after its answer began streaming: ${event.error}`);
      }
    },
  }, { useCache: cacheWanted(request), stream: true });
  id = completionId(task.id);

  request.onAbort(leave);

  void task.done.then((trace) => {
    announce?.();
    // before the response is committed, the reply below answers (with a status, if the task failed)
    if (closed || (liveStep === undefined && !committed)) return;
    if (!trace.end?.ok) fail(trace.end?.error ?? "the task failed");
    else if (liveStep === undefined) finishWhole(trace);
    else finish(trace);
  });

  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  const windowEnds = new Promise<void>((resolve) => (windowTimer = setTimeout(resolve, timing.headersWithinMs)));

  return Promise.race([started, task.done, windowEnds]).then(() => {
    clearTimeout(windowTimer);
    const trace = task.trace;
    if (liveStep === undefined && trace.end) {
      // nothing streamed: the task is over, so answer with a status that says how it went
      if (!trace.end.ok) return withRequestId(taskFailure(services, task.id, trace, trace.end.error), task.id);
      finishWhole(trace);
    } else if (liveStep === undefined && !closed) {
      // still no token: send the headers now, and a comment now and then so proxies see a live connection
      keepAlive = setInterval(() => write(KEEP_ALIVE_LINE), timing.keepAliveEveryMs);
    }
    committed = true;
    const overhead = (trace.firstCallAt ?? performance.now()) - input.began;
    return {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        // nginx and similar proxies pass each event on at once instead of buffering the response
        "x-accel-buffering": "no",
        ...gatewayHeaders(task.id, model ? [model] : servingModels(trace), overhead, cached),
      },
      body,
    };
  });
}
