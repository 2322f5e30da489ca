import type { LabReport } from "./evaluate";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${x.toFixed(x < 0.01 ? 5 : 3)}`;

/** The report as plain text for a terminal: one row per policy, then the tuning and the target verdict. */
export function formatReport(report: LabReport, elapsedMs: number): string {
  const families = [...new Set(report.policies.flatMap((p) => Object.keys(p.byFamily)))].sort();
  const head = `${"policy".padEnd(30)} ${"acc".padStart(6)} ${"total $".padStart(9)} ${"$/item".padStart(9)} ${"AIQ".padStart(6)}  ${families.map((f) => f.padStart(8)).join(" ")}`;
  const rows = report.policies.map(
    (p) =>
      `${p.name.slice(0, 30).padEnd(30)} ${pct(p.accuracy).padStart(6)} ${usd(p.totalCostUsd).padStart(9)} ${usd(p.costPerItemUsd).padStart(9)} ${p.aiq.toFixed(3).padStart(6)}  ${families
        .map((f) => (p.byFamily[f] ? pct(p.byFamily[f].accuracy) : "-").padStart(8))
        .join(" ")}`,
  );
  const learners = report.policies
    .filter((p) => p.kind === "ensemble")
    .map((p) => `  ${p.name.padEnd(28)} first third ${pct(p.learning.firstThirdAccuracy)} → last third ${pct(p.learning.lastThirdAccuracy)}`);
  return [
    `Split: ${report.split.rule}; tuned on ${report.split.tuneItems} items, evaluated on ${report.split.evalItems}.`,
    `Tuned cascade (${report.tuned.costCap}): ${report.tuned.cascade} — tune split ${pct(report.tuned.tuneAccuracy)}.`,
    "",
    head,
    ...rows,
    "",
    `AIQ: area under each policy's cost–accuracy hull over ${usd(report.costRange.lo)}–${usd(report.costRange.hi)} per item, divided by the range.`,
    "Online learning (cold priors):",
    ...learners,
    "",
    report.target.summary,
    ...(report.secondSplit ? [`Second split (${report.secondSplit.rule}; tuned on ${report.secondSplit.tuneItems}, evaluated on ${report.secondSplit.evalItems}): ${report.secondSplit.target.summary}`] : []),
    ...(report.ceiling
      ? [`Hindsight ceiling (not a policy): the same cascade family tuned on the eval half itself reaches ${pct(report.ceiling.accuracy)} at ${pct(report.ceiling.costShare)} of the best single model's cost (cap 30%).`]
      : []),
    ...(report.alternatives ?? []).flatMap((a) => [
      `Alternative family ${a.name} (${a.tuneHow} on the tune split: ${pct(a.tuneAccuracy)} at ${pct(a.tuneCostShare)}): ${a.target.summary}`,
      ...(a.secondSplit ? [`  second split: ${a.secondSplit.summary}`] : []),
    ]),
    `Elapsed: ${(elapsedMs / 1000).toFixed(1)} s`,
  ].join("\n");
}
