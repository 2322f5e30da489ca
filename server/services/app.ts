import { createDb, type Db } from "@/db/client";
import { createGroupCommit } from "@/db/group-commit";
import { seedDemoRoster } from "@/db/seed";
import { adminBootstrap, databaseUrl, discoveryEveryHours } from "@/server/env";
import { createApiKeyService } from "./api-keys";
import { TaskEventBus } from "./event-bus";
import { createLoginLimiter } from "./login-limiter";
import { createModelClients } from "./clients";
import { createAnalysisService } from "./analysis";
import { createDiscoveryService } from "./discovery";
import { startDiscoverySchedule } from "./discovery-schedule";
import { createTaskPipeline, systemRandom } from "./pipeline";
import { createProfileService } from "./profiles";
import { createProviderService } from "./providers";
import { createRosterService } from "./roster";
import { createRouting } from "./routing";
import { createTaskRecorder } from "./task-recorder";
import { createTaskService, type TaskRunner } from "./tasks";
import { createUserService } from "./users";

export interface ServiceOptions {
  /** replaces real timers in simulated models (tests run them at zero latency) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Wires every service on one database. Routers, the CLI and tests all start here. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const bus = new TaskEventBus();
  // one commit per event-loop turn for the task engine's many small writes (db/group-commit.ts)
  const group = createGroupCommit(db.$client);
  const record = createTaskRecorder(db, bus, Date.now, group.enter);
  const users = createUserService(db);
  const providers = createProviderService(db);
  const roster = createRosterService(db);
  const clients = createModelClients({ roster, providers, sleep: options.sleep });
  const routing = createRouting(roster, systemRandom);
  const profiles = createProfileService({ db, roster });
  const analysis = createAnalysisService(routing);
  const discovery = createDiscoveryService({ db, roster, clients, profiles });
  let runner: TaskRunner | undefined;
  const tasks = createTaskService({
    db,
    bus,
    record,
    beforeWrite: group.enter,
    runner: () => (runner ??= createTaskPipeline({ db, record, roster, clients, analyzer: analysis.analyzer, routing, profiles, beforeWrite: group.enter })),
  });
  return { db, bus, users, providers, roster, routing, analysis, profiles, discovery, tasks, clients, apiKeys: createApiKeyService(db), loginLimiter: createLoginLimiter() };
}

export type Services = ReturnType<typeof createServices>;

/**
 * Migrates, seeds the demo roster into an empty database and creates the first admin (printing a
 * generated password once). Safe to call on every start.
 */
export async function bootstrap(services: Services, log: (line: string) => void = console.log) {
  if (seedDemoRoster(services.db)) log("Ensemble: seeded the demo roster of simulated models.");
  const admin = await services.users.ensureAdmin(adminBootstrap());
  if (admin?.generated) {
    log(
      `\nEnsemble: created the first admin.\n  email:    ${admin.email}\n  password: ${admin.password}\n` +
        "  This password is shown once. Sign in and add users at /users.\n",
    );
  } else if (admin) {
    log(`Ensemble: created the first admin ${admin.email} from ENSEMBLE_ADMIN_EMAIL / ENSEMBLE_ADMIN_PASSWORD.`);
  }
}

const globalForServices = globalThis as unknown as { ensembleServices?: Promise<Services> };

/** The process-wide services on DATABASE_URL, created and bootstrapped once. */
export function getServices(): Promise<Services> {
  globalForServices.ensembleServices ??= (async () => {
    const services = createServices(createDb(databaseUrl()));
    await bootstrap(services);
    services.tasks.recover();
    services.discovery.recover();
    const everyHours = discoveryEveryHours();
    if (everyHours) startDiscoverySchedule({ roster: services.roster, discovery: services.discovery, everyHours });
    return services;
  })();
  return globalForServices.ensembleServices;
}
