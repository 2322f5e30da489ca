import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { bulkhead } from "cockatiel";
import { extractCode } from "@/server/orchestrator/discovery/graders/code-extract";
import type { RunCodeLimits, RunCodeResult } from "@/server/orchestrator/discovery/graders/ports";
import type { CodeCase } from "@/server/orchestrator/discovery/suite-types";

/**
 * The isolated code runner behind the graders' `runCode` port. Model-written code never runs in the
 * server's own process: each run spawns a fresh Node process (child.mjs) with
 * - a heap cap (`--max-old-space-size`), so a memory bomb kills the child, not the server;
 * - a hard wall-clock kill (SIGKILL) at the CPU budget plus a start-up allowance, for anything the vm
 *   timeout cannot interrupt;
 * - on Linux, an RSS watchdog (SIGKILL past `memoryMb` + an allowance), because buffers and large strings
 *   live outside what the heap cap counts and the child's per-allocation guards do not bound the total;
 * - an empty environment (no secrets inherited), a temp working directory, no IPC channel;
 * - code generation from strings disabled, and Node's permission model where available (no file writes,
 *   no reads beyond child.mjs, no child processes, no workers);
 * and inside it the code is evaluated by node:vm in a fresh context with no require, process or network
 * and a vm timeout. A bulkhead caps how many children run at once so a discovery run cannot fork-bomb us.
 */

export type RunCode = (source: string, functionName: string, cases: readonly CodeCase[], limits: RunCodeLimits) => Promise<RunCodeResult>;

export interface CodeSandboxOptions {
  /** path of child.mjs; defaults to the file next to this one */
  childScript?: string;
  /** children running at once (default 4); more calls queue */
  maxConcurrent?: number;
  /** time for the child process to start, added to the CPU budget for the hard kill (default 1000 ms) */
  startupAllowanceMs?: number;
  /** cap on the child's stdout; more is treated as hostile and killed (default 64 KiB) */
  maxOutputBytes?: number;
  /**
   * resident memory allowed above `limits.memoryMb` before the watchdog kills the child (default 128 MB:
   * Node's own ~45 MB, the young generation and code space, with room to spare)
   */
  memoryAllowanceMb?: number;
  /** how often the watchdog samples the child's RSS (default 50 ms; 0 turns it off) */
  memoryPollMs?: number;
}

const DEFAULTS = { maxConcurrent: 4, startupAllowanceMs: 1_000, maxOutputBytes: 64 * 1024, memoryAllowanceMb: 128, memoryPollMs: 50 } as const;
const OUT_OF_MEMORY = "killed: out of memory";
/** the watchdog reads procfs; elsewhere it is off and the heap cap and buffer guards remain */
const CAN_SAMPLE_RSS = process.platform === "linux";
const MAX_QUEUED = 1_000;

function defaultChildScript(): string {
  return fileURLToPath(new URL("./child.mjs", import.meta.url));
}

/** Node flags for the child; the permission model's flag name changed between Node 20 and 22. */
export function childFlags(childScript: string, memoryMb: number): string[] {
  const allowed = process.allowedNodeEnvironmentFlags;
  const permission = ["--permission", "--experimental-permission"].find((flag) => allowed.has(flag));
  return [
    `--max-old-space-size=${Math.max(16, Math.floor(memoryMb))}`,
    "--disallow-code-generation-from-strings",
    ...(permission ? [permission, `--allow-fs-read=${childScript}`] : []),
    ...(allowed.has("--disable-warning") ? ["--disable-warning=ExperimentalWarning"] : []),
  ];
}

/** Resident set size of a process in bytes from /proc/<pid>/status (Linux); undefined if unreadable. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(await readFile(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function isRunCodeResult(value: unknown): value is RunCodeResult {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.passed === "number" && typeof r.total === "number" && (r.error === undefined || typeof r.error === "string");
}

/** Why a child ended without a result, in words an operator can act on. */
function describeCrash(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) return OUT_OF_MEMORY;
  const firstLine = stderr.split("\n").find((l) => l.trim() !== "" && !/ExperimentalWarning|--trace-warnings/.test(l));
  return `sandbox exited (${signal ?? `code ${code ?? "?"}`})${firstLine ? `: ${firstLine.trim().slice(0, 200)}` : ""}`;
}

type Settings = Required<Omit<CodeSandboxOptions, "childScript">> & { childScript: string };

interface RunRequest {
  source: string;
  functionName: string;
  cases: readonly CodeCase[];
  limits: RunCodeLimits;
}

function runOnce(options: Settings, { source, functionName, cases, limits }: RunRequest): Promise<RunCodeResult> {
  const { childScript } = options;
  const total = cases.length;
  const wallMs = limits.timeoutMs + options.startupAllowanceMs;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...childFlags(childScript, limits.memoryMb), childScript], {
      stdio: ["pipe", "pipe", "pipe"],
      // nothing inherited: no secrets, no NODE_OPTIONS that could lift the limits
      env: { NODE_ENV: "production" },
      cwd: tmpdir(),
      windowsHide: true,
    });
    let stdout = "";
    let stderr = "";
    let killedFor: string | undefined;
    let settled = false;
    let exited = false;
    const finish = (result: RunCodeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      resolve(result);
    };
    const kill = (reason: string) => {
      if (exited) return;
      killedFor ??= reason;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`killed: no result within ${wallMs} ms`), wallMs);
    // The OS-level memory bound: sample the child's RSS and kill it past the limit. It does not depend on
    // the child's guards having found every off-heap allocation; what it can miss is what a child
    // allocates between two samples.
    const rssLimit = (limits.memoryMb + options.memoryAllowanceMb) * 1024 * 1024;
    let sampling = false;
    const pid = child.pid;
    const watchdog =
      CAN_SAMPLE_RSS && options.memoryPollMs > 0 && pid !== undefined
        ? setInterval(() => {
            if (sampling || exited) return;
            sampling = true;
            void residentBytes(pid).then((rss) => {
              sampling = false;
              if (rss !== undefined && rss > rssLimit) kill(OUT_OF_MEMORY);
            });
          }, options.memoryPollMs)
        : undefined;
    // stop sampling once the process is gone, so a reused pid is never read or blamed
    child.on("exit", () => {
      exited = true;
      clearInterval(watchdog);
    });

    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.length > options.maxOutputBytes) kill("killed: too much output");
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 8_192) stderr += chunk;
    });
    // the child may die before reading its input (EPIPE); the exit handler reports why
    child.stdin.on("error", () => undefined);
    child.on("error", (error) => finish({ passed: 0, total, error: `sandbox failed to start: ${error.message}` }));
    child.on("close", (code, signal) => {
      if (killedFor) return finish({ passed: 0, total, error: killedFor });
      try {
        const parsed: unknown = JSON.parse(stdout);
        if (isRunCodeResult(parsed)) return finish({ ...parsed, passed: Math.min(parsed.passed, total), total });
      } catch {
        // no or partial JSON: the child crashed; say how below
      }
      finish({ passed: 0, total, error: describeCrash(code, signal, stderr) });
    });
    child.stdin.end(JSON.stringify({ source, functionName, cases, timeoutMs: limits.timeoutMs, memoryMb: limits.memoryMb }));
  });
}

/** A sandbox with its own concurrency cap; `runCode` is the graders' port. */
export function createCodeSandbox(options: CodeSandboxOptions = {}): { runCode: RunCode } {
  const settings: Settings = {
    childScript: options.childScript ?? defaultChildScript(),
    maxConcurrent: options.maxConcurrent ?? DEFAULTS.maxConcurrent,
    startupAllowanceMs: options.startupAllowanceMs ?? DEFAULTS.startupAllowanceMs,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULTS.maxOutputBytes,
    memoryAllowanceMb: options.memoryAllowanceMb ?? DEFAULTS.memoryAllowanceMb,
    memoryPollMs: options.memoryPollMs ?? DEFAULTS.memoryPollMs,
  };
  const limiter = bulkhead(settings.maxConcurrent, MAX_QUEUED);
  return {
    runCode: (source, functionName, cases, limits) =>
      // the grader already extracted the code; extracting again makes the port safe to call with a raw reply
      limiter.execute(() => runOnce(settings, { source: extractCode(source, functionName) ?? source, functionName, cases, limits })),
  };
}
