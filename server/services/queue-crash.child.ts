/**
 * The process that is killed, and the one that recovers, for queue-crash.test.ts (run with tsx):
 *   tsx server/services/queue-crash.child.ts first  <db file> <tasks> <kill after n completed steps>
 *   tsx server/services/queue-crash.child.ts second <db file>
 * Simulated models keep their latency profiles, scaled down 20× (real timers), so many steps are in flight at once.
 * Output is JSON lines on stdout.
 */
import { createDb } from "@/db/client";
import { bootstrap, createServices } from "./app";
import { DEMO_TASKS } from "./demo";
import { systemClock } from "./pipeline";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const [mode, file, tasksArg, killAfterArg] = process.argv.slice(2);
if (!file || (mode !== "first" && mode !== "second")) throw new Error("usage: queue-crash.child.ts first|second <db file> [tasks] [kill after]");

const services = createServices(createDb(file), { sleep: (ms, signal) => systemClock.sleep(ms / 20, signal) });
await bootstrap(services, () => undefined);

if (mode === "first") {
  const count = Number(tasksArg ?? 200);
  const killAfter = Number(killAfterArg ?? 150);
  let completedSteps = 0;
  services.bus.subscribe("*", ({ event }) => {
    if (event.type === "step.completed" && ++completedSteps === killAfter) say({ ready: true, completedSteps });
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const demo = DEMO_TASKS[i % DEMO_TASKS.length]!;
    ids.push(services.tasks.submit({ ...demo, prompt: `${demo.prompt} (#${i})` }, { source: "cli" }).id);
  }
  // accepted = committed: the group commit of these inserts runs on the next turn, before this callback
  setImmediate(() => say({ accepted: ids }));
} else {
  const started = Date.now();
  const recovered = services.tasks.recover();
  say({ recovered: { resumed: recovered.resumed.length, interrupted: recovered.interrupted.length, queued: recovered.queued } });
  await services.queue.idle();
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  say({ done: true, ms: Date.now() - started });
  process.exit(0);
}
