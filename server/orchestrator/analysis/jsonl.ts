import { z } from "zod";
import type { Capability } from "../spec/capability";
import type { Evidence, OutputFormat } from "../spec/task";
import { createTaskAnalyzer, type LocalTaskAnalyzer } from "./analyzer";

/**
 * `npm run cli -- analyze`: JSON Lines in, one JSON line out per input, in order.
 * Input line: {"id": "...", "prompt": "..."}; output: {id, primary, capabilities, format, confidence, evidence}.
 * A bad line yields {"id", "error"} in its place instead of aborting the batch, so output line N
 * always answers input line N.
 */
export const analyzeLineInputSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), prompt: z.string() });
export type AnalyzeLineInput = z.input<typeof analyzeLineInputSchema>;

export interface AnalyzeLineOutput {
  id: string;
  primary: Capability;
  capabilities: Record<Capability, number>;
  format: OutputFormat;
  confidence: number;
  evidence: Evidence[];
}

export interface AnalyzeLineError {
  id: string | null;
  error: string;
}

let shared: LocalTaskAnalyzer | undefined;
const defaultAnalyzer = (): LocalTaskAnalyzer => (shared ??= createTaskAnalyzer());

/** Analyses one record. Throws InvalidInputError on an empty prompt, like the analyzer. */
export function analyzeLine(input: AnalyzeLineInput, analyzer: LocalTaskAnalyzer = defaultAnalyzer()): AnalyzeLineOutput {
  const { id, prompt } = analyzeLineInputSchema.parse(input);
  const r = analyzer.analyzeSync({ prompt, constraints: {} });
  return { id, primary: r.primary, capabilities: r.capabilities, format: r.format, confidence: r.confidence, evidence: r.evidence };
}

/** One raw input line → one output line (JSON text). Blank input lines produce no output. */
export function analyzeJsonLine(line: string, analyzer: LocalTaskAnalyzer = defaultAnalyzer()): string | null {
  if (line.trim() === "") return null;
  let id: string | null = null;
  try {
    const raw: unknown = JSON.parse(line);
    const parsed = analyzeLineInputSchema.safeParse(raw);
    if (!parsed.success) return JSON.stringify({ id, error: `expected {"id","prompt"}: ${parsed.error.issues[0]?.message ?? "invalid"}` } satisfies AnalyzeLineError);
    id = parsed.data.id;
    return JSON.stringify(analyzeLine(parsed.data, analyzer));
  } catch (error) {
    return JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) } satisfies AnalyzeLineError);
  }
}

/** A whole JSON Lines document → output document (one line per non-blank input line, same order). */
export function analyzeJsonLines(text: string, analyzer: LocalTaskAnalyzer = defaultAnalyzer()): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const result = analyzeJsonLine(line, analyzer);
    if (result !== null) out.push(result);
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
