/**
 * Offline scorer: `npx tsx server/orchestrator/analysis/evaluate.ts <set> [--errors]`, where <set> is
 * a file name under data/ without `.jsonl` (holdout2, validation...). Prints overall and
 * per-capability accuracy and the confusions, so a held-out figure is measured the same way every time.
 */
// eslint-disable-next-line no-restricted-imports -- offline script, never imported by the analyzer
import { readFileSync } from "node:fs";
import { CAPABILITIES } from "../spec/capability";
import { createTaskAnalyzer } from "./analyzer";
import { formatReport, measureAccuracy, parseLabelledJsonl } from "./dataset";

const name = process.argv[2] ?? "validation";
const data = parseLabelledJsonl(readFileSync(new URL(`data/${name}.jsonl`, import.meta.url), "utf8"));
const analyzer = createTaskAnalyzer();
const report = measureAccuracy(data, (prompt) => analyzer.analyzeSync({ prompt, constraints: {} }).primary, CAPABILITIES);
console.log(formatReport(name, report));
if (process.argv.includes("--errors")) {
  for (const e of report.errors) console.log(`  miss: ${e.expected}→${e.predicted}: ${e.prompt.slice(0, 110).replace(/\n/g, " ")}`);
}
