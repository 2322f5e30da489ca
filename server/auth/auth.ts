import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getServices } from "@/server/services/app";
import { loginSchema } from "@/server/api/schemas/users";
import { authConfig } from "./auth.config";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const services = await getServices();
        if (!services.loginLimiter.allow(parsed.data.email)) throw new CredentialsSignin("rate-limited");
        const user = await services.users.authenticate(parsed.data.email, parsed.data.password);
        if (!user) {
          services.loginLimiter.fail(parsed.data.email);
          throw new CredentialsSignin();
        }
        services.loginLimiter.succeed(parsed.data.email);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
});
