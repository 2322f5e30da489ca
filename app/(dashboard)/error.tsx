"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="page-error">
      <h1 className="text-lg font-semibold text-neutral-900">This page could not be shown</h1>
      <p className="mt-2 text-sm text-neutral-600">
        {error instanceof Error && !digest ? error.message : "Something went wrong on the server. Try again; if it keeps failing, check the server log."}
      </p>
      {digest && <p className="mt-1 font-mono text-xs text-neutral-500">Reference: {digest}</p>}
      <Button className="mt-6" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
