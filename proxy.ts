import NextAuth from "next-auth";
import { authConfig } from "@/server/auth/auth.config";

const { auth } = NextAuth(authConfig);

/** Every page needs a session; API routes check their own credentials (tRPC roles, gateway keys). */
export default auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
