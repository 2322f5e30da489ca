"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { createUserSchema } from "@/server/api/schemas/users";
import { ROLES, type Role } from "@/server/auth/roles";
import { useTRPC } from "@/components/providers/trpc";
import { fieldErrorsOf, formLevelMessage, validate, type FieldErrors } from "@/components/shared/errors";
import { Alert, Button, SelectField, TextField } from "@/components/ui";

const ROLE_HELP: Record<Role, string> = {
  viewer: "Reads tasks, models and results.",
  operator: "Also submits and cancels tasks.",
  admin: "Also manages models, providers and users.",
};

const EMPTY = { email: "", name: "", password: "", role: "operator" as Role };

export function AddUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        setForm(EMPTY);
        setCreated(user.email);
      },
    }),
  );
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const change = (patch: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setClientErrors({});
    setCreated(null);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.reset();
    const checked = validate(createUserSchema, form);
    if (!checked.ok) return setClientErrors(checked.fieldErrors);
    create.mutate(checked.data);
  }

  const topMessage = formLevelMessage(create.error, ["email", "name", "password", "role"]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-user-form">
      {topMessage && (
        <Alert tone="error" title="The user was not added" data-testid="add-user-error">
          {topMessage}
        </Alert>
      )}
      {created && (
        <Alert tone="success" data-testid="add-user-success">
          Added {created}. Share the password with them over a safe channel.
        </Alert>
      )}
      <TextField id="user-email" label="Email" type="email" autoComplete="off" value={form.email} onChange={(e) => change({ email: e.target.value })} errors={errors.email} />
      <TextField id="user-name" label="Name" autoComplete="off" value={form.name} onChange={(e) => change({ name: e.target.value })} errors={errors.name} />
      <TextField
        id="user-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={(e) => change({ password: e.target.value })}
        hint="At least 10 characters."
        errors={errors.password}
      />
      <SelectField
        id="user-role"
        label="Role"
        value={form.role}
        onChange={(e) => change({ role: e.target.value as Role })}
        options={ROLES.map((r) => ({ value: r, label: r }))}
        hint={ROLE_HELP[form.role]}
        errors={errors.role}
      />
      <Button type="submit" pending={create.isPending} className="w-full">
        Add user
      </Button>
    </form>
  );
}
