import { startBackgroundCheckpoints } from "@/db/checkpointer";
import { createDb, type Db } from "@/db/client";
import { claimDatabase, type InstanceLock } from "@/db/instance-lock";
import { createGroupCommit } from "@/db/group-commit";
import { seedDemoRoster } from "@/db/seed";
import { adminBootstrap, databaseUrl, discoveryEveryHours } from "@/server/env";
import { createApiKeyService } from "./api-keys";
import { TaskEventBus } from "./event-bus";
import { createLoginLimiter } from "./login-limiter";
import type { RemoteModelClients } from "@/server/providers/remote/remote-client";
import { createModelClients } from "./clients";
import { createAnalysisService } from "./analysis";
import { createDiscoveryService } from "./discovery";
import { startDiscoverySchedule } from "./discovery-schedule";
import { createBreakerRegistry } from "./breakers";
import { createTaskPipeline, systemClock, systemRandom } from "./pipeline";
import { createProfileService } from "./profiles";
import { createProviderService } from "./providers";
import { createTaskQueue } from "./queue";
import { createResultCache, resultCacheSettingsFromEnv } from "./result-cache";
import { createRosterService } from "./roster";
import { createRouting } from "./routing";
import { ensureRollups } from "./metrics/rollup-backfill";
import { startSystemSampling } from "./metrics/system";
import { createTaskRecorder } from "./task-recorder";
import { createTaskService, type TaskRunner } from "./tasks";
import { createUserService } from "./users";
import { createShadowSampler } from "./shadow";

export interface ServiceOptions {
  /** replaces real timers in simulated models (tests run them at zero latency) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** network models are called on the I/O thread (server/api/io-thread, started by server.ts) instead of this one */
  remoteModels?: RemoteModelClients;
}

/** Wires every service on one database. Routers, the CLI and tests all start here. */
export function createServices(db: Db, options: ServiceOptions = {}) {
  const bus = new TaskEventBus();
  // one commit per event-loop turn for the task engine's many small writes (db/group-commit.ts)
  const group = createGroupCommit(db.$client);
  // before anything can record an event: an upgraded database gets its metric rollups built from its history
  ensureRollups(db, Date.now(), console.log);
  const record = createTaskRecorder(db, bus, Date.now, group.enter);
  const users = createUserService(db);
  const providers = createProviderService(db);
  const roster = createRosterService(db);
  const clients = createModelClients({ roster, providers, sleep: options.sleep, remote: options.remoteModels });
  // breakers is declared below; routing asks it lazily, when it first loads the roster
  const routing = createRouting(roster, systemRandom, (id) => breakers.routingHealth(id));
  const profiles = createProfileService({ db, roster });
  const analysis = createAnalysisService(routing);
  const discovery = createDiscoveryService({ db, roster, clients, profiles });
  // one breaker + bulkhead per model for the whole process; routing learns each state change
  const breakers = createBreakerRegistry({
    models: () => roster.specs(),
    clock: systemClock,
    onHealth: (id, health) => {
      if (routing.registry.findModel(id)) routing.registry.setHealth(id, health);
    },
  });
  const cache = createResultCache({ db, settings: resultCacheSettingsFromEnv(), beforeWrite: group.enter });
  let runner: TaskRunner | undefined;
  const shadow = createShadowSampler({ db, roster, clients, guard: breakers.guard });
  const taskRunner = () =>
    (runner ??= createTaskPipeline({ db, record, roster, clients, analyzer: analysis.analyzer, routing, profiles, cache, breakers, beforeWrite: group.enter, shadow }));
  const queue = createTaskQueue({ db, runner: taskRunner, waitedIds: () => bus.waitedTaskIds() });
  const modelUsable = (id: string) => {
    try {
      return roster.spec(id).enabled;
    } catch {
      return false;
    }
  };
  const tasks = createTaskService({ db, bus, record, beforeWrite: group.enter, commitNow: group.commitNow, runner: taskRunner, queue, modelUsable });
  return { db, bus, users, providers, roster, routing, analysis, profiles, discovery, tasks, queue, cache, breakers, clients, shadow, apiKeys: createApiKeyService(db, bus), loginLimiter: createLoginLimiter() };
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

const globalForServices = globalThis as unknown as { ensembleServices?: Promise<Services>; databaseClaim?: InstanceLock };

/**
 * The process-wide services on DATABASE_URL, created and bootstrapped once (the first caller's options count).
 * The server claims its database first (DatabaseInUseError if another server runs on it): recovery below resumes
 * every task left running, which must not happen while another live process is running them.
 */
export function getServices(options: ServiceOptions = {}): Promise<Services> {
  globalForServices.ensembleServices ??= (async () => {
    globalForServices.databaseClaim ??= claimDatabase(databaseUrl());
    const services = createServices(createDb(databaseUrl()), options);
    await bootstrap(services);
    services.tasks.recover();
    services.queue.watchOtherProcesses();
    services.discovery.recover();
    startSystemSampling();
    startBackgroundCheckpoints(services.db.$client);
    const everyHours = discoveryEveryHours();
    if (everyHours) startDiscoverySchedule({ roster: services.roster, discovery: services.discovery, everyHours });
    return services;
  })();
  return globalForServices.ensembleServices;
}
