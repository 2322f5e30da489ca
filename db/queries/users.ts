import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { users, type UserRole } from "../schema";

export type UserRow = typeof users.$inferSelect;

export function listUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.createdAt))
    .all();
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email)).get();
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function insertUser(db: Db, row: typeof users.$inferInsert): void {
  db.insert(users).values(row).run();
}

export function updateUserRole(db: Db, id: string, role: UserRole): number {
  return db.update(users).set({ role }).where(eq(users.id, id)).run().changes;
}

export function deleteUser(db: Db, id: string): number {
  return db.delete(users).where(eq(users.id, id)).run().changes;
}

export function countUsers(db: Db, role?: UserRole): number {
  const query = db.select({ n: count() }).from(users);
  return (role ? query.where(eq(users.role, role)) : query).get()?.n ?? 0;
}
