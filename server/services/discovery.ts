import { randomBytes } from "node:crypto";
import { EventEmitter, setMaxListeners } from "node:events";
import type { Db } from "@/db/client";
import * as q from "@/db/queries/discovery";
import {
  builtinSuites,
  gradeItem,
  suiteItemSchema,
  type GraderPorts,
  type JudgeVerdict,
  type SuiteItem,
  type SuiteItemInput,
} from "@/server/orchestrator/discovery";
import { runDiscovery, type DiscoveryProgress, type DiscoveryResult, type ProbeOutcome } from "@/server/orchestrator/discovery/estimator";
import { ConflictError, InvalidInputError, NotFoundError, ProviderError } from "@/server/orchestrator/errors";
import { CAPABILITIES, costUsd, type Capability } from "@/server/orchestrator/spec";
import { sharedCodeSandbox } from "@/server/sandbox";
import type { ModelClients } from "./clients";
import type { ProfileService } from "./profiles";
import type { RosterService } from "./roster";
import { systemClock, systemRandom } from "./pipeline";

export interface StartDiscovery {
  modelId: string;
  capabilities?: Capability[];
  /** an operator's suite; without it the built-in suites of the chosen capabilities */
  suiteId?: string;
}

export type DiscoveryUpdate =
  | { type: "progress"; runId: string; progress: DiscoveryProgress }
  | { type: "finished"; runId: string; status: "complete" | "failed" | "cancelled"; error: string | null };

/** Probes run in parallel per run: simulated and real models alike answer in about a second. */
const PROBE_CONCURRENCY = 8;

const JUDGE_PROMPT = (criteria: string, prompt: string, response: string) =>
  `You are grading an AI assistant's reply against criteria.\n\nCriteria:\n${criteria}\n\nUser request:\n${prompt}\n\nReply:\n${response}\n\n` +
  "Does the reply meet the criteria? Answer PASS or FAIL on the first line, then one sentence why.";

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
  const running = new Map<string, AbortController>();

  /** The designated judge: ENSEMBLE_JUDGE_MODEL, else the enabled model with the best reasoning score. */
  function judgeModelId(excluding: string): string | undefined {
    const configured = process.env.ENSEMBLE_JUDGE_MODEL;
    if (configured && roster.list().some((m) => m.id === configured && m.enabled)) return configured;
    return roster
      .list()
      .filter((m) => m.enabled && m.id !== excluding)
      .sort((a, b) => b.capabilities.reasoning.mean - a.capabilities.reasoning.mean)[0]?.id;
  }

  function graderPorts(modelId: string): GraderPorts {
    const judgeId = judgeModelId(modelId);
    return {
      runCode: (source, fn, cases, limits) => sharedCodeSandbox().runCode(source, fn, cases, limits),
      judge: judgeId
        ? async (criteria, prompt, response): Promise<JudgeVerdict> => {
            const reply = await clients.get(judgeId).generate({ messages: [{ role: "user", content: JUDGE_PROMPT(criteria, prompt, response) }], capabilityHint: "reasoning" });
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

  async function execute(runId: string, start: StartDiscovery, controller: AbortController): Promise<DiscoveryResult<Capability>> {
    const spec = roster.spec(start.modelId);
    const { capabilities, items } = itemsFor(start);
    const ports = graderPorts(start.modelId);
    const sources = Object.fromEntries(
      capabilities.map((capability) => [
        capability,
        { capability, nextItem: (exclude: ReadonlySet<string>) => items.get(capability)?.find((i) => !exclude.has(i.id)) },
      ]),
    ) as Record<Capability, { capability: Capability; nextItem: (exclude: ReadonlySet<string>) => SuiteItem | undefined }>;

    const prober = {
      async probe(item: SuiteItem, signal?: AbortSignal): Promise<ProbeOutcome> {
        const at = Date.now();
        try {
          const reply = await clients.get(start.modelId).generate({ messages: [{ role: "user", content: item.prompt }], capabilityHint: item.capability, signal });
          const grade = await gradeItem(item, reply, ports);
          const cost = costUsd(spec.pricing, reply.usage.inputTokens, reply.usage.outputTokens);
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
      random: systemRandom,
      clock: systemClock,
      concurrency: PROBE_CONCURRENCY,
      signal: controller.signal,
      onProgress(progress) {
        q.updateRun(db, runId, { progress, probesUsed: progress.itemsDone });
        events.emit(runId, { type: "progress", runId, progress } satisfies DiscoveryUpdate);
      },
    });
  }

  async function run(runId: string, start: StartDiscovery): Promise<void> {
    const controller = new AbortController();
    // every in-flight probe listens on the run's signal
    setMaxListeners(PROBE_CONCURRENCY * 4, controller.signal);
    running.set(runId, controller);
    let status: "complete" | "failed" | "cancelled" = "failed";
    let error: string | null = null;
    try {
      const result = await execute(runId, start, controller);
      status = result.status;
      error = result.failure?.message ?? null;
      const estimates = Object.fromEntries(
        Object.entries(result.capabilities).filter(([, e]) => e.probes > 0).map(([c, e]) => [c, { alpha: e.alpha, beta: e.beta }]),
      );
      if (status !== "cancelled" && Object.keys(estimates).length > 0) profiles.applyDiscovery(start.modelId, estimates);
      q.updateRun(db, runId, {
        status,
        result,
        error,
        probesUsed: result.probesUsed,
        costUsd: Object.values(result.capabilities).reduce((sum, e) => sum + e.costUsdTotal, 0),
        endedAt: Date.now(),
      });
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      q.updateRun(db, runId, { status: "failed", error, endedAt: Date.now() });
    } finally {
      running.delete(runId);
      events.emit(runId, { type: "finished", runId, status, error } satisfies DiscoveryUpdate);
    }
  }

  function create(start: StartDiscovery, userId?: string): string {
    roster.get(start.modelId);
    const { capabilities } = itemsFor(start);
    const id = newRunId();
    q.insertRun(db, { id, modelId: start.modelId, suiteId: start.suiteId ?? null, status: "running", capabilities, startedBy: userId ?? null, startedAt: Date.now() });
    return id;
  }

  return {
    /** Starts a run in the background; follow it with watch(). */
    start(start: StartDiscovery, userId?: string): { runId: string } {
      const runId = create(start, userId);
      setImmediate(() => void run(runId, start));
      return { runId };
    },

    /** Runs discovery in this process and returns the finished run (the CLI's `discover`). */
    async runToCompletion(start: StartDiscovery) {
      const runId = create(start);
      await run(runId, start);
      return this.get(runId);
    },

    cancel(runId: string) {
      if (!q.findRun(db, runId)) throw new NotFoundError("Discovery run", runId);
      running.get(runId)?.abort();
      return { cancelled: running.has(runId) };
    },

    get(runId: string) {
      const row = q.findRun(db, runId);
      if (!row) throw new NotFoundError("Discovery run", runId);
      return {
        ...row,
        capabilities: row.capabilities as Capability[],
        progress: row.progress as DiscoveryProgress | null,
        result: row.result as DiscoveryResult<Capability> | null,
        probes: q.listProbes(db, runId),
      };
    },

    listRuns: (modelId: string) => q.listRunsOfModel(db, modelId),

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

    /** Runs left `running` by a process that died cannot resume: they end failed. */
    recover() {
      for (const { id } of q.listRunsWithStatus(db, "running")) {
        q.updateRun(db, id, { status: "failed", error: "interrupted: the server stopped during the run", endedAt: Date.now() });
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
