"use client";

import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, Card, CardBody, CardHeader, SkeletonRows } from "@/components/ui";
import { gatewayBaseUrls } from "./base-urls";

const noSubscription = () => () => {};

/** The base URLs an application sets in its OpenAI client, with the key from the form below. */
export function BaseUrlsCard() {
  const trpc = useTRPC();
  const endpoint = useQuery(trpc.apiKeys.endpoint.queryOptions());
  // the page's own address is only known in the browser; the server render shows the placeholder
  const page = useSyncExternalStore(noSubscription, () => window.location, () => null);
  return (
    <Card className="self-start">
      <CardHeader title="Base URL" description="Point any OpenAI client here, with a key from this page." />
      <CardBody>
        {endpoint.error ? (
          <Alert tone="error">Could not load the gateway&apos;s address: {endpoint.error.message}</Alert>
        ) : !endpoint.data || !page ? (
          <SkeletonRows rows={2} />
        ) : (
          <ul className="space-y-3" data-testid="gateway-base-urls">
            {gatewayBaseUrls(page, endpoint.data.gatewayPort).map((base) => (
              <li key={base.url}>
                <code className="block break-all rounded-md bg-neutral-100 px-2 py-1 text-xs text-neutral-900">{base.url}</code>
                <span className="text-xs text-neutral-500">{base.note}</span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
