import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared once per connection: dashboards refresh every few seconds, re-parsing SQL each time is waste. */
export function statement(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db.$client);
  if (!byText) cache.set(db.$client, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.$client.prepare(sql)));
  return prepared;
}

/** SQLite sums come back null over no rows; counters want 0. */
export const num = (v: number | null | undefined): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
