import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { tempDirs } from "@/db/testing/temp-dirs";
import { bootstrap, createServices, type Services } from "@/server/services/app";
import { chatCompletions } from "./chat-completions";
import type { GatewayRequest } from "./transport";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

/**
 * A gateway request whose task an operator cancels with the CLI: the "server" (with its cross-process watcher)
 * and the "CLI" are two sets of services on one database file, as two processes would be. The server's model
 * calls hang once the pipeline's second step starts, until they are aborted.
 */
const tempDir = tempDirs();
const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

async function servicesOn(file: string, sleep?: (ms: number, signal?: AbortSignal) => Promise<void>): Promise<Services> {
  const services = createServices(createDb(file), sleep ? { sleep } : {});
  await bootstrap(services, () => undefined);
  return services;
}

function gatewayRequest(key: string, body: unknown): GatewayRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, "content-type": "application/json", "x-ensemble-cache": "off" };
  return {
    header: (name) => headers[name] ?? null,
    readBody: () => Promise.resolve(Buffer.from(JSON.stringify(body))),
    onAbort: () => () => undefined,
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe("gateway: a CLI cancel of the request's task", () => {
  it("answers the caller within about a second, and the task stays billed for its completed steps", async () => {
    const file = path.join(tempDir("ensemble-gateway-cancel-"), "ensemble.db");
    let hang = false;
    const sleep = (_ms: number, signal?: AbortSignal) =>
      hang ? new Promise<void>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason), { once: true })) : Promise.resolve();
    const server = await servicesOn(file, sleep);
    stops.push(server.queue.watchOtherProcesses());
    const atStep1 = new Promise<string>((resolve) =>
      server.bus.subscribe("*", ({ event }) => {
        if (event.type !== "step.started" || event.stepIndex !== 1) return;
        hang = true;
        resolve(event.taskId);
      }),
    );
    const { key } = server.apiKeys.create({ name: "cli cancel" });

    const reply = chatCompletions(
      server,
      gatewayRequest(key, { model: "ensemble/pipeline", messages: [{ role: "user", content: "Write a short paragraph about lighthouses." }] }),
    );
    const id = await atStep1;
    // past the group-commit window: the task's row is on disk for the CLI to see
    await new Promise((r) => setTimeout(r, 20));
    const cli = await servicesOn(file);
    expect(cli.tasks.cancel(id)).toEqual({ status: "cancelled" });

    const answer = await within(reply, 4000);
    expect(answer.status).toBe(502);
    expect(answer.headers["x-ensemble-task-id"]).toBe(id);
    expect(JSON.parse(answer.body as string)).toMatchObject({ error: { message: expect.stringContaining("cancelled by an operator") } });
    const task = server.tasks.get(id);
    const completed = task.steps.filter((s) => s.status === "completed");
    expect(task.status).toBe("cancelled");
    expect(completed).toHaveLength(1);
    expect(task.costUsd).toBeGreaterThan(0);
    expect(task.costUsd).toBeCloseTo(completed[0]!.costUsd, 12);
  }, 20_000);
});
