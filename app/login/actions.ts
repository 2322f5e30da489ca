"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/server/auth/auth";
import { loginSchema } from "@/server/api/schemas/users";
import type { LoginState } from "@/components/auth/login-form";
import { loginErrorMessage, safeRedirectPath } from "@/components/auth/login-errors";
import { zodFieldErrors } from "@/components/shared/errors";

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  const redirectTo = safeRedirectPath(formData.get("redirectTo"));

  const parsed = loginSchema.safeParse({ email, password });
  if (!parsed.success) return { error: null, fieldErrors: zodFieldErrors(parsed.error), email };

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
    return { error: null, fieldErrors: {}, email };
  } catch (error) {
    // Only Auth.js errors are a failed login; Next's redirect after success is an exception too and must propagate.
    if (error instanceof AuthError) return { error: loginErrorMessage(error), fieldErrors: {}, email };
    throw error;
  }
}
