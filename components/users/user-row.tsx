"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ROLES, type Role } from "@/server/auth/roles";
import { useTRPC } from "@/components/providers/trpc";
import type { UserRow as User } from "@/components/shared/api-types";
import { LocalTime } from "@/components/shared/local-time";
import { Badge, Button, ConfirmDialog, controlClasses, Td, Tr } from "@/components/ui";

/** One user: change the role in place, or delete (never yourself). */
export function UserRow({ user, isSelf }: { user: User; isSelf: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.users.delete.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setConfirming(false);
      },
    }),
  );
  const selectId = `role-${user.id}`;

  return (
    <Tr data-testid="user-row" data-user-email={user.email}>
      <Td>
        <div className="flex items-center gap-2">
          <span className="font-medium text-neutral-900">{user.name}</span>
          {isSelf && <Badge tone="blue">you</Badge>}
        </div>
        <span className="text-xs text-neutral-500">{user.email}</span>
      </Td>
      <Td>
        <label htmlFor={selectId} className="sr-only">
          Role for {user.email}
        </label>
        <select
          id={selectId}
          value={user.role}
          disabled={setRole.isPending || isSelf}
          title={isSelf ? "You cannot change your own role" : undefined}
          onChange={(e) => setRole.mutate({ id: user.id, role: e.target.value as Role })}
          className={controlClasses(Boolean(setRole.error), "w-32 pr-8")}
          aria-describedby={setRole.error ? `${selectId}-error` : undefined}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {setRole.error && (
          <p id={`${selectId}-error`} className="mt-1 max-w-xs text-xs text-rose-600">
            {setRole.error.message}
          </p>
        )}
      </Td>
      <Td className="whitespace-nowrap text-neutral-500">
        <LocalTime ms={user.createdAt} />
      </Td>
      <Td className="text-right">
        {!isSelf && (
          <Button
            variant="ghost"
            size="sm"
            className="text-rose-600 hover:bg-rose-50"
            aria-label={`Delete ${user.email}`}
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Delete
          </Button>
        )}
        <ConfirmDialog
          open={confirming}
          title={`Delete ${user.email}?`}
          body={<p>They are signed out and can no longer sign in. Tasks they submitted are kept.</p>}
          confirmLabel="Delete user"
          pending={remove.isPending}
          error={remove.error?.message}
          onConfirm={() => remove.mutate({ id: user.id })}
          onClose={() => setConfirming(false)}
        />
      </Td>
    </Tr>
  );
}
