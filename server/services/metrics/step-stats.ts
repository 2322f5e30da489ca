import type { Db } from "@/db/client";
import { binSql, percentiles, type Bin, type Percentiles } from "./histogram";
import type { MetricWindow } from "./ranges";
import { num, statement } from "./statements";

/** Model calls (task_steps) of one group: a model, or a capability. */
export interface StepStats {
  key: string;
  requests: number;
  completed: number;
  failed: number;
  /** failed / finished (running steps not counted) */
  errorRate: number;
  latency: Percentiles;
  /** mean time to first token over the steps that streamed; null without any */
  ttftMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

interface Row {
  model: string;
  capability: string | null;
  bin: number | null;
  n: number;
  completed: number | null;
  failed: number | null;
  tin: number | null;
  tout: number | null;
  cost: number | null;
  ttft_sum: number | null;
  ttft_n: number;
}

// `model_id IN (roster)` lets SQLite walk task_steps_model_started_idx once per model with the time
// range, instead of scanning every step (there is no index on started_at alone). The join to tasks is a
// primary-key lookup per step, for the task's primary capability.
const SQL = `
  SELECT s.model_id AS model, t.primary_capability AS capability, ${binSql("s.latency_ms")} AS bin, count(*) AS n,
         sum(s.status = 'completed') AS completed, sum(s.status = 'failed') AS failed,
         sum(s.input_tokens) AS tin, sum(s.output_tokens) AS tout, sum(s.cost_usd) AS cost,
         sum(s.first_token_ms) AS ttft_sum, count(s.first_token_ms) AS ttft_n
  FROM task_steps s JOIN tasks t ON t.id = s.task_id
  WHERE s.model_id IN (SELECT id FROM models) AND s.started_at >= @from AND s.started_at < @to
  GROUP BY s.model_id, t.primary_capability, bin`;

class Accumulator {
  requests = 0;
  completed = 0;
  failed = 0;
  inputTokens = 0;
  outputTokens = 0;
  costUsd = 0;
  ttftSum = 0;
  ttftN = 0;
  bins = new Map<number, number>();

  add(row: Row) {
    this.requests += row.n;
    this.completed += num(row.completed);
    this.failed += num(row.failed);
    this.inputTokens += num(row.tin);
    this.outputTokens += num(row.tout);
    this.costUsd += num(row.cost);
    this.ttftSum += num(row.ttft_sum);
    this.ttftN += row.ttft_n;
    if (row.bin !== null) this.bins.set(row.bin, (this.bins.get(row.bin) ?? 0) + row.n);
  }

  stats(key: string): StepStats {
    const finished = this.completed + this.failed;
    const bins: Bin[] = [...this.bins].map(([bin, n]) => ({ bin, n }));
    return {
      key,
      requests: this.requests,
      completed: this.completed,
      failed: this.failed,
      errorRate: finished ? this.failed / finished : 0,
      latency: percentiles(bins),
      ttftMs: this.ttftN ? Math.round(this.ttftSum / this.ttftN) : null,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      costUsd: this.costUsd,
    };
  }
}

/** Per-model and per-capability call statistics over the window, from one grouped scan. */
export function stepStats(db: Db, window: MetricWindow): { byModel: StepStats[]; byCapability: StepStats[] } {
  const rows = statement(db, SQL).all({ from: window.from, to: window.to }) as Row[];
  const models = new Map<string, Accumulator>();
  const capabilities = new Map<string, Accumulator>();
  for (const row of rows) {
    const m = models.get(row.model) ?? new Accumulator();
    models.set(row.model, m);
    m.add(row);
    const capability = row.capability ?? "unknown";
    const c = capabilities.get(capability) ?? new Accumulator();
    capabilities.set(capability, c);
    c.add(row);
  }
  const out = (map: Map<string, Accumulator>) =>
    [...map].map(([key, acc]) => acc.stats(key)).sort((a, b) => b.requests - a.requests || a.key.localeCompare(b.key));
  return { byModel: out(models), byCapability: out(capabilities) };
}
