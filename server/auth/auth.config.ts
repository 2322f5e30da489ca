import type { NextAuthConfig } from "next-auth";
import { deriveKey } from "./secrets";
import type { Role } from "./roles";

const PUBLIC_PATHS = ["/login"];

/**
 * DB-free part of the auth config, shared by proxy.ts and auth.ts. The proxy must construct
 * NextAuth eagerly from this; a lazy config there fails every request at run time.
 */
export const authConfig = {
  secret: deriveKey("auth").toString("base64url"),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  providers: [],
  logger: {
    error(error: Error & { type?: string }) {
      // a wrong password is an expected outcome, not a server fault worth a stack trace
      if (error.type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      const isPublic = PUBLIC_PATHS.some((p) => request.nextUrl.pathname.startsWith(p));
      return isPublic || Boolean(auth?.user);
    },
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; role?: Role };
        token.uid = u.id;
        token.role = u.role;
      }
      return token;
    },
    session({ session, token }) {
      const user = session.user as typeof session.user & { id?: string; role?: Role };
      user.id = token.uid as string;
      user.role = token.role as Role;
      return session;
    },
  },
} satisfies NextAuthConfig;
