import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

/**
 * kill -9 with 200 tasks in flight, then a restart on the same database: every accepted task ends terminal,
 * no step is billed twice, nothing is duplicated. Two real processes (tsx), a real SIGKILL.
 */
const TASKS = 200;
const KILL_AFTER_STEPS = 120;
const child = path.resolve("server/services/queue-crash.child.ts");
const dir = mkdtempSync(path.join(tmpdir(), "ensemble-crash-"));
const file = path.join(dir, "ensemble.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Line = { accepted?: string[]; ready?: boolean; recovered?: { resumed: number; interrupted: number; queued: number }; done?: boolean; ms?: number };

function start(args: string[], onLine: (line: Line, kill: () => void) => void) {
  // node itself with tsx's loader (not the tsx CLI, which runs the script in a grandchild a SIGKILL would not reach)
  const proc = spawn(process.execPath, ["--import", "tsx", child, ...args], { env: { ...process.env, ENSEMBLE_WORKERS: "100" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: proc.stdout }).on("line", (text) => onLine(JSON.parse(text) as Line, () => proc.kill("SIGKILL")));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal, stderr })),
  );
}

interface StepRow {
  task_id: string;
  step_index: number;
  status: string;
  cost_usd: number;
}
interface EventRow {
  task_id: string;
  type: string;
  payload: string;
}

describe("kill -9 with tasks in flight, then restart", () => {
  it("brings every accepted task to a terminal state, billing no step twice and duplicating nothing", async () => {
    const began = Date.now();
    let accepted: string[] = [];
    const first = await start(["first", file, String(TASKS), String(KILL_AFTER_STEPS)], (line, kill) => {
      if (line.accepted) accepted = line.accepted;
      if (line.ready) kill();
    });
    expect(first.signal, first.stderr).toBe("SIGKILL");
    expect(accepted).toHaveLength(TASKS);

    const peek = new Database(file, { readonly: true });
    const atKill = Object.fromEntries(
      (peek.prepare("select status, count(*) n from tasks group by status").all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
    );
    const stepsAtKill = peek.prepare("select count(*) n from task_steps where status = 'completed'").get() as { n: number };
    const runningStepsAtKill = peek.prepare("select count(*) n from task_steps where status = 'running'").get() as { n: number };
    // committed steps of tasks cut short: the restart must replay these, not run them again
    const toReplay = peek
      .prepare("select count(*) n from task_steps s join tasks t on t.id = s.task_id where t.status = 'running' and s.status = 'completed'")
      .get() as { n: number };
    peek.close();
    expect(atKill.running ?? 0).toBeGreaterThan(0);

    let recovered: Line["recovered"];
    const second = await start(["second", file], (line) => {
      if (line.recovered) recovered = line.recovered;
    });
    expect(second.code, second.stderr).toBe(0);

    const db = new Database(file, { readonly: true });
    const tasks = db.prepare("select id, status, error, cost_usd from tasks").all() as Array<{ id: string; status: string; error: string | null; cost_usd: number }>;
    const steps = db.prepare("select task_id, step_index, status, cost_usd from task_steps").all() as StepRow[];
    const events = db.prepare("select task_id, type, payload from task_events").all() as EventRow[];
    db.close();

    // nothing lost, nothing duplicated, everything terminal
    expect(new Set(tasks.map((t) => t.id))).toEqual(new Set(accepted));
    expect(tasks).toHaveLength(TASKS);
    const byStatus: Record<string, number> = {};
    for (const t of tasks) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    expect(Object.keys(byStatus).every((s) => ["completed", "failed", "cancelled"].includes(s))).toBe(true);
    for (const t of tasks.filter((x) => x.status === "failed")) expect(t.error).toBeTruthy();

    const perTask = new Map<string, { started: Map<number, number>; completed: Map<number, number>; interrupted: Map<number, number>; terminal: number; queued: number }>();
    for (const e of events) {
      const entry = perTask.get(e.task_id) ?? { started: new Map(), completed: new Map(), interrupted: new Map(), terminal: 0, queued: 0 };
      perTask.set(e.task_id, entry);
      const payload = JSON.parse(e.payload) as { stepIndex?: number; error?: string };
      const bump = (m: Map<number, number>) => m.set(payload.stepIndex ?? -1, (m.get(payload.stepIndex ?? -1) ?? 0) + 1);
      if (e.type === "step.started") bump(entry.started);
      if (e.type === "step.completed") bump(entry.completed);
      if (e.type === "step.failed" && payload.error?.startsWith("interrupted")) bump(entry.interrupted);
      if (e.type === "task.completed" || e.type === "task.failed") entry.terminal += 1;
      if (e.type === "task.queued") entry.queued += 1;
    }
    let rerunSteps = 0;
    for (const t of tasks) {
      const entry = perTask.get(t.id)!;
      expect(entry.queued, `task.queued of ${t.id}`).toBe(1);
      expect(entry.terminal, `terminal events of ${t.id}`).toBe(1);
      for (const [index, n] of entry.completed) expect(n, `step.completed of ${t.id} step ${index}`).toBe(1);
      // a step index starts again only after its earlier attempt was closed as interrupted
      for (const [index, n] of entry.started) {
        expect(n, `step.started of ${t.id} step ${index}`).toBe(1 + (entry.interrupted.get(index) ?? 0));
        rerunSteps += n - 1;
      }
      const own = steps.filter((s) => s.task_id === t.id);
      const billed = own.filter((s) => s.status === "completed").reduce((sum, s) => sum + s.cost_usd, 0);
      expect(t.cost_usd, `cost of ${t.id}`).toBeCloseTo(billed, 10);
      expect(own.filter((s) => s.status === "completed")).toHaveLength(entry.completed.size);
    }

    const figures = {
      accepted: accepted.length,
      atKill: { ...atKill, completedSteps: stepsAtKill.n, runningSteps: runningStepsAtKill.n, completedStepsOfRunningTasks: toReplay.n },
      recovered,
      rerunSteps,
      final: byStatus,
      interruptedTasks: tasks.filter((t) => t.error === "interrupted").length,
      wallMs: Date.now() - began,
    };
    console.log(`kill -9 figures: ${JSON.stringify(figures)}`);
    expect(recovered?.resumed).toBe(atKill.running);
    // the resume path was exercised: some running tasks had committed steps, and each ran exactly once (above)
    expect(toReplay.n).toBeGreaterThan(0);
  }, 120_000);
});
