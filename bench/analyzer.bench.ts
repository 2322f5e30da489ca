/**
 * Analyzer latency: `npx tsx bench/analyzer.bench.ts`. The analyzer sits on every task's hot path,
 * so its budget is p99 < 1 ms on a ~2,000-character prompt. `runAnalyzerBench` is exported for
 * the `npm run bench` aggregator.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { createTaskAnalyzer } from "../server/orchestrator/analysis/analyzer";

const TARGET_CHARS = 2_000;

/** Realistic shapes: an instruction around pasted prose, code, a transcript, data; plain long asks. */
const SEEDS = [
  "Summarize this article for my team in five bullet points:\n\nThe city council voted on Tuesday to approve a new bike lane network that will add forty miles of protected lanes over five years. Supporters argued the plan would reduce traffic deaths and help meet climate goals, while small business owners worried about parking. ",
  "Why does this throw? I've been stuck for an hour.\n```ts\nexport async function load(ids: string[]) {\n  const rows = await db.select().from(users).where(inArray(users.id, ids));\n  return rows.map((r) => r.profile.name.toUpperCase());\n}\n```\nTypeError: Cannot read properties of undefined (reading 'name') at load (users.ts:3:38)\n",
  "Extract every person, company and date mentioned below as a JSON array of {type, value}.\n\nOn 3 May 2022, Angela Merkel visited the Siemens plant in Munich with CEO Roland Busch; a week later Microsoft and OpenAI announced a partnership in Seattle. ",
  "Translate the following into formal German, keeping the product names in English:\n\nThank you for choosing Tideline. Your subscription renews on the first of each month. You can change your plan or cancel at any time from the account page, and our support team answers within one business day. ",
  "Classify each of these support messages as Billing, Technical, Account or Other and return one label per line.\n1. I was charged twice this month\n2. The app crashes when I open settings\n3. How do I change my username?\n4. Do you ship to Canada?\n",
  "I'm planning a two-week trip through Portugal and Spain next spring with my partner and our ten-year-old. We like food, history and easy hikes, not nightlife. Give me ideas for a route and a few things in each city that a kid would enjoy, and suggest where we could slow down for a couple of days. ",
] as const;

function grow(seed: string): string {
  let text = seed;
  while (text.length < TARGET_CHARS) text += seed.slice(seed.indexOf("\n") + 1 || 0);
  return text.slice(0, TARGET_CHARS);
}

function percentile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export async function runAnalyzerBench(runs = 5_000, warmup = 1_000): Promise<{ p50Us: number; p99Us: number }> {
  const analyzer = createTaskAnalyzer();
  const prompts = SEEDS.map(grow);
  for (let i = 0; i < warmup; i++) analyzer.analyzeSync({ prompt: prompts[i % prompts.length] ?? "", constraints: {} });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prompt = prompts[i % prompts.length] ?? "";
    const start = performance.now();
    analyzer.analyzeSync({ prompt, constraints: {} });
    samples.push((performance.now() - start) * 1_000);
  }
  samples.sort((a, b) => a - b);
  const round = (us: number): number => Math.round(us * 10) / 10;
  return { p50Us: round(percentile(samples, 0.5)), p99Us: round(percentile(samples, 0.99)) };
}

// Run directly (not when imported by the aggregator).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { p50Us, p99Us } = await runAnalyzerBench();
  console.log(`analyzer on ~${TARGET_CHARS}-char prompts, 5000 runs: p50 ${p50Us} µs, p99 ${p99Us} µs (budget p99 < 1000 µs)`);
  // The budget is for a quiet machine: on a busy one the p99 measures scheduler preemption, not the analyzer.
  const [load = 0] = loadavg();
  const cpus = availableParallelism();
  if (load > cpus / 2) console.log(`note: 1-minute load average ${load.toFixed(1)} on ${cpus} CPUs; rerun on a quiet machine before reading the p99`);
}
