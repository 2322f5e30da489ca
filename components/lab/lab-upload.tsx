"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { labDatasetNameSchema } from "@/server/api/schemas/lab";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, Button, TextField } from "@/components/ui";

const FILES = [
  { key: "items", label: "items.jsonl" },
  { key: "outcomes", label: "outcomes.jsonl" },
  { key: "models", label: "models.json" },
] as const;
type FileKey = (typeof FILES)[number]["key"];

/** Upload of the three files of a data set; the server validates every line and names the file and line of a problem. */
export function LabUpload({ onImported }: { onImported: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [files, setFiles] = useState<Partial<Record<FileKey, File>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation(
    trpc.lab.import.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.lab.datasets.queryKey() });
        onImported(result.name);
      },
    }),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    upload.reset();
    const checkedName = labDatasetNameSchema.safeParse(name);
    if (!checkedName.success) return setProblem(`Name: ${checkedName.error.issues[0]?.message ?? "invalid"}`);
    const missing = FILES.filter((f) => !files[f.key]).map((f) => f.label);
    if (missing.length) return setProblem(`Choose ${missing.join(", ")}`);
    setProblem(null);
    const [items, outcomes, models] = await Promise.all(FILES.map((f) => (files[f.key] as File).text()));
    upload.mutate({ name: checkedName.data, items: items ?? "", outcomes: outcomes ?? "", models: models ?? "" });
  }

  const message = problem ?? upload.error?.message ?? null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="lab-upload">
      {message && (
        <Alert tone="error" title="The data set was not imported" data-testid="lab-upload-error">
          {message}
        </Alert>
      )}
      {upload.data && <Alert tone="success">Imported {upload.data.name}: {upload.data.items} items, {upload.data.outcomes} outcomes, {upload.data.models} models.</Alert>}
      <TextField id="lab-name" label="Name" hint="lowercase letters, digits, . _ -" placeholder="support-traffic-2026-11" value={name} onChange={(e) => setName(e.target.value)} />
      <div className="grid gap-3 sm:grid-cols-3">
        {FILES.map((f) => (
          <label key={f.key} className="block text-sm">
            <span className="font-medium text-neutral-800">{f.label}</span>
            <input
              type="file"
              accept={f.key === "models" ? ".json,application/json" : ".jsonl,.json,text/plain"}
              className="mt-1 block w-full text-xs text-neutral-600 file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-neutral-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-neutral-800 hover:file:bg-neutral-50"
              onChange={(e) => setFiles((prev) => ({ ...prev, [f.key]: e.target.files?.[0] }))}
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
