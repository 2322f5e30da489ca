import NextAuth from "next-auth";
import { authConfig } from "@/server/auth/auth.config";

/** Every page needs a session; API routes check their own credentials (tRPC roles, gateway keys). */
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
