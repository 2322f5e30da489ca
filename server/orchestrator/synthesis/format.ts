import type { FormattedResult, OutputFormat } from "../spec";
import { fences, unfence } from "./fences";

export interface FormatOptions {
  /** strip a ```json fence around JSON output (default true: callers want a parseable body) */
  unwrapJson?: boolean;
}

/**
 * Normalise output for the caller: trimmed; JSON unfenced and pretty-printed when it parses; code keeps its
 * fence (the language tag is information), but a bare reply made only of one fenced block keeps just that block.
 */
export function formatOutput(text: string, format: OutputFormat, options: FormatOptions = {}): FormattedResult {
  const trimmed = text.trim();
  if (format === "json" && (options.unwrapJson ?? true)) {
    const body = unfence(trimmed, ["json"]);
    try {
      return { text: JSON.stringify(JSON.parse(body), null, 2), format };
    } catch {
      return { text: body, format };
    }
  }
  if (format === "code") {
    const block = fences(trimmed)[0];
    if (block && fences(trimmed).length === 1 && trimmed.startsWith("```") && trimmed.endsWith("```")) {
      return { text: "```" + block.lang + "\n" + block.body.trimEnd() + "\n```", format };
    }
  }
  return { text: trimmed, format };
}
