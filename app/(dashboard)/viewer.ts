import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/server/auth/auth";
import { serverCaller } from "@/server/api/rsc";

/**
 * The signed-in user as the API sees them (re-read from the database, so a changed role shows at once).
 * No session, or an account deleted since sign-in: to the login page.
 */
export const requireViewer = cache(async () => {
  const session = await auth();
  if (!session?.user) redirect("/login");
  try {
    return await (await serverCaller()).users.me();
  } catch (error) {
    // duck-typed: the error class may come from another bundle's copy of @trpc/server
    if ((error as { code?: unknown } | null)?.code === "UNAUTHORIZED") redirect("/login");
    throw error;
  }
});
