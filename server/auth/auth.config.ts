import type { NextAuthConfig } from "next-auth";
import { deriveKey } from "./secrets";
import type { Role } from "./roles";

const PUBLIC_PATHS = ["/login"];

/** "/login" and anything below it, but not "/login-admin" or "/loginx": a prefix must end at a segment. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Auth.js errors caused by what a client sent (a wrong password, a forged or missing CSRF token, an unknown
 * /api/auth action): expected outcomes, not server faults worth a stack trace each.
 */
const CLIENT_ERROR_TYPES = new Set(["CredentialsSignin", "MissingCSRF", "UnknownAction"]);

/** A body that is not the JSON its content type claims: Auth.js answers 400 and logs the parse error raw. */
const isBodyParseError = (error: Error) => error instanceof SyntaxError;

/**
 * DB-free part of the auth config, shared by proxy.ts and auth.ts. The proxy must construct
 * NextAuth eagerly from this; a lazy config there fails every request at run time.
 */
export const authConfig = {
  secret: deriveKey("auth").toString("base64url"),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  // errors go to the login page too: Auth.js's own error page answers garbage requests with a 500
  pages: { signIn: "/login", error: "/login" },
  providers: [],
  logger: {
    error(error: Error & { type?: string }) {
      if ((error.type && CLIENT_ERROR_TYPES.has(error.type)) || isBodyParseError(error)) return;
      console.error(error);
    },
  },
  callbacks: {
    authorized({ auth, request }) {
      return isPublicPath(request.nextUrl.pathname) || Boolean(auth?.user);
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
