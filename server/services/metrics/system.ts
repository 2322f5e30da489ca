import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import type { Db } from "@/db/client";
import { num, statement } from "./statements";

export interface SystemStats {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** event-loop delay since the previous reading (ms); null on the very first */
  eventLoopLagP50Ms: number | null;
  eventLoopLagP99Ms: number | null;
  /** share of one core used since the previous reading (0..n cores) */
  cpu: number | null;
  /** tasks running now (the worker pool's count when wired in, else status = 'running') */
  running: number;
  /** tasks waiting to run (the queue's depth when wired in, else status = 'queued') */
  queued: number;
  databaseBytes: number;
  /** the result cache since this process started; null when no cache is wired in */
  cache: CacheStats | null;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
}

/** Live figures other services own, injected so metrics never import them (see MetricsDeps). */
export interface LiveSources {
  queueDepth?: () => number;
  activeTasks?: () => number;
  cacheStats?: () => CacheStats;
}

const globalForLag = globalThis as unknown as { ensembleLoopDelay?: IntervalHistogram; ensembleCpu?: { at: bigint; usage: NodeJS.CpuUsage } };

/** Started on first use and kept for the process: one histogram, however many services read it. */
function loopDelay(): IntervalHistogram {
  if (!globalForLag.ensembleLoopDelay) {
    globalForLag.ensembleLoopDelay = monitorEventLoopDelay({ resolution: 20 });
    globalForLag.ensembleLoopDelay.enable();
  }
  return globalForLag.ensembleLoopDelay;
}

/** Starts the event-loop delay monitor and the CPU baseline when the server starts, so the first page view has figures. */
export function startSystemSampling(): void {
  loopDelay();
  globalForLag.ensembleCpu ??= { at: process.hrtime.bigint(), usage: process.cpuUsage() };
}

function cpuShare(): number | null {
  const now = process.hrtime.bigint();
  const usage = process.cpuUsage();
  const previous = globalForLag.ensembleCpu;
  globalForLag.ensembleCpu = { at: now, usage };
  if (!previous) return null;
  const elapsedUs = Number(now - previous.at) / 1000;
  if (elapsedUs <= 0) return null;
  return (usage.user - previous.usage.user + usage.system - previous.usage.system) / elapsedUs;
}

// tasks_status_created_idx makes both counts index-only.
const QUEUE_SQL = `SELECT sum(status = 'running') AS running, sum(status = 'queued') AS queued FROM tasks WHERE status IN ('running', 'queued')`;

export function queueCounts(db: Db): { running: number; queued: number } {
  const row = statement(db, QUEUE_SQL).get() as { running: number | null; queued: number | null };
  return { running: num(row.running), queued: num(row.queued) };
}

export function databaseBytes(db: Db): number {
  const pages = db.$client.pragma("page_count", { simple: true }) as number;
  const size = db.$client.pragma("page_size", { simple: true }) as number;
  return pages * size;
}

/** Queue depth and running tasks: the injected live counts when present, else two index-only counts. */
export function liveQueue(db: Db, live: LiveSources): { running: number; queued: number } {
  if (live.queueDepth && live.activeTasks) return { running: live.activeTasks(), queued: live.queueDepth() };
  const counted = queueCounts(db);
  return { running: live.activeTasks?.() ?? counted.running, queued: live.queueDepth?.() ?? counted.queued };
}

export function systemStats(db: Db, live: LiveSources = {}): SystemStats {
  const memory = process.memoryUsage();
  const lag = loopDelay();
  const hasLag = lag.count > 0;
  const result: SystemStats = {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    eventLoopLagP50Ms: hasLag ? lag.percentile(50) / 1e6 : null,
    eventLoopLagP99Ms: hasLag ? lag.percentile(99) / 1e6 : null,
    cpu: cpuShare(),
    ...liveQueue(db, live),
    databaseBytes: databaseBytes(db),
    cache: live.cacheStats?.() ?? null,
  };
  lag.reset();
  return result;
}
