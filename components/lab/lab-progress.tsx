import { Alert, Meter } from "@/components/ui";
import type { LabRunView } from "./types";

/** Steps are counted once the data is prepared; before that the step total is a placeholder, so only the stage shows. */
export function progressLabel(p: LabRunView["progress"]): string {
  return p.done === 0 ? `Starting: ${p.label}…` : `${p.done}/${p.total} · ${p.label}`;
}

/** The run's progress bar (streamed step by step), its state, and the error of a failed run. */
export function LabProgress({ run }: { run: Pick<LabRunView, "status" | "progress" | "error"> }) {
  const fraction = run.status === "complete" ? 1 : run.progress.done / Math.max(1, run.progress.total);
  return (
    <div data-testid="lab-progress" data-status={run.status} aria-live="polite" className="space-y-1">
      <Meter value={fraction} label="Evaluation progress" />
      <p className="text-xs text-neutral-500" data-testid="lab-progress-label">
        {run.status === "complete" ? "Complete" : run.status === "failed" ? "Failed" : progressLabel(run.progress)}
      </p>
      {run.status === "failed" && (
        <Alert tone="error" title="The evaluation failed" data-testid="lab-run-error">
          {run.error}
        </Alert>
      )}
    </div>
  );
}
