import type { Services } from "@/server/services/app";
import { authorize } from "./auth";
import { readJsonBody } from "./body";
import { errorResponse, invalidRequest } from "./errors";
import { taskFailure } from "./failure";
import { servingModels } from "./follow";
import { resolveTarget } from "./models";
import { answerOf, completionBody, gatewayHeaders, withRequestId } from "./reply";
import { chatCompletionSchema, paramOf, samplingOf, toChatMessages, type ChatCompletionRequest } from "./schema";
import { streamCompletion, type StreamTiming } from "./stream";
import { cacheWanted, submitGatewayTask } from "./submit";
import { jsonReply, type GatewayReply, type GatewayRequest } from "./transport";

/** Validates the body; a reply names the offending field (OpenAI's `param`) and is never a 500. */
async function parseRequest(request: GatewayRequest): Promise<{ ok: true; value: ChatCompletionRequest } | { ok: false; response: GatewayReply }> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const parsed = chatCompletionSchema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue ? paramOf(issue.path) : "";
    return { ok: false, response: invalidRequest(`Invalid value for '${param || "body"}': ${issue?.message ?? "invalid request"}`, param || null, "invalid_value") };
  }
  return { ok: true, value: parsed.data };
}

/** POST /v1/chat/completions, with the stream timing of `options` (tests shorten it) */
export function createChatCompletions(options: { streamTiming?: StreamTiming } = {}) {
  return (services: Services, request: GatewayRequest) => answerChatCompletion(services, request, options);
}

/** POST /v1/chat/completions */
export const chatCompletions = createChatCompletions();

async function answerChatCompletion(services: Services, request: GatewayRequest, options: { streamTiming?: StreamTiming }): Promise<GatewayReply> {
  const began = performance.now();
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  const parsed = await parseRequest(request);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const resolved = resolveTarget(services, body.model, body.models ?? undefined);
  if (!resolved.ok) {
    return errorResponse(resolved.status, resolved.message, {
      type: "invalid_request_error",
      param: resolved.param,
      code: resolved.status === 404 ? "model_not_found" : "invalid_value",
    });
  }
  const target = resolved.target;
  const messages = toChatMessages(body);
  if (!messages.some((m) => m.content.trim() !== "")) return invalidRequest("Invalid value for 'messages': every message is empty", "messages", "invalid_value");
  const sampling = samplingOf(body);

  if (body.stream) {
    const includeUsage = Boolean(body.stream_options?.include_usage);
    return streamCompletion(services, request, { key: auth.key, target, messages, sampling, includeUsage, began, timing: options.streamTiming });
  }

  const task = submitGatewayTask(services, auth.key, target, messages, sampling, {}, { useCache: cacheWanted(request), stream: false });
  const stopListening = request.onAbort(() => {
    if (!task.trace.end) services.tasks.cancel(task.id);
  });
  const trace = await task.done;
  stopListening();
  if (!trace.end?.ok) return withRequestId(taskFailure(services, task.id, trace, trace.end?.error ?? "unknown error"), task.id);
  const answer = answerOf(services, task.id, target, trace);
  const payload = completionBody(task.id, Math.floor(Date.now() / 1000), answer, trace);
  const models = answer.cached ? [answer.model] : servingModels(trace);
  return jsonReply(200, payload, gatewayHeaders(task.id, models, performance.now() - began - trace.upstreamMs, answer.cached));
}
