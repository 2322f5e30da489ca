"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useCan } from "@/components/shared/viewer";
import { Alert, Button, Card, CardBody, CardHeader, Dialog, EmptyState, PageHeader, SkeletonRows, Table, TBody, Th, THead, Tr } from "@/components/ui";
import { CapabilityList } from "./capability-list";
import { CreateSuiteForm } from "./create-suite-form";
import { RunSuiteForm } from "./run-suite-form";
import { SuiteRow } from "./suite-row";
import type { SuiteSummary } from "./types";

/** The capabilities page: what each capability means, and the suites that measure them (built-in and the operators' own). */
export function CapabilitiesView() {
  const trpc = useTRPC();
  const isAdmin = useCan("admin");
  const suites = useQuery(trpc.discovery.suites.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [running, setRunning] = useState<SuiteSummary | null>(null);
  const list = suites.data ?? [];
  const custom = list.filter((s) => !s.builtin);

  return (
    <>
      <PageHeader
        title="Capabilities"
        description="The twelve abilities every model is profiled on, and the suites discovery uses to measure them."
        actions={isAdmin && <Button onClick={() => setCreating(true)}>New suite</Button>}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="The twelve capabilities" description="Task analysis weighs these; routing compares models on them." />
          <CardBody>
            <CapabilityList suites={list} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Suites"
            description={
              suites.data
                ? `${list.length - custom.length} built-in · ${custom.length} of your own. Open a suite to see its items${isAdmin ? "; add items to your own" : ""}.`
                : "Graded items discovery probes models with."
            }
          />
          {suites.isPending ? (
            <div className="p-5">
              <SkeletonRows rows={6} />
            </div>
          ) : suites.isError ? (
            <div className="p-5">
              <Alert tone="error" title="Could not load the suites">
                {suites.error.message}
              </Alert>
            </div>
          ) : (
            <>
              <Table data-testid="suites-table">
                <THead>
                  <Tr>
                    <Th>Suite</Th>
                    <Th>Kind</Th>
                    <Th>Capability</Th>
                    <Th className="text-right">Items</Th>
                    {isAdmin && (
                      <Th className="text-right">
                        <span className="sr-only">Actions</span>
                      </Th>
                    )}
                  </Tr>
                </THead>
                <TBody>
                  {list.map((suite) => (
                    <SuiteRow
                      key={suite.id}
                      suite={suite}
                      open={open === suite.id}
                      onToggle={() => setOpen(open === suite.id ? null : suite.id)}
                      onRun={setRunning}
                      canManage={isAdmin}
                    />
                  ))}
                </TBody>
              </Table>
              {custom.length === 0 && (
                <div className="border-t border-neutral-100 p-5">
                  <EmptyState
                    title="No suites of your own yet"
                    hint={
                      isAdmin
                        ? "Create one to measure what matters to you: your own prompts, graded by exact match, numbers, labels, code tests, JSON fields, chrF or a judge's rubric."
                        : "An admin can add suites with your own prompts."
                    }
                    action={isAdmin && <Button onClick={() => setCreating(true)}>New suite</Button>}
                    data-testid="custom-suites-empty"
                  />
                </div>
              )}
            </>
          )}
        </Card>
      </div>

      {isAdmin && (
        <>
          <Dialog open={creating} onClose={() => setCreating(false)} title="New suite" description="A named set of graded items for one capability.">
            <CreateSuiteForm
              onCancel={() => setCreating(false)}
              onCreated={(id) => {
                setCreating(false);
                setOpen(id);
              }}
            />
          </Dialog>
          <Dialog open={running !== null} onClose={() => setRunning(null)} title={running ? `Run “${running.name}” against…` : "Run suite"} size="sm">
            {running && <RunSuiteForm suite={running} onClose={() => setRunning(null)} />}
          </Dialog>
        </>
      )}
    </>
  );
}
