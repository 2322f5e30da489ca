"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, Card, CardBody, CardHeader, EmptyState, PageHeader, SkeletonRows, Table, TBody, Th, THead, Tr } from "@/components/ui";
import { CreateKeyForm } from "./create-key-form";
import { KeyRow } from "./key-row";

/** Gateway API keys (admins only): the table, and the form that shows a new key once. */
export function KeysView() {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  return (
    <>
      <PageHeader title="API keys" description="Keys for the OpenAI-compatible gateway at /api/v1. Only a hash of each key is stored." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="self-start lg:col-span-2">
          <CardHeader title="Keys" description={keys.data ? `${keys.data.length} key${keys.data.length === 1 ? "" : "s"}` : undefined} />
          {keys.isPending ? (
            <div className="p-5">
              <SkeletonRows rows={3} />
            </div>
          ) : keys.isError ? (
            <div className="p-5">
              <Alert tone="error" title="Could not load keys">
                {keys.error.message}
              </Alert>
            </div>
          ) : keys.data.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No keys yet" hint="Create one with the form." />
            </div>
          ) : (
            <Table data-testid="keys-table">
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>Prefix</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Limits</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {keys.data.map((k) => (
                  <KeyRow key={k.id} apiKey={k} />
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card className="self-start">
          <CardHeader title="Create key" description="The key is shown once, right after it is created." />
          <CardBody>
            <CreateKeyForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
