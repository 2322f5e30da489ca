import type { ReactNode } from "react";
import type { TaskStatus } from "@/server/orchestrator/spec";
import { stepNumber } from "@/components/chain/format";
import { Card, CardBody, CardHeader, Scroller, Spinner } from "@/components/ui";
import type { LiveStep } from "../live-output";

/**
 * The answer: the final output once the task is done, the text streaming in before that.
 * `data-testid="task-output"` holds only model text, never a placeholder.
 */
export function TaskOutputPanel({
  status,
  finalOutput,
  stream,
  modelName,
  footer,
}: {
  status: TaskStatus;
  finalOutput: string | null;
  stream: LiveStep | null;
  modelName: (id: string) => string;
  /** under the answer: the feedback control once the task completed */
  footer?: ReactNode;
}) {
  const terminal = status === "completed" || status === "failed" || status === "cancelled";
  const text = finalOutput ?? (terminal ? "" : (stream?.text ?? ""));
  const streaming = !finalOutput && !terminal;
  const state = finalOutput ? "final" : text ? "streaming" : "empty";

  return (
    <Card>
      <CardHeader
        title="Output"
        description={
          streaming && stream
            ? `Streaming from step ${stepNumber(stream.stepIndex)}${stream.role ? ` (${stream.role}` : ""}${stream.modelId ? ` · ${modelName(stream.modelId)})` : stream.role ? ")" : ""}`
            : finalOutput
              ? "Final result"
              : undefined
        }
        actions={streaming ? <Spinner label="Streaming" className="text-sky-600" /> : undefined}
      />
      <CardBody>
        <Scroller axis="y" label="Answer (scrolls)" className="max-h-[32rem]">
          <pre
            data-testid="task-output"
            data-state={state}
            aria-live={streaming ? "polite" : undefined}
            aria-busy={streaming || undefined}
            className="font-sans text-sm leading-relaxed break-words whitespace-pre-wrap text-neutral-900"
          >
            {text}
            {streaming && text && <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 animate-pulse bg-sky-500" />}
          </pre>
        </Scroller>
        {!text && (
          <p className="text-sm text-neutral-500">
            {status === "queued"
              ? "Queued: waiting to be analysed and planned…"
              : status === "running"
                ? "Waiting for the first tokens…"
                : status === "completed"
                  ? "The task completed with an empty answer."
                  : "No output: the task did not complete."}
          </p>
        )}
      </CardBody>
      {footer && <div className="border-t border-neutral-100 px-5 py-3">{footer}</div>}
    </Card>
  );
}
