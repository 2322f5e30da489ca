"use client";

import { useState } from "react";
import { Alert, Button } from "@/components/ui";

/** The new key, shown once: it is not stored anywhere Ensemble can show it again. */
export function CreatedKey({ name, plainKey }: { name: string; plainKey: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="success" title={`Key for ${name} created`} data-testid="created-key">
      <p className="mb-2 text-xs">Copy it now: it is shown only this once.</p>
      <code className="block break-all rounded bg-white/70 p-2 font-mono text-xs" data-testid="created-key-value">
        {plainKey}
      </code>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        className="mt-2"
        onClick={() => void navigator.clipboard.writeText(plainKey).then(() => setCopied(true))}
      >
        {copied ? "Copied" : "Copy key"}
      </Button>
    </Alert>
  );
}
