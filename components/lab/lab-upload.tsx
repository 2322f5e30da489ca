"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { labDatasetNameSchema } from "@/server/api/schemas/lab";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, Button, TextField } from "@/components/ui";

const FILES = [
  { key: "items", label: "items.jsonl" },
  { key: "outcomes", label: "outcomes.jsonl" },
  { key: "models", label: "models.json" },
] as const;
type FileKey = (typeof FILES)[number]["key"];

interface Upload {
  name: string;
  items: string;
  outcomes: string;
  models: string;
  replace?: boolean;
}

/** The server refused because a data set of that name exists (a tRPC CONFLICT): the form asks before replacing it. */
export function isConflict(error: unknown): boolean {
  return (error as { data?: { code?: unknown } } | null)?.data?.code === "CONFLICT";
}

/**
 * The explicit "replace?" step after a name conflict, inline where the error would be. "Keep the existing set" has the
 * focus (the safe answer), Escape takes it; Tab reaches "Replace".
 */
export function ReplaceConfirm({ name, pending, onReplace, onKeep }: { name: string; pending: boolean; onReplace: () => void; onKeep: () => void }) {
  const titleId = useId();
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      data-testid="lab-upload-conflict"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) onKeep();
      }}
    >
      <Alert tone="warning" title={<span id={titleId}>A data set named {name} already exists</span>}>
        <p>Replace its three files with the ones you chose? Runs already stored keep their reports.</p>
        <div className="mt-3 flex gap-2">
          <Button variant="secondary" size="sm" onClick={onKeep} disabled={pending} autoFocus>
            Keep the existing set
          </Button>
          <Button variant="danger" size="sm" onClick={onReplace} pending={pending}>
            Replace
          </Button>
        </div>
      </Alert>
    </div>
  );
}

/**
 * Upload of the three files of a data set; the server validates every line and names the file and line of a problem.
 * An existing name is not overwritten silently: the server refuses, and the form offers "Replace".
 */
export function LabUpload({ onImported }: { onImported: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [files, setFiles] = useState<Partial<Record<FileKey, File>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  /** the upload the server refused for its name, kept to resend with replace: true */
  const [conflict, setConflict] = useState<Upload | null>(null);
  const upload = useMutation(
    trpc.lab.import.mutationOptions({
      onSuccess: async (result) => {
        setConflict(null);
        await queryClient.invalidateQueries({ queryKey: trpc.lab.datasets.queryKey() });
        onImported(result.name);
      },
      onError: (error, variables) => setConflict(isConflict(error) && !variables.replace ? variables : null),
    }),
  );

  /** a changed name or file makes a pending "replace?" stale */
  function edited() {
    if (conflict) {
      setConflict(null);
      upload.reset();
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    upload.reset();
    setConflict(null);
    const checkedName = labDatasetNameSchema.safeParse(name);
    if (!checkedName.success) return setProblem(`Name: ${checkedName.error.issues[0]?.message ?? "invalid"}`);
    const missing = FILES.filter((f) => !files[f.key]).map((f) => f.label);
    if (missing.length) return setProblem(`Choose ${missing.join(", ")}`);
    setProblem(null);
    const [items, outcomes, models] = await Promise.all(FILES.map((f) => (files[f.key] as File).text()));
    upload.mutate({ name: checkedName.data, items: items ?? "", outcomes: outcomes ?? "", models: models ?? "" });
  }

  const message = problem ?? (conflict ? null : upload.error?.message) ?? null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="lab-upload">
      {message && (
        <Alert tone="error" title="The data set was not imported" data-testid="lab-upload-error">
          {message}
        </Alert>
      )}
      {conflict && (
        <ReplaceConfirm
          name={conflict.name}
          pending={upload.isPending}
          onReplace={() => upload.mutate({ ...conflict, replace: true })}
          onKeep={() => {
            setConflict(null);
            upload.reset();
          }}
        />
      )}
      {upload.data && (
        <Alert tone="success">
          {upload.data.replaced ? "Replaced" : "Imported"} {upload.data.name}: {upload.data.items} items, {upload.data.outcomes} outcomes, {upload.data.models} models.
        </Alert>
      )}
      <TextField
        id="lab-name"
        label="Name"
        hint="lowercase letters, digits, . _ -"
        placeholder="support-traffic-2026-11"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          edited();
        }}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        {FILES.map((f) => (
          <label key={f.key} className="block text-sm">
            <span className="font-medium text-neutral-800">{f.label}</span>
            <input
              type="file"
              accept={f.key === "models" ? ".json,application/json" : ".jsonl,.json,text/plain"}
              className="mt-1 block w-full text-xs text-neutral-600 file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-neutral-800 hover:file:bg-neutral-50"
              onChange={(e) => {
                const file = e.target.files?.[0];
                setFiles((prev) => ({ ...prev, [f.key]: file }));
                edited();
              }}
            />
          </label>
        ))}
      </div>
      <Button type="submit" disabled={upload.isPending}>
        {upload.isPending ? "Importing…" : "Import data set"}
      </Button>
    </form>
  );
}
