import type { Db } from "@/db/client";
import type { MetricWindow } from "./ranges";
import { num, statement } from "./statements";

/**
 * What shadow evaluation (services/shadow.ts) spent on the calls it made in the window: real money that no
 * task is billed for, so task cost alone understates the spend. Read through shadow_outcomes' created_at index.
 */
export function shadowSpend(db: Db, window: Pick<MetricWindow, "from" | "to">): { calls: number; costUsd: number } {
  const row = statement(db, `SELECT count(*) AS calls, sum(cost_usd) AS cost FROM shadow_outcomes WHERE created_at >= ? AND created_at < ?`).get(
    window.from,
    window.to,
  ) as { calls: number; cost: number | null };
  return { calls: row.calls, costUsd: num(row.cost) };
}
