import type { SuiteItemView } from "./types";

const json = (value: unknown) => JSON.stringify(value);

/** What an item's grader checks, in one line: the expected answer, the cases, the fields or the criteria. */
export function graderSummary(item: SuiteItemView): string {
  const { grader } = item;
  switch (grader.kind) {
    case "exact":
      return [item.expected ?? "", ...(grader.alternatives ?? [])].filter(Boolean).join(" | ");
    case "numeric":
      return `${item.expected ?? "?"}${grader.tolerance ? ` ± ${grader.tolerance}` : ""}`;
    case "label":
      return `${item.expected ?? "?"} (of ${grader.labels.join(", ")})`;
    case "code": {
      const first = grader.cases[0];
      const example = first ? `; ${grader.functionName}(${first.args.map(json).join(", ")}) → ${json(first.expected)}` : "";
      return `${grader.functionName}: ${grader.cases.length} case${grader.cases.length === 1 ? "" : "s"}${example}`;
    }
    case "json": {
      const fields = Object.entries(grader.schema.properties).map(
        ([name, { type }]) => `${name}${grader.schema.required.includes(name) ? "" : "?"}: ${type}${name in grader.expected ? ` = ${json(grader.expected[name])}` : ""}`,
      );
      return `{ ${fields.join(", ")} }`;
    }
    case "chrf":
      return `chrF ≥ ${grader.threshold} vs “${grader.reference}”${grader.alternatives?.length ? ` (+${grader.alternatives.length} more)` : ""}`;
    case "rubric":
      return item.rubric ? `${grader.criteria} — ${item.rubric}` : grader.criteria;
  }
}
