import { randomBytes } from "node:crypto";
import { EventEmitter, setMaxListeners } from "node:events";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/discovery";
import { discoveryRuns } from "@/db/schema";
import {
  builtinSuites,
  gradeItem,
  suiteItemSchema,
  type GraderPorts,
  type JudgeVerdict,
  type SuiteItem,
  type SuiteItemInput,
} from "@/server/orchestrator/discovery";
import {
  familyOfItem,
  interleavedSource,
  runDiscovery,
  type DiscoveryProgress,
  type DiscoveryResult,
  type ProbeOutcome,
  type ProbeSource,
  type StopReason,
} from "@/server/orchestrator/discovery/estimator";
import { ConflictError, InvalidInputError, NotFoundError, ProviderError } from "@/server/orchestrator/errors";
import { createSeededRandom, hashUnit } from "@/server/orchestrator/random";
import { CAPABILITIES, costUsd, type Capability } from "@/server/orchestrator/spec";
import { sharedCodeSandbox } from "@/server/sandbox";
import type { ModelClients } from "./clients";
import { createRunOwnership } from "./discovery-owner";
import type { ProfileService } from "./profiles";
import type { RosterService } from "./roster";
import { systemClock } from "./pipeline";

export interface StartDiscovery {
  modelId: string;
  capabilities?: Capability[];
  /** an operator's suite; without it the built-in suites of the chosen capabilities */
  suiteId?: string;
  /** replays a run's item order and tie-breaks (its result's `seed`); by default drawn from the run id */
  seed?: number;
}

/** What a run wrote into the model's profile, and what it measured but left out, with why. */
export interface ProfileUpdate {
  applied: Capability[];
  skipped: { capability: Capability; reason: string }[];
  /** one sentence for the operator when something was left out */
  note: string | null;
}

/** A finished run's result as stored: the estimator's, plus the seed, the profile update and the spend. */
export type StoredDiscoveryResult = DiscoveryResult<Capability> & {
  seed: number;
  profile: ProfileUpdate;
  /** every call the run paid for: the model's answers (graded and broken items alike) and the judge's verdicts */
  spend: { modelUsd: number; judgeUsd: number };
};

/** Stop reasons that are a capability's own rule: its estimate is as good as a finished run's. */
const OWN_STOP_RULES: ReadonlySet<StopReason> = new Set<StopReason>(["target", "max-probes", "exhausted"]);

/**
 * Which measured capabilities a finished run writes into the profile. A complete run of the built-in suites
 * writes every capability it measured. A failed or cancelled run writes only those that had already stopped
 * by their own rule (target precision, probe cap, suite exhausted); the rest were cut short, and a few probes
 * must not replace a profile built on many. An operator's own suite never writes the profile: its results are
 * kept with the run and shown there, and the built-in suites stay the profile's discovered baseline.
 */
export function profileUpdateFor(result: DiscoveryResult<Capability>, options: { customSuite: boolean }): ProfileUpdate {
  const applied: Capability[] = [];
  const skipped: ProfileUpdate["skipped"] = [];
  for (const [capability, estimate] of Object.entries(result.capabilities) as [Capability, DiscoveryResult<Capability>["capabilities"][Capability]][]) {
    if (!estimate || estimate.probes === 0) continue;
    if (options.customSuite) skipped.push({ capability, reason: "an operator's suite: kept with the run, not written to the profile" });
    else if (result.status === "complete" || (estimate.stopReason !== null && OWN_STOP_RULES.has(estimate.stopReason))) applied.push(capability);
    else skipped.push({ capability, reason: `cut short (${estimate.stopReason ?? "open"}) when the run ${result.status === "failed" ? "failed" : "was cancelled"}` });
  }
  const note =
    skipped.length === 0
      ? null
      : options.customSuite
        ? "Results of an operator's suite are kept with this run; the profile and its discovered baseline come from the built-in suites."
        : `The run ${result.status === "failed" ? "failed" : "was cancelled"}: only capabilities that finished by their own rule were written to the profile (${applied.join(", ") || "none"}); ${skipped.map((s) => s.capability).join(", ")} kept their previous scores.`;
  return { applied, skipped, note };
}

export type DiscoveryUpdate =
  | { type: "progress"; runId: string; progress: DiscoveryProgress }
  | { type: "finished"; runId: string; status: "complete" | "failed" | "cancelled"; error: string | null };

/** Probes run in parallel per run: simulated and real models alike answer in about a second. */
const PROBE_CONCURRENCY = 8;

const JUDGE_PROMPT = (criteria: string, prompt: string, response: string) =>
  `You are grading an AI assistant's reply against criteria.\n\nCriteria:\n${criteria}\n\nUser request:\n${prompt}\n\nReply:\n${response}\n\n` +
  "Does the reply meet the criteria? Answer PASS or FAIL on the first line, then one sentence why.";

const INTERRUPTED = "interrupted: the process running it stopped during the run";

function newRunId(): string {
  return `dsc_${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
}

/**
 * Capability discovery: runs suites against a model with the adaptive estimator, records every probe and
 * the judge's verdicts, streams progress, and writes the posteriors into the model's profile.
 */
export function createDiscoveryService(deps: { db: Db; roster: RosterService; clients: ModelClients; profiles: ProfileService }) {
  const { db, roster, clients, profiles } = deps;
  const events = new EventEmitter().setMaxListeners(0);
  /** runs of this process, from creation (before their first probe) to their final status */
  const running = new Map<string, { modelId: string; controller: AbortController }>();
  const ownership = createRunOwnership(db.$client.name);

  /** The designated judge: ENSEMBLE_JUDGE_MODEL, else the enabled model with the best reasoning score. */
  function judgeModelId(excluding: string): string | undefined {
    const configured = process.env.ENSEMBLE_JUDGE_MODEL;
    if (configured && roster.list().some((m) => m.id === configured && m.enabled)) return configured;
    return roster
      .list()
      .filter((m) => m.enabled && m.id !== excluding)
      .sort((a, b) => b.capabilities.reasoning.mean - a.capabilities.reasoning.mean)[0]?.id;
  }

  /**
   * The grader ports of one probe: the judge call is costed (onJudgeCost, at the judge's prices) and gets the
   * probe's signal, so cancelling a run stops a verdict in flight too.
   */
  function graderPorts(judgeId: string | undefined, signal: AbortSignal | undefined, onJudgeCost: (usd: number) => void): GraderPorts {
    return {
      runCode: (source, fn, cases, limits) => sharedCodeSandbox().runCode(source, fn, cases, limits),
      judge: judgeId
        ? async (criteria, prompt, response): Promise<JudgeVerdict> => {
            const reply = await clients
              .get(judgeId)
              .generate({ messages: [{ role: "user", content: JUDGE_PROMPT(criteria, prompt, response) }], capabilityHint: "reasoning", signal });
            onJudgeCost(costUsd(roster.spec(judgeId).pricing, reply.usage.inputTokens, reply.usage.outputTokens));
            const verdict = reply.text.trim();
            return { pass: /^\W*pass\b/i.test(verdict), verdict: `${judgeId}: ${verdict.slice(0, 500)}` };
          }
        : undefined,
    };
  }

  function itemsFor(start: StartDiscovery): { capabilities: Capability[]; items: Map<Capability, SuiteItem[]> } {
    if (start.suiteId) {
      const suite = q.findSuite(db, start.suiteId);
      if (!suite) throw new NotFoundError("Suite", start.suiteId);
      const items = q.listSuiteItems(db, suite.id).map((row) => row.item as SuiteItem);
      if (items.length === 0) throw new InvalidInputError("suiteId", "the suite has no items yet");
      const capability = suite.capability as Capability;
      return { capabilities: [capability], items: new Map([[capability, items]]) };
    }
    const capabilities = start.capabilities?.length ? start.capabilities : [...CAPABILITIES];
    const builtin = new Map(builtinSuites().map((s) => [s.capability, s.items]));
    return { capabilities, items: new Map(capabilities.map((c) => [c, builtin.get(c) ?? []])) };
  }

  /** One run of this process: what it measures, its cancel switch, its item seed and its claim on the run. */
  interface Started {
    runId: string;
    start: StartDiscovery;
    controller: AbortController;
    seed: number;
    release: () => void;
  }

  async function execute(started: Started, spend: StoredDiscoveryResult["spend"]): Promise<DiscoveryResult<Capability>> {
    const { runId, start, controller, seed } = started;
    const spec = roster.spec(start.modelId);
    const { capabilities, items } = itemsFor(start);
    const judgeId = judgeModelId(start.modelId);
    // one seed per run: the item order (families interleaved, shuffled within) and the estimator's tie-breaks
    const orderRandom = createSeededRandom(seed);
    const sources = {} as Record<Capability, ProbeSource<SuiteItem>>;
    for (const capability of capabilities) sources[capability] = interleavedSource(capability, items.get(capability) ?? [], familyOfItem, orderRandom);

    const prober = {
      async probe(item: SuiteItem, signal?: AbortSignal): Promise<ProbeOutcome> {
        const at = Date.now();
        try {
          const reply = await clients.get(start.modelId).generate({ messages: [{ role: "user", content: item.prompt }], capabilityHint: item.capability, signal });
          const modelCost = costUsd(spec.pricing, reply.usage.inputTokens, reply.usage.outputTokens);
          spend.modelUsd += modelCost;
          let judgeCost = 0;
          const grade = await gradeItem(
            item,
            reply,
            graderPorts(judgeId, signal, (usd) => {
              judgeCost += usd;
              spend.judgeUsd += usd;
            }),
          );
          const cost = modelCost + judgeCost;
          if (grade.broken && signal?.aborted) {
            // the judge call was cancelled with the run: the item is not broken, the probe was stopped
            q.insertProbe(db, { runId, itemId: item.id, capability: item.capability, outcome: "error", detail: "cancelled while grading", costUsd: cost, at });
            return { error: "cancelled while grading" };
          }
          q.insertProbe(db, {
            runId, itemId: item.id, capability: item.capability, outcome: grade.broken ? "broken" : grade.pass ? "pass" : "fail",
            score: grade.score, detail: grade.detail, judgeVerdict: grade.judgeVerdict ?? null, latencyMs: Math.round(reply.latencyMs), costUsd: cost, at,
          });
          return grade.broken ? { broken: true, detail: grade.detail } : { pass: grade.pass, latencyMs: reply.latencyMs, costUsd: cost };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          q.insertProbe(db, { runId, itemId: item.id, capability: item.capability, outcome: "error", detail: message, at });
          return { error: message, retryAfterMs: error instanceof ProviderError ? error.retryAfterMs : undefined };
        }
      },
    };

    return runDiscovery({
      model: { id: start.modelId },
      capabilities,
      sources,
      prober,
      random: createSeededRandom(seed ^ 0x5bd1e995),
      clock: systemClock,
      concurrency: PROBE_CONCURRENCY,
      signal: controller.signal,
      onProgress(progress) {
        q.updateRun(db, runId, { progress, probesUsed: progress.itemsDone });
        events.emit(runId, { type: "progress", runId, progress } satisfies DiscoveryUpdate);
      },
    });
  }

  async function run(started: Started): Promise<void> {
    const { runId, start, controller } = started;
    // every in-flight probe listens on the run's signal
    setMaxListeners(PROBE_CONCURRENCY * 4, controller.signal);
    let status: "complete" | "failed" | "cancelled" = "failed";
    let error: string | null = null;
    const spend = { modelUsd: 0, judgeUsd: 0 };
    try {
      const result = await execute(started, spend);
      status = result.status;
      error = result.failure?.message ?? null;
      const profile = profileUpdateFor(result, { customSuite: start.suiteId !== undefined });
      if (profile.applied.length > 0) {
        profiles.applyDiscovery(start.modelId, Object.fromEntries(profile.applied.map((c) => [c, { alpha: result.capabilities[c].alpha, beta: result.capabilities[c].beta }])));
      }
      const stored: StoredDiscoveryResult = { ...result, seed: started.seed, profile, spend };
      q.updateRun(db, runId, {
        status,
        result: stored,
        error,
        probesUsed: result.probesUsed,
        // every probe's model call, broken items included, and every judge call
        costUsd: spend.modelUsd + spend.judgeUsd,
        endedAt: Date.now(),
      });
    } catch (caught) {
      status = "failed";
      error = caught instanceof Error ? caught.message : String(caught);
      q.updateRun(db, runId, { status: "failed", error, costUsd: spend.modelUsd + spend.judgeUsd, endedAt: Date.now() });
    } finally {
      running.delete(runId);
      started.release();
      events.emit(runId, { type: "finished", runId, status, error } satisfies DiscoveryUpdate);
    }
  }

  /**
   * The model's run in progress, in this process or another (the CLI's `discover`, or the server while the CLI
   * asks); runs left `running` by a process that died are closed as failed on the way.
   */
  function liveRunOf(modelId: string): string | undefined {
    const rows = db
      .select({ id: discoveryRuns.id })
      .from(discoveryRuns)
      .where(and(eq(discoveryRuns.modelId, modelId), eq(discoveryRuns.status, "running")))
      .all();
    let live: string | undefined;
    for (const { id } of rows) {
      if (running.has(id) || ownership.isLive(id)) live ??= id;
      else q.updateRun(db, id, { status: "failed", error: INTERRUPTED, endedAt: Date.now() });
    }
    return live;
  }

  function create(start: StartDiscovery, userId?: string): Started {
    roster.get(start.modelId);
    const { capabilities } = itemsFor(start);
    const runId = newRunId();
    const seed = start.seed ?? Math.floor(hashUnit(0, runId) * 2 ** 32);
    let claim: { release(): void } | undefined;
    try {
      // check and insert in one IMMEDIATE transaction: two processes cannot both see no run and both start one
      db.transaction(
        () => {
          const live = liveRunOf(start.modelId);
          if (live) {
            throw new ConflictError(`A discovery run of model "${start.modelId}" is already in progress (${live}): wait for it to finish, or cancel it, before starting another.`);
          }
          // claimed before the row exists and released after its final status: a live row always has a live owner
          claim = ownership.claim(runId);
          q.insertRun(db, { id: runId, modelId: start.modelId, suiteId: start.suiteId ?? null, status: "running", capabilities, startedBy: userId ?? null, startedAt: Date.now() });
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      claim?.release();
      throw error;
    }
    const controller = new AbortController();
    running.set(runId, { modelId: start.modelId, controller });
    const owned = claim as { release(): void };
    return { runId, start, controller, seed, release: () => owned.release() };
  }

  return {
    /** Starts a run in the background; follow it with watch(). ConflictError while the model has one running. */
    start(start: StartDiscovery, userId?: string): { runId: string } {
      const started = create(start, userId);
      setImmediate(() => void run(started));
      return { runId: started.runId };
    },

    /** Runs discovery in this process and returns the finished run (the CLI's `discover`). */
    async runToCompletion(start: StartDiscovery) {
      const started = create(start);
      await run(started);
      return this.get(started.runId);
    },

    cancel(runId: string) {
      if (!q.findRun(db, runId)) throw new NotFoundError("Discovery run", runId);
      running.get(runId)?.controller.abort();
      return { cancelled: running.has(runId) };
    },

    get(runId: string) {
      const row = q.findRun(db, runId);
      if (!row) throw new NotFoundError("Discovery run", runId);
      return {
        ...row,
        capabilities: row.capabilities as Capability[],
        progress: row.progress as DiscoveryProgress | null,
        // runs stored before seeds and profile updates were recorded lack those fields
        result: row.result as (DiscoveryResult<Capability> & Partial<Pick<StoredDiscoveryResult, "seed" | "profile" | "spend">>) | null,
        probes: q.listProbes(db, runId),
      };
    },

    listRuns: (modelId: string) => q.listRunsOfModel(db, modelId),

    /**
     * When the model's last complete run of every built-in suite started: what the schedule's clock counts. A
     * run of some capabilities or of an operator's suite measures less, so it does not make the profile fresh.
     */
    lastFullRunAt(modelId: string): number | undefined {
      const rows = db
        .select({ capabilities: discoveryRuns.capabilities, startedAt: discoveryRuns.startedAt })
        .from(discoveryRuns)
        .where(and(eq(discoveryRuns.modelId, modelId), eq(discoveryRuns.status, "complete"), isNull(discoveryRuns.suiteId)))
        .orderBy(desc(discoveryRuns.startedAt))
        .all();
      return rows.find((r) => CAPABILITIES.every((c) => (r.capabilities as Capability[]).includes(c)))?.startedAt;
    },

    /** The model's run in progress, in this process or another, if any. */
    runningRunOf: (modelId: string): string | undefined => liveRunOf(modelId),

    /** Progress of a run until it finishes; a finished run yields its end at once. */
    async *watch(runId: string, signal?: AbortSignal): AsyncGenerator<DiscoveryUpdate> {
      const row = q.findRun(db, runId);
      if (!row) throw new NotFoundError("Discovery run", runId);
      const buffered: DiscoveryUpdate[] = [];
      let wake: (() => void) | undefined;
      const listener = (update: DiscoveryUpdate) => {
        buffered.push(update);
        wake?.();
      };
      events.on(runId, listener);
      const onAbort = () => wake?.();
      signal?.addEventListener("abort", onAbort);
      try {
        const current = q.findRun(db, runId);
        if (current && current.status !== "running") {
          yield { type: "finished", runId, status: current.status, error: current.error };
          return;
        }
        while (!signal?.aborted) {
          const next = buffered.shift();
          if (!next) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = undefined;
            continue;
          }
          yield next;
          if (next.type === "finished") return;
        }
      } finally {
        events.off(runId, listener);
        signal?.removeEventListener("abort", onAbort);
      }
    },

    /**
     * Runs left `running` by a process that died cannot resume: they end failed. A run whose owner is alive (the
     * CLI's `discover`, which does not take the server's lock) is left to finish.
     */
    recover() {
      for (const { id } of q.listRunsWithStatus(db, "running")) {
        if (running.has(id) || ownership.isLive(id)) continue;
        q.updateRun(db, id, { status: "failed", error: INTERRUPTED, endedAt: Date.now() });
      }
    },

    // ---- suites ----

    listSuites() {
      const builtin = builtinSuites().map((s) => ({ id: s.id, name: s.name, capability: s.capability, builtin: true, items: s.items.length }));
      const custom = q.listSuites(db).map((s) => ({ id: s.id, name: s.name, capability: s.capability, builtin: false, items: q.listSuiteItems(db, s.id).length }));
      return [...custom, ...builtin];
    },

    suite(id: string) {
      const builtin = builtinSuites().find((s) => s.id === id);
      if (builtin) return { ...builtin, description: null };
      const row = q.findSuite(db, id);
      if (!row) throw new NotFoundError("Suite", id);
      return { id: row.id, name: row.name, capability: row.capability as Capability, builtin: false, description: row.description, items: q.listSuiteItems(db, id).map((r) => r.item as SuiteItem) };
    },

    createSuite(input: { name: string; capability: Capability; description?: string }, userId: string) {
      const id = `suite_${randomBytes(5).toString("hex")}`;
      q.insertSuite(db, { id, name: input.name, capability: input.capability, description: input.description ?? null, createdBy: userId });
      return { id };
    },

    deleteSuite(id: string) {
      if (!q.deleteSuite(db, id)) throw new NotFoundError("Suite", id);
    },

    addItem(suiteId: string, input: Omit<SuiteItemInput, "id" | "capability"> & { id?: string }) {
      const suite = q.findSuite(db, suiteId);
      if (!suite) throw new NotFoundError("Suite", suiteId);
      const id = input.id ?? `${suiteId}.${randomBytes(3).toString("hex")}`;
      if (q.findSuiteItem(db, id)) throw new ConflictError(`An item with id "${id}" already exists`);
      const parsed = suiteItemSchema.safeParse({ ...input, id, capability: suite.capability });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InvalidInputError(issue?.path.join(".") || "item", issue?.message ?? "invalid item");
      }
      q.insertSuiteItem(db, { id, suiteId, item: parsed.data });
      return { id };
    },

    deleteItem(itemId: string) {
      if (!q.deleteSuiteItem(db, itemId)) throw new NotFoundError("Suite item", itemId);
    },
  };
}

export type DiscoveryService = ReturnType<typeof createDiscoveryService>;
