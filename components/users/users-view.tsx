"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useViewer } from "@/components/shared/viewer";
import { Alert, Card, CardBody, CardHeader, EmptyState, PageHeader, SkeletonRows, Table, TBody, Th, THead, Tr } from "@/components/ui";
import { AddUserForm } from "./add-user-form";
import { UserRow } from "./user-row";

/** Users and their roles (admins only). */
export function UsersView() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const users = useQuery(trpc.users.list.queryOptions());

  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and what each role may do." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="self-start lg:col-span-2">
          <CardHeader title="Accounts" description={users.data ? `${users.data.length} user${users.data.length === 1 ? "" : "s"}` : undefined} />
          {users.isPending ? (
            <div className="p-5">
              <SkeletonRows rows={4} />
            </div>
          ) : users.isError ? (
            <div className="p-5">
              <Alert tone="error" title="Could not load users">
                {users.error.message}
              </Alert>
            </div>
          ) : users.data.length === 0 ? (
            <div className="p-5">
              <EmptyState title="No users" hint="Add one with the form." />
            </div>
          ) : (
            <Table data-testid="users-table">
              <THead>
                <Tr>
                  <Th>User</Th>
                  <Th>Role</Th>
                  <Th>Added</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {users.data.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === viewer.id} />
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card className="self-start">
          <CardHeader title="Add user" description="They sign in with this email and password." />
          <CardBody>
            <AddUserForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
