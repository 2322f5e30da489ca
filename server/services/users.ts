import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/users";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { Role, SessionUser } from "@/server/auth/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "@/server/orchestrator/errors";

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export function createUserService(db: Db) {
  return {
    list: () => q.listUsers(db),

    byId(id: string): SessionUser | null {
      const user = q.findUserById(db, id);
      return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
    },

    async create(input: NewUser) {
      const email = input.email.trim().toLowerCase();
      const taken = () => {
        if (q.findUserByEmail(db, email)) throw new ConflictError(`A user with email ${email} already exists`);
      };
      taken();
      const passwordHash = await hashPassword(input.password);
      // again after the hash, with no await before the insert: a create for the same email may have finished meanwhile
      taken();
      const id = randomUUID();
      q.insertUser(db, { id, email, name: input.name, role: input.role, passwordHash });
      return { id, email, name: input.name, role: input.role };
    },

    setRole(id: string, role: Role, actingUserId: string) {
      const user = q.findUserById(db, id);
      if (!user) throw new NotFoundError("User", id);
      if (user.role === "admin" && role !== "admin" && q.countUsers(db, "admin") <= 1) {
        throw new InvalidInputError("role", "the last admin cannot be demoted; make another admin first");
      }
      if (id === actingUserId && role !== "admin") {
        throw new InvalidInputError("role", "you cannot demote yourself");
      }
      q.updateUserRole(db, id, role);
    },

    remove(id: string, actingUserId: string) {
      if (id === actingUserId) throw new InvalidInputError("id", "you cannot delete your own account");
      const user = q.findUserById(db, id);
      if (!user) throw new NotFoundError("User", id);
      if (user.role === "admin" && q.countUsers(db, "admin") <= 1) {
        throw new InvalidInputError("id", "the last admin cannot be deleted");
      }
      q.deleteUser(db, id);
    },

    /** Returns the user for valid credentials, otherwise null (never says which part was wrong). */
    async authenticate(email: string, password: string): Promise<SessionUser | null> {
      const user = q.findUserByEmail(db, email.trim().toLowerCase());
      if (!user) {
        // spend the same time as a real check so response timing does not reveal which emails exist
        await verifyPassword(password, "$2b$10$CwTycUXWue0Thq9StjUM0uJ8DPLKXt1FYlwYpQW9G1hYDgH2kqQ7e");
        return null;
      }
      if (!(await verifyPassword(password, user.passwordHash))) return null;
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    },

    /**
     * The first admin: from ENSEMBLE_ADMIN_EMAIL / ENSEMBLE_ADMIN_PASSWORD, or with a one-time random
     * password that the caller prints once. Never a fixed default.
     */
    async ensureAdmin(bootstrap: { email?: string; password?: string }) {
      if (q.countUsers(db) > 0) return null;
      const email = bootstrap.email ?? "admin@ensemble.local";
      const generated = !bootstrap.password;
      const password = bootstrap.password ?? randomBytes(12).toString("base64url");
      await this.create({ email, name: "Administrator", password, role: "admin" });
      return { email, password, generated };
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
