import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { statement as preparedOnce } from "@/db/statements";

/** Prepared once per connection (db/statements.ts): dashboards refresh every few seconds, re-parsing SQL each time is waste. */
export function statement(db: Db, sql: string): Database.Statement {
  return preparedOnce(db.$client, sql);
}

/** SQLite sums come back null over no rows; counters want 0. */
export const num = (v: number | null | undefined): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
