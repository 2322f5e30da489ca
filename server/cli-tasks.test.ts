import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { bootstrap, createServices, type Services } from "@/server/services/app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

/**
 * `tasks list` and `tasks cancel` in a real CLI process against the database of a "server" (services in this
 * test process, with a task running and the cross-process watcher on), as an operator would use them.
 */
describe("CLI: tasks list / tasks cancel", () => {
  let dir: string;
  let file: string;
  let server: Services;
  let stopWatch: () => void;
  let completedId: string;
  let runningId: string;

  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(tsx, ["server/cli.ts", ...args], {
        env: { ...process.env, DATABASE_URL: file },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "ensemble-cli-"));
    file = path.join(dir, "ensemble.db");
    let hang = false;
    // once `hang` is set, model calls wait until they are aborted, like a slow provider
    const sleep = (_ms: number, signal?: AbortSignal) =>
      hang ? new Promise<void>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason), { once: true })) : Promise.resolve();
    server = createServices(createDb(file), { sleep });
    await bootstrap(server, () => undefined);
    completedId = (await server.tasks.runToCompletion({ prompt: "What is 6 * 7?", constraints: {}, strategy: "single", policy: "balanced" }, { source: "cli" })).id;
    hang = true;
    const started = new Promise<void>((resolve) => server.bus.subscribe("*", ({ event }) => event.type === "step.started" && resolve()));
    runningId = server.tasks.submit({ prompt: "Write a long essay about rivers.", constraints: {}, strategy: "single", policy: "balanced" }, { source: "ui" }).id;
    await started;
    await new Promise((r) => setImmediate(r));
    stopWatch = server.queue.watchOtherProcesses();
  }, 30_000);

  afterAll(() => {
    stopWatch?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists tasks as JSON, newest first, filtered by status", async () => {
    const all = await cli("tasks", "list", "--json");
    expect(all.code).toBe(0);
    const rows = JSON.parse(all.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.id)).toEqual([runningId, completedId]);
    expect(rows[1]).toMatchObject({ id: completedId, status: "completed", strategy: "single", cached: false });
    expect(Object.keys(rows[1]!)).toEqual(expect.arrayContaining(["id", "status", "strategy", "modelId", "costUsd", "createdAt"]));
    const running = JSON.parse((await cli("tasks", "list", "--status", "running", "--limit", "5", "--json")).stdout) as Array<{ id: string }>;
    expect(running.map((r) => r.id)).toEqual([runningId]);
    const bad = await cli("tasks", "list", "--status", "done");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/status: must be one of queued, running, completed, failed, cancelled/);
  }, 60_000);

  it("cancels a task running in the server process; the server's worker stops it", async () => {
    expect(server.queue.active()).toBe(1);
    const cancelled = await cli("tasks", "cancel", runningId, "--json");
    expect(cancelled.code).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toEqual({ id: runningId, status: "cancelled" });
    // the server notices within about a second (data_version) and aborts its model call
    await server.queue.idle();
    const task = server.tasks.get(runningId);
    expect(task.status).toBe("cancelled");
    expect(task.events.filter((e) => e.type === "task.failed" || e.type === "task.completed")).toHaveLength(1);
    expect(task.steps[0]?.status).toBe("failed");
  }, 60_000);

  it("reports a finished task's status and refuses an unknown id clearly", async () => {
    expect((await cli("tasks", "cancel", completedId)).stdout.trim()).toBe(`${completedId}: completed`);
    const unknown = await cli("tasks", "cancel", "tsk_nope");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('error: Task "tsk_nope" does not exist');
  }, 60_000);
});
