import { z } from "zod";
import { MAX_TASK_CHARS, type ChatMessage, type Sampling } from "@/server/orchestrator/spec";
import { MAX_FALLBACK_MODELS } from "./models";

const textPart = z.object({ type: z.literal("text"), text: z.string() });

const content = z.union([z.string(), z.array(textPart, { error: "only text content parts are supported" })], {
  error: "must be a string or an array of text parts",
});

const message = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant"], { error: "must be one of system, developer, user, assistant (tool messages are not supported)" }),
    content,
    name: z.string().max(200, "must be at most 200 characters").optional(),
  })
  // the dashboard's and the CLI's limit on a task's text, for each message (text parts counted together)
  .superRefine((m, ctx) => {
    const length = typeof m.content === "string" ? m.content.length : m.content.reduce((sum, part) => sum + part.text.length, 0);
    if (length > MAX_TASK_CHARS) ctx.addIssue({ code: "custom", path: ["content"], message: `must be at most ${MAX_TASK_CHARS.toLocaleString("en")} characters (got ${length.toLocaleString("en")})` });
  });

/** The chat-completions request: the fields Ensemble uses; the rest of OpenAI's are accepted and ignored. */
export const chatCompletionSchema = z.looseObject({
  model: z.string({ error: "is required: a roster model id, auto, or ensemble/<strategy>" }).min(1, "is required").max(200, "must be at most 200 characters"),
  messages: z.array(message, { error: "is required: an array of messages" }).min(1, "must contain at least one message").max(1000, "must contain at most 1000 messages"),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  n: z.literal(1, { error: "only n=1 is supported" }).nullish(),
  tools: z.array(z.unknown()).max(0, "tools are not supported by the gateway").nullish(),
  temperature: z.number().min(0, "must be from 0 to 2").max(2, "must be from 0 to 2").nullish(),
  top_p: z.number().min(0, "must be from 0 to 1").max(1, "must be from 0 to 1").nullish(),
  max_tokens: z.number().int("must be a whole number").positive("must be at least 1").nullish(),
  max_completion_tokens: z.number().int("must be a whole number").positive("must be at least 1").nullish(),
  stop: z
    .union([z.string(), z.array(z.string()).max(4, "at most 4 stop sequences")], { error: "must be a string or an array of up to 4 strings" })
    .nullish(),
  /** fallbacks for a roster `model`, tried in order when it fails (OpenRouter's field) */
  models: z.array(z.string().min(1, "is required").max(200, "must be at most 200 characters"), { error: "must be an array of roster model ids" }).max(MAX_FALLBACK_MODELS, `at most ${MAX_FALLBACK_MODELS} fallback models`).nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionSchema>;

/** The caller's sampling settings, forwarded to every model call of the task; absent ones are left to the model. */
export function samplingOf(request: ChatCompletionRequest): Sampling {
  const maxOutputTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const stop = typeof request.stop === "string" ? [request.stop] : (request.stop ?? undefined);
  return {
    ...(request.temperature != null ? { temperature: request.temperature } : {}),
    ...(request.top_p != null ? { topP: request.top_p } : {}),
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    ...(stop && stop.length > 0 ? { stop } : {}),
  };
}

/** "messages.0.content" → "messages[0].content", OpenAI's spelling of a parameter path. */
export function paramOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

/** Messages as the engine takes them: developer is a system message, text parts joined. */
export function toChatMessages(request: ChatCompletionRequest): ChatMessage[] {
  return request.messages.map((m) => ({
    role: m.role === "developer" ? "system" : m.role,
    content: typeof m.content === "string" ? m.content : m.content.map((p) => p.text).join(""),
  }));
}

/** What the dashboard shows and the analyser reads: the last user turn (the conversation is kept beside it). */
export function promptOf(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === "user") return messages[i]?.content ?? "";
  return messages[messages.length - 1]?.content ?? "";
}
