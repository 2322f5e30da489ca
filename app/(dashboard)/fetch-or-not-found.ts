import "server-only";
import type { FetchQueryOptions, QueryKey } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { getQueryClient } from "@/server/api/rsc";

/**
 * A record id that does not exist (NOT_FOUND) or cannot (BAD_REQUEST). Duck-typed on purpose: the tRPC error's
 * code, or its DomainError cause's code when the error reached us unmapped.
 */
function isMissingRecord(error: unknown): boolean {
  const codes = [(error as { code?: unknown })?.code, (error as { cause?: { code?: unknown } })?.cause?.code];
  return codes.some((code) => code === "NOT_FOUND" || code === "BAD_REQUEST");
}

/**
 * Fetches a detail page's record into the request's query client, or renders the 404 page. Called from the
 * record's layout, which sits outside its segment's loading boundary: nothing has streamed yet, so the answer
 * still carries HTTP 404 (a notFound() inside a Suspense boundary can only swap the content of a 200).
 */
export async function fetchOrNotFound<TData, TError, TKey extends QueryKey>(options: FetchQueryOptions<TData, TError, TData, TKey>): Promise<TData> {
  try {
    return await getQueryClient().fetchQuery({ ...options, retry: false });
  } catch (error) {
    if (isMissingRecord(error)) notFound();
    throw error;
  }
}
