"use client";

import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * A destructive action behind "Are you sure?": the trigger, the dialog and its open state in one place.
 * `onConfirm` resolves when the action is done (the dialog closes) or rejects (it stays open with `error`).
 */
export function ConfirmButton({
  children,
  ariaLabel,
  title,
  body,
  confirmLabel,
  pending,
  error,
  onOpen,
  onConfirm,
}: {
  children: ReactNode;
  ariaLabel: string;
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error?: string | null;
  onOpen?: () => void;
  onConfirm: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-rose-600 hover:bg-rose-50"
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
        aria-label={ariaLabel}
      >
        {children}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        body={body}
        confirmLabel={confirmLabel}
        pending={pending}
        error={error}
        onConfirm={() => onConfirm().then(() => setOpen(false), () => undefined)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
