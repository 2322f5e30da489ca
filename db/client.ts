import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "./data/ensemble.db";

/** Resolves a DATABASE_URL (a path, `file:` URL, or `:memory:`) to what better-sqlite3 opens. */
export function resolveDatabasePath(url: string): string {
  if (url === ":memory:") return url;
  const stripped = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), stripped);
}

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");
}

/** Opens the database in WAL mode and applies the committed migrations. */
export function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Db {
  const file = resolveDatabasePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}
