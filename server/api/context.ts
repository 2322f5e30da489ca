import { auth } from "@/server/auth/auth";
import type { SessionUser } from "@/server/auth/roles";
import { getServices } from "@/server/services/app";
import type { TrpcContext } from "./trpc";

/**
 * The session's user, re-read from the database so a changed role or a deleted account takes
 * effect at once rather than when the JWT expires.
 */
export async function createContext(_headers: Headers): Promise<TrpcContext> {
  const services = await getServices();
  const session = await auth();
  const sessionUserId = (session?.user as { id?: string } | undefined)?.id;
  const user: SessionUser | null = sessionUserId ? services.users.byId(sessionUserId) : null;
  return { services, user };
}
