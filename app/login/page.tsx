import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/server/auth/auth";
import { serverCaller } from "@/server/api/rsc";
import { LoginForm } from "@/components/auth/login-form";
import { safeRedirectPath } from "@/components/auth/login-errors";
import { login } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const redirectTo = safeRedirectPath(params.callbackUrl);
  // already signed in (and the account still exists): straight on
  const session = await auth();
  if (session?.user) {
    const viewer = await (await serverCaller()).users.me().catch(() => null);
    if (viewer) redirect(redirectTo);
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-950 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-4 flex size-11 items-center justify-center rounded-xl bg-indigo-500 text-lg font-bold text-white shadow-lg shadow-indigo-500/30">
            E
          </div>
          <h1 className="text-xl font-semibold tracking-tight text-white">Sign in to Ensemble</h1>
          <p className="mt-1 text-sm text-neutral-400">The operator dashboard for your model roster.</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-xl">
          <LoginForm action={login} redirectTo={redirectTo} />
        </div>
      </div>
    </main>
  );
}
