import { createDb } from "@/db/client";
import type { Role } from "@/server/auth/roles";
import { createServices, bootstrap, type ServiceOptions, type Services } from "@/server/services/app";
import { createCaller } from "../root";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const instant = () => Promise.resolve();

/** A fresh in-memory database with the demo roster and one user per role, plus a caller for each. */
export async function createHarness(options: ServiceOptions = {}) {
  const services: Services = createServices(createDb(":memory:"), { sleep: instant, ...options });
  await bootstrap(services, () => undefined);
  const users = {} as Record<Role, { id: string; email: string; name: string; role: Role }>;
  for (const role of ["admin", "operator", "viewer"] as const) {
    users[role] = await services.users.create({ email: `${role}@test.local`, name: role, password: "password-123", role });
  }
  const as = (role: Role | null) => createCaller({ services, user: role ? users[role] : null });
  return { services, users, as };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Resolves when the task reaches a terminal status. */
export async function waitForTask(h: Harness, id: string) {
  for await (const published of h.services.tasks.watch(id, 0)) {
    if (published.event.type === "task.completed" || published.event.type === "task.failed") break;
  }
  return h.services.tasks.get(id);
}
