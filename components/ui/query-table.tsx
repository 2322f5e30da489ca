import type { ReactNode } from "react";
import { Alert } from "./alert";
import { EmptyState } from "./empty-state";
import { SkeletonRows } from "./skeleton";
import { Table, TBody, Th, THead, Tr } from "./table";

interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  data: T[] | undefined;
}

/**
 * A card's list in its four states — loading rows, the error, the empty hint, the table — so every list
 * page handles them the same way. The last header column is the row actions, labelled for screen readers.
 */
export function QueryTable<T>(props: {
  query: ListQuery<T>;
  /** "keys", "users": used in the error title */
  noun: string;
  skeletonRows: number;
  empty: { title: string; hint: string };
  columns: string[];
  testId: string;
  children: (items: T[]) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) {
    return (
      <div className="p-5">
        <SkeletonRows rows={props.skeletonRows} />
      </div>
    );
  }
  if (query.isError || !query.data) {
    return (
      <div className="p-5">
        <Alert tone="error" title={`Could not load ${props.noun}`}>
          {query.error?.message ?? "unknown error"}
        </Alert>
      </div>
    );
  }
  if (query.data.length === 0) {
    return (
      <div className="p-5">
        <EmptyState title={props.empty.title} hint={props.empty.hint} />
      </div>
    );
  }
  return (
    <Table data-testid={props.testId}>
      <THead>
        <Tr>
          {props.columns.map((column) => (
            <Th key={column}>{column}</Th>
          ))}
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>{props.children(query.data)}</TBody>
    </Table>
  );
}
