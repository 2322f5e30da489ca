import type { ContextEntry } from "../communication/context-store";
import type { ChatMessage, OutputFormat } from "../spec";

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

export function contextBlock(entries: readonly ContextEntry[], label: (entry: ContextEntry, i: number) => string): string {
  return entries.map((e, i) => `${label(e, i)}\n${e.content}`).join("\n\n");
}
