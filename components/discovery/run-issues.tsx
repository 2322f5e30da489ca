import { Badge, Scroller } from "@/components/ui";
import type { RunIssue } from "./run-progress";

function IssueList({ title, issues, tone, testId }: { title: string; issues: readonly RunIssue[]; tone: "amber" | "red"; testId: string }) {
  if (issues.length === 0) return null;
  const shown = issues.slice(0, 50);
  return (
    <div data-testid={testId}>
      <p className="text-xs font-semibold text-neutral-700">
        {title} ({issues.length})
      </p>
      <Scroller axis="y" label={`${title} (scrolls)`} className="mt-1 max-h-48">
        <ul className="space-y-1 text-xs">
          {shown.map((issue, i) => (
            <li key={`${issue.capability}:${issue.itemId}:${i}`} className="flex flex-wrap items-baseline gap-1.5" data-item-id={issue.itemId ?? ""}>
              <Badge tone={tone}>{issue.capability}</Badge>
              <code className="font-mono text-neutral-800">{issue.itemId ?? "(no item)"}</code>
              {issue.detail && <span className="break-all text-neutral-500">{issue.detail}</span>}
            </li>
          ))}
        </ul>
      </Scroller>
      {issues.length > shown.length && <p className="mt-1 text-xs text-neutral-500">and {issues.length - shown.length} more</p>}
    </div>
  );
}

/** Items that could not be graded, and calls that failed, each with its item id. */
export function RunIssues({ issues }: { issues: readonly RunIssue[] }) {
  const broken = issues.filter((i) => i.kind === "broken");
  const errors = issues.filter((i) => i.kind === "error");
  if (!broken.length && !errors.length) return null;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <IssueList title="Broken items (skipped)" issues={broken} tone="amber" testId="discovery-broken" />
      <IssueList title="Errors" issues={errors} tone="red" testId="discovery-errors" />
    </div>
  );
}
