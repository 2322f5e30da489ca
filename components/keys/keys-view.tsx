"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardBody, CardHeader, PageHeader, QueryTable } from "@/components/ui";
import { BaseUrlsCard } from "./base-urls-card";
import { CreateKeyForm } from "./create-key-form";
import { KeyRow } from "./key-row";

/** Gateway API keys (admins only): the table, and the form that shows a new key once. */
export function KeysView() {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  return (
    <>
      <PageHeader title="API keys" description="Keys for the OpenAI-compatible gateway. Only a hash of each key is stored." />
      {/* min-w-0 on the items: a grid item is at least as wide as its content, so a wide table would widen the page instead of scrolling in its card */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="min-w-0 self-start lg:col-span-2">
          <CardHeader title="Keys" description={keys.data ? `${keys.data.length} key${keys.data.length === 1 ? "" : "s"}` : undefined} />
          <QueryTable
            query={keys}
            noun="keys"
            skeletonRows={3}
            empty={{ title: "No keys yet", hint: "Create one with the form." }}
            columns={["Name", "Prefix", "Created", "Last used", "Limits"]}
            testId="keys-table"
          >
            {(items) => items.map((k) => <KeyRow key={k.id} apiKey={k} />)}
          </QueryTable>
        </Card>
        <div className="min-w-0 space-y-6 self-start">
          <Card>
            <CardHeader title="Create key" description="The key is shown once, right after it is created." />
            <CardBody>
              <CreateKeyForm />
            </CardBody>
          </Card>
          <BaseUrlsCard />
        </div>
      </div>
    </>
  );
}
