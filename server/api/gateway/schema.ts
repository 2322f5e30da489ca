import { z } from "zod";
import type { ChatMessage } from "@/server/orchestrator/spec";

const textPart = z.object({ type: z.literal("text"), text: z.string() });

const content = z.union([z.string(), z.array(textPart, { error: "only text content parts are supported" })], {
  error: "must be a string or an array of text parts",
});

const message = z.object({
  role: z.enum(["system", "developer", "user", "assistant"], { error: "must be one of system, developer, user, assistant (tool messages are not supported)" }),
  content,
  name: z.string().optional(),
});

/** The chat-completions request: the fields Ensemble uses; the rest of OpenAI's are accepted and ignored. */
export const chatCompletionSchema = z.looseObject({
  model: z.string({ error: "is required: a roster model id, auto, or ensemble/<strategy>" }).min(1, "is required").max(200),
  messages: z.array(message, { error: "is required: an array of messages" }).min(1, "must contain at least one message").max(1000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  n: z.literal(1, { error: "only n=1 is supported" }).nullish(),
  tools: z.array(z.unknown()).max(0, "tools are not supported by the gateway").nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionSchema>;

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
