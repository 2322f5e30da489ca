import { Button } from "@/components/ui";

export const CANCEL_QUESTION = "Cancel this task? It stops running models; steps already paid stay billed.";

/**
 * The inline "are you sure?" of a task cancel: it stays next to the button that asked, so the page (and the
 * live output) stays in view. "Keep running" gets the focus: the safe answer is the default, and Escape takes it.
 */
export function CancelConfirm({
  pending,
  error,
  onConfirm,
  onKeep,
}: {
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <div
      role="group"
      aria-label="Confirm cancelling the task"
      data-testid="cancel-confirm"
      className="flex max-w-xs flex-col items-end gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-right"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) onKeep();
      }}
    >
      <p className="text-xs text-amber-900">{CANCEL_QUESTION}</p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={onKeep} disabled={pending} autoFocus>
          Keep running
        </Button>
        <Button variant="danger" size="sm" onClick={onConfirm} pending={pending}>
          Confirm
        </Button>
      </div>
      {error && <p className="text-xs text-rose-600">{error}</p>}
    </div>
  );
}
