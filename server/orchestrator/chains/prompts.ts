import type { ContextEntry } from "../communication/context-store";
import type { ChatMessage, OutputFormat, Task } from "../spec";

/** Format reminders, so that validators and vote normalisation see what they expect. Text and lists need none. */
export function formatInstruction(format: OutputFormat): string | undefined {
  switch (format) {
    case "json":
      return "Reply with valid JSON only: no prose and no code fences.";
    case "short-answer":
      return "Be brief. End with a final line of the form 'Answer: <answer>'.";
    case "code":
      return "Reply with the complete code in a single fenced code block.";
    default:
      return undefined;
  }
}

/** The task as a model sees it: an optional format instruction, then the prompt verbatim. */
export function taskMessages(prompt: string, format: OutputFormat): ChatMessage[] {
  const instruction = formatInstruction(format);
  return [...(instruction ? [{ role: "system" as const, content: instruction }] : []), { role: "user", content: prompt }];
}

/*
 * What every model call knows of the caller's conversation. A task may carry one (`Task.messages`: the gateway's
 * callers send the whole chat; `prompt` is its last user message); dashboard and CLI tasks have only `prompt`.
 * The two functions below are the only place that decides what a call sees of it, so no strategy can lose the
 * caller's system prompt or earlier turns again (they once sent the last user message alone):
 *
 *  - answerMessages: calls that answer the task (single/fallback alternates, cascade tiers, voters, mixture
 *    proposers, the pipeline's draft) get the conversation itself. Strategies that gate or compare answers put
 *    their format instruction first, as a system message: never after a user turn (some providers reject that),
 *    and the caller's own system messages stay where the caller put them, right behind it. Single/fallback send
 *    the conversation untouched (`verbatim`): a pinned model is called as the caller asked.
 *  - quoteTask: calls whose prompt Ensemble words itself (cascade verifier, mixture aggregator, pipeline critic
 *    and reviser) quote the task inside their own user message; with a conversation, its other messages come
 *    first there as a labelled block. A block rather than the turns themselves because Ensemble's role prompt
 *    then stays the call's one leading system message (the caller's "you are …" cannot take over a reviewer's or
 *    judge's role, and no provider sees a system message after a user turn), the caller's assistant turns are not
 *    passed off as the judge's own replies, and the judge reads the earlier turns (the caller's system rules
 *    included) as what they are: the context the answer must fit.
 */
type Conversation = Pick<Task, "prompt" | "messages">;

/** The caller's messages other than the one `prompt` quotes (its last user message), in order; none without a conversation. */
function otherMessages(task: Conversation): ChatMessage[] {
  const messages = task.messages ?? [];
  let at = messages.findLastIndex((m) => m.role === "user" && m.content === task.prompt);
  if (at < 0) at = messages.findLastIndex((m) => m.content === task.prompt);
  return messages.filter((_, i) => i !== at);
}

/** The input of a call that answers the task: see the note above. Without a conversation, taskMessages. */
export function answerMessages(task: Conversation, format: OutputFormat, options: { verbatim?: boolean } = {}): ChatMessage[] {
  if (!task.messages || task.messages.length === 0) return taskMessages(task.prompt, format);
  if (options.verbatim) return task.messages;
  const instruction = formatInstruction(format);
  return [...(instruction ? [{ role: "system" as const, content: instruction }] : []), ...task.messages];
}

export const CONVERSATION_LABEL = "Earlier messages of this conversation (context for the task below):";

/**
 * The task as an Ensemble-worded prompt quotes it: `${label}:\n${prompt}`, preceded by the conversation's other
 * messages as a labelled block when there are any. Without a label the prompt stands alone (as before) unless
 * a block precedes it, when it is headed "Latest user message".
 */
export function quoteTask(task: Conversation, label?: string): string {
  const others = otherMessages(task);
  const heading = label ?? (others.length > 0 ? "Latest user message" : undefined);
  const quoted = heading ? `${heading}:\n${task.prompt}` : task.prompt;
  if (others.length === 0) return quoted;
  const block = others.map((m) => `<${m.role}>\n${m.content}\n</${m.role}>`).join("\n");
  return `${CONVERSATION_LABEL}\n${block}\n\n${quoted}`;
}

export function contextBlock(entries: readonly ContextEntry[], label: (entry: ContextEntry, i: number) => string): string {
  return entries.map((e, i) => `${label(e, i)}\n${e.content}`).join("\n\n");
}
