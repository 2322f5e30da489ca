"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useViewer } from "@/components/shared/viewer";
import { Card, CardBody, CardHeader, PageHeader, QueryTable } from "@/components/ui";
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
      {/* min-w-0 on the items: a grid item is at least as wide as its content, so a wide table would widen the page instead of scrolling in its card */}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="min-w-0 self-start lg:col-span-2">
          <CardHeader title="Accounts" description={users.data ? `${users.data.length} user${users.data.length === 1 ? "" : "s"}` : undefined} />
          <QueryTable
            query={users}
            noun="users"
            skeletonRows={4}
            empty={{ title: "No users", hint: "Add one with the form." }}
            columns={["User", "Role", "Added"]}
            testId="users-table"
          >
            {(items) => items.map((user) => <UserRow key={user.id} user={user} isSelf={user.id === viewer.id} />)}
          </QueryTable>
        </Card>
        <Card className="min-w-0 self-start">
          <CardHeader title="Add user" description="They sign in with this email and password." />
          <CardBody>
            <AddUserForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
