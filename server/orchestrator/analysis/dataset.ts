import { z } from "zod";
import { capabilitySchema, type Capability } from "../spec/capability";

/** One labelled prompt of data/*.jsonl: what the user typed and the capability the answer needs most. */
export const labelledPromptSchema = z.object({ prompt: z.string().min(1), primary: capabilitySchema });
export type LabelledPrompt = z.infer<typeof labelledPromptSchema>;

/** Parses JSON Lines; a bad line fails loudly with its line number, because a silent skip skews accuracy. */
export function parseLabelledJsonl(text: string): LabelledPrompt[] {
  const out: LabelledPrompt[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    const parsed = labelledPromptSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.message}`);
    out.push(parsed.data);
  }
  return out;
}

export interface AccuracyReport {
  total: number;
  correct: number;
  accuracy: number;
  perCapability: Record<Capability, { total: number; correct: number; accuracy: number }>;
  /** "expected→predicted" → count, errors only */
  confusions: Record<string, number>;
  errors: { prompt: string; expected: Capability; predicted: Capability }[];
}

export function measureAccuracy(
  data: readonly LabelledPrompt[],
  predict: (prompt: string) => Capability,
  capabilities: readonly Capability[],
): AccuracyReport {
  const perCapability = Object.fromEntries(capabilities.map((c) => [c, { total: 0, correct: 0, accuracy: 0 }])) as AccuracyReport["perCapability"];
  const confusions: Record<string, number> = {};
  const errors: AccuracyReport["errors"] = [];
  let correct = 0;
  for (const item of data) {
    const predicted = predict(item.prompt);
    const bucket = perCapability[item.primary];
    bucket.total++;
    if (predicted === item.primary) {
      correct++;
      bucket.correct++;
    } else {
      const key = `${item.primary}→${predicted}`;
      confusions[key] = (confusions[key] ?? 0) + 1;
      errors.push({ prompt: item.prompt, expected: item.primary, predicted });
    }
  }
  for (const c of capabilities) perCapability[c].accuracy = perCapability[c].total === 0 ? 1 : perCapability[c].correct / perCapability[c].total;
  return { total: data.length, correct, accuracy: data.length === 0 ? 1 : correct / data.length, perCapability, confusions, errors };
}

export function formatReport(name: string, report: AccuracyReport): string {
  const lines = [`${name}: ${(report.accuracy * 100).toFixed(1)}% (${report.correct}/${report.total})`];
  for (const [capability, r] of Object.entries(report.perCapability)) {
    lines.push(`  ${capability.padEnd(15)} ${(r.accuracy * 100).toFixed(1).padStart(5)}%  (${r.correct}/${r.total})`);
  }
  const confusions = Object.entries(report.confusions).sort((a, b) => b[1] - a[1]);
  lines.push(`  confusions (expected→predicted): ${confusions.length === 0 ? "none" : confusions.map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  return lines.join("\n");
}
