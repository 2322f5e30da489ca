import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getServices } from "@/server/services/app";
import { authConfig } from "./auth.config";
import { checkCredentials } from "./credentials";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const outcome = await checkCredentials(await getServices(), raw);
        if (!outcome.ok) throw new CredentialsSignin(outcome.reason === "rate-limited" ? "rate-limited" : undefined);
        const { id, email, name, role } = outcome.user;
        return { id, email, name, role };
      },
    }),
  ],
});
