import type { Services } from "@/server/services/app";
import { authorize } from "./auth";
import { readJsonBody } from "./body";
import { errorResponse, invalidRequest } from "./errors";
import { taskFailure } from "./failure";
import { servingModels } from "./follow";
import { resolveModel } from "./models";
import { completionBody, gatewayHeaders } from "./reply";
import { chatCompletionSchema, paramOf, toChatMessages, type ChatCompletionRequest } from "./schema";
import { streamCompletion } from "./stream";
import { submitGatewayTask } from "./submit";

/** Validates the body; a Response names the offending field (OpenAI's `param`) and is never a 500. */
async function parseRequest(request: Request): Promise<{ ok: true; value: ChatCompletionRequest } | { ok: false; response: Response }> {
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

/** POST /v1/chat/completions */
export async function chatCompletions(services: Services, request: Request): Promise<Response> {
  const began = performance.now();
  const auth = authorize(services, request);
  if (!auth.ok) return auth.response;
  const parsed = await parseRequest(request);
  if (!parsed.ok) return parsed.response;
  const body = parsed.value;
  const target = resolveModel(services, body.model);
  if (!target) {
    return errorResponse(404, `The model '${body.model}' does not exist or is disabled; GET /v1/models lists the models you can use`, {
      type: "invalid_request_error",
      param: "model",
      code: "model_not_found",
    });
  }
  const messages = toChatMessages(body);
  if (!messages.some((m) => m.content.trim() !== "")) return invalidRequest("Invalid value for 'messages': every message is empty", "messages", "invalid_value");

  if (body.stream) return streamCompletion(services, request, { key: auth.key, target, messages, includeUsage: Boolean(body.stream_options?.include_usage), began });

  const task = submitGatewayTask(services, auth.key, target, messages, {});
  const onAbort = () => {
    if (!task.trace.end) services.tasks.cancel(task.id);
  };
  request.signal.addEventListener("abort", onAbort, { once: true });
  const trace = await task.done;
  request.signal.removeEventListener("abort", onAbort);
  if (!trace.end?.ok) return taskFailure(task.id, trace, trace.end?.error ?? "unknown error");
  // a pinned task's answer is its one step's text; a routed chain's answer is the synthesised one on the row
  const text = target.kind === "pinned" ? (trace.completed.at(-1)?.output ?? "") : (services.tasks.finalOutput(task.id) ?? "");
  const payload = completionBody(task.id, Math.floor(Date.now() / 1000), text, trace);
  return new Response(JSON.stringify(payload), {
    status: 200,
    headers: { "content-type": "application/json", ...gatewayHeaders(task.id, servingModels(trace), performance.now() - began - trace.upstreamMs) },
  });
}
