"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { ModelView, ProviderView } from "@/components/shared/api-types";
import { Alert, Badge, Button, Card, CardHeader, Dialog, EmptyState, SkeletonRows, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { ProviderForm } from "./provider-form";
import { ProviderRowActions } from "./provider-row-actions";
import { TestConnection } from "./test-connection";

/** Providers (admins only): the list, add, delete, and a live connection test. */
export function ProvidersSection({ models }: { models: readonly ModelView[] }) {
  const trpc = useTRPC();
  const providers = useQuery(trpc.providers.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [testing, setTesting] = useState<ProviderView | null>(null);
  const modelsOf = (providerId: string) => models.filter((m) => m.providerId === providerId);

  return (
    <Card data-testid="providers-section">
      <CardHeader
        title="Providers"
        description="Where models run. API keys are encrypted at rest and never sent to the browser."
        actions={
          <Button size="sm" onClick={() => setAdding(true)}>
            Add provider
          </Button>
        }
      />
      {providers.isPending ? (
        <div className="p-5">
          <SkeletonRows rows={3} />
        </div>
      ) : providers.isError ? (
        <div className="p-5">
          <Alert tone="error" title="Could not load providers">
            {providers.error.message}
          </Alert>
        </div>
      ) : providers.data.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No providers" hint="Add an OpenAI-compatible server (Ollama, vLLM…), OpenAI or Anthropic to register real models." />
        </div>
      ) : (
        <Table data-testid="providers-table">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Kind</Th>
              <Th>Base URL</Th>
              <Th>API key</Th>
              <Th className="text-right">Models</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {providers.data.map((provider) => (
              <Tr key={provider.id} data-testid="provider-row" data-provider-id={provider.id}>
                <Td className="font-medium whitespace-nowrap text-neutral-900">{provider.name}</Td>
                <Td className="whitespace-nowrap">{provider.kind}</Td>
                <Td className="max-w-xs truncate font-mono text-xs" title={provider.baseUrl ?? undefined}>
                  {provider.baseUrl ?? <span className="text-neutral-500">default</span>}
                </Td>
                <Td>
                  {provider.hasApiKey ? (
                    <Badge tone="green" data-testid="key-set">
                      key set
                    </Badge>
                  ) : (
                    <Badge>no key</Badge>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{modelsOf(provider.id).length}</Td>
                <Td>
                  <ProviderRowActions provider={provider} modelCount={modelsOf(provider.id).length} onTest={setTesting} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      <Dialog open={adding} onClose={() => setAdding(false)} title="Add provider" size="md">
        <ProviderForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
      </Dialog>
      <Dialog
        open={testing !== null}
        onClose={() => setTesting(null)}
        title={testing ? `Test connection: ${testing.name}` : "Test connection"}
        description="Sends one short prompt through the provider and reports what came back."
      >
        {testing && <TestConnection key={testing.id} provider={testing} suggestedModel={modelsOf(testing.id)[0]?.remoteModel ?? ""} />}
      </Dialog>
    </Card>
  );
}
