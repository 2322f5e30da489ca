"use client";

import { useEffect, useState } from "react";
import { TASK_STATUSES } from "@/server/orchestrator/spec";
import type { ModelView } from "@/components/shared/api-types";
import { Button, SelectField, TextField } from "@/components/ui";
import { hasActiveFilters, type TaskListFilters } from "./list-params";

const SEARCH_DEBOUNCE_MS = 300;

/** Search (debounced), status, model and date range. Every change goes back to page 1. */
export function TaskFilters({
  filters,
  models,
  onChange,
}: {
  filters: TaskListFilters;
  models: readonly ModelView[];
  onChange: (patch: Partial<TaskListFilters>) => void;
}) {
  const [search, setSearch] = useState(filters.search);

  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => onChange({ search, page: 1 }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(4,minmax(8rem,1fr))_auto] lg:items-end">
      <TextField
        id="task-search"
        type="search"
        label="Search prompts"
        placeholder="e.g. capital of Japan"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        maxLength={200}
      />
      <SelectField
        id="task-status-filter"
        label="Status"
        value={filters.status}
        onChange={(e) => onChange({ status: e.target.value as TaskListFilters["status"], page: 1 })}
        options={[{ value: "", label: "All statuses" }, ...TASK_STATUSES.map((s) => ({ value: s, label: s }))]}
      />
      <SelectField
        id="task-model-filter"
        label="Model"
        value={filters.modelId}
        onChange={(e) => onChange({ modelId: e.target.value, page: 1 })}
        options={[{ value: "", label: "All models" }, ...models.map((m) => ({ value: m.id, label: m.name }))]}
      />
      <TextField id="task-from" type="date" label="From" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value, page: 1 })} />
      <TextField id="task-to" type="date" label="To" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value, page: 1 })} />
      <Button
        variant="ghost"
        disabled={!hasActiveFilters(filters) && !search}
        onClick={() => {
          setSearch("");
          onChange({ search: "", status: "", modelId: "", from: "", to: "", page: 1 });
        }}
      >
        Clear filters
      </Button>
    </div>
  );
}
