"use client";

import { useActionState } from "react";
import { Alert, Button, TextField } from "@/components/ui";

export interface LoginState {
  error: string | null;
  fieldErrors: Record<string, string[]>;
  email: string;
}

export const INITIAL_LOGIN_STATE: LoginState = { error: null, fieldErrors: {}, email: "" };

/** Email and password; the server action signs in and redirects, or returns what went wrong. */
export function LoginForm({
  action,
  redirectTo,
}: {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  redirectTo: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_LOGIN_STATE);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {state.error && (
        <Alert tone="error" data-testid="login-error">
          {state.error}
        </Alert>
      )}
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="username"
        required
        autoFocus
        defaultValue={state.email}
        errors={state.fieldErrors.email}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full" worksWithoutJs>
        Sign in
      </Button>
    </form>
  );
}
