import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { createDb } from "@/db/client";
import { createApiKeySchema } from "@/server/api/schemas/api-keys";
import { cliTaskListSchema, submitTaskSchema } from "@/server/api/schemas/tasks";
import { modelSpecFromCli } from "@/server/cli-model-spec";
import type { CapabilityEstimate } from "@/server/orchestrator/discovery/estimator";
import { CAPABILITIES, isCapability, type Capability } from "@/server/orchestrator/spec";
import { databaseUrl } from "@/server/env";
import { DomainError } from "@/server/orchestrator/errors";
import { bootstrap, createServices, type Services } from "@/server/services/app";
import { runLabCommand } from "@/server/services/lab";

/** A thin shell over server/services: parse arguments, call a service, print. */
type Command = (args: string[], services: Services) => Promise<unknown>;

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  models list [--json]                         the roster with prices and capability scores
  models add --json '<spec>'                   register a model from a JSON spec; prints {"id"}
  discover <modelId> [--capabilities a,b] [--json]
                                                measure a model on the built-in suites
  run "<prompt>" [--strategy s] [--policy p]   run a task to the end and print it
      [--max-cost usd] [--max-latency ms] [--no-cache] [--json]
  tasks list [--status s] [--limit n] [--json] tasks, newest first (default 50)
  tasks cancel <id> [--json]                    cancel a queued or running task (also one running in the server)
  analyze                                       JSON Lines {"id","prompt"} on stdin → one analysis line each
  route "<prompt>" [--strategy s] [--policy p] [--max-cost usd] [--max-latency ms] [--json]
                                                the plan Ensemble would run, with its explanation
  keys create --name <n> [--rate-limit n] [--budget usd] [--json]
                                                a gateway API key; the key is printed once
  keys list [--json]                            gateway keys (never the key itself)
  keys revoke <id>                              revoke a gateway key at once
  lab --data <dir> | --dataset <name> | --history [--seed n] [--json]
                                                replay routing policies on recorded outcomes (routing lab)
  help                                          this text

Uses DATABASE_URL (default ./data/ensemble.db); migrates and seeds an empty database on first use.`;

function print(value: unknown, json: boolean, human: () => string) {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

const taskOptions = {
  json: { type: "boolean" },
  strategy: { type: "string" },
  policy: { type: "string" },
  "max-cost": { type: "string" },
  "max-latency": { type: "string" },
  "no-cache": { type: "boolean" },
} as const;

/** Shared by run and route: the same zod schema as the tRPC input, so errors read the same. */
function parseTaskArgs(args: string[]) {
  const { positionals, values } = parseArgs({ args, options: taskOptions, allowPositionals: true });
  const input = submitTaskSchema.parse({
    prompt: positionals.join(" "),
    strategy: values.strategy,
    policy: values.policy,
    constraints: {
      maxCostUsd: values["max-cost"] === undefined ? undefined : Number(values["max-cost"]),
      maxLatencyMs: values["max-latency"] === undefined ? undefined : Number(values["max-latency"]),
    },
    cache: !values["no-cache"],
  });
  return { input, json: Boolean(values.json) };
}

const commands: Record<string, Command> = {
  async tasks(args, services) {
    const { positionals, values } = parseArgs({
      args,
      options: { json: { type: "boolean" }, status: { type: "string" }, limit: { type: "string" } },
      allowPositionals: true,
    });
    const [sub, id] = positionals;
    const json = Boolean(values.json);
    if (sub === "list") {
      const filter = cliTaskListSchema.parse({ status: values.status, limit: values.limit === undefined ? undefined : Number(values.limit) });
      const rows = services.tasks.summaries(filter).map((t) => ({
        id: t.id,
        status: t.status,
        strategy: t.strategy,
        modelId: t.modelId,
        costUsd: t.costUsd,
        createdAt: new Date(t.createdAt).toISOString(),
        completedAt: t.completedAt === null ? null : new Date(t.completedAt).toISOString(),
        source: t.source,
        cached: t.cacheHit === true,
        error: t.error,
        prompt: t.prompt.length > 80 ? `${t.prompt.slice(0, 79)}…` : t.prompt,
      }));
      print(rows, json, () =>
        rows.length === 0
          ? "no tasks"
          : rows
              .map((t) => `${t.id}  ${t.status.padEnd(9)} ${t.strategy.padEnd(8)} ${(t.modelId ?? "-").padEnd(22)} $${t.costUsd.toFixed(6)}  ${t.createdAt}${t.cached ? "  cached" : ""}  ${t.prompt.slice(0, 40)}`)
              .join("\n"),
      );
      return;
    }
    if (sub === "cancel") {
      if (!id) throw new DomainError("INVALID_INPUT", "tasks cancel needs a task id: npm run cli -- tasks cancel <id>");
      const { status } = services.tasks.cancel(id);
      print({ id, status }, json, () => `${id}: ${status}`);
      return;
    }
    throw new DomainError("INVALID_INPUT", `unknown tasks subcommand "${sub ?? ""}"; try "tasks list" or "tasks cancel <id>"`);
  },

  async keys(args, services) {
    const { positionals, values } = parseArgs({
      args,
      options: { json: { type: "boolean" }, name: { type: "string" }, "rate-limit": { type: "string" }, budget: { type: "string" } },
      allowPositionals: true,
    });
    const [sub, id] = positionals;
    const json = Boolean(values.json);
    if (sub === "create") {
      const input = createApiKeySchema.parse({
        name: values.name ?? "",
        rateLimitPerMinute: values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]),
        monthlyBudgetUsd: values.budget === undefined ? undefined : Number(values.budget),
      });
      const created = services.apiKeys.create({ ...input, createdBy: "cli" });
      print({ id: created.id, name: created.name, prefix: created.prefix, key: created.key }, json, () =>
        `Created ${created.id} (${created.name}).\nKey (shown once, store it now): ${created.key}`,
      );
      return;
    }
    if (sub === "list") {
      const keys = services.apiKeys.list();
      print(keys, json, () =>
        keys.map((k) => `${k.id}  ${k.prefix}…  ${k.name.padEnd(16)} ${k.revokedAt ? "revoked" : "active "}  ${k.rateLimitPerMinute}/min  ${k.monthlyBudgetUsd === null ? "no budget" : `$${k.monthlyBudgetUsd}/month`}`).join("\n") || "no keys",
      );
      return;
    }
    if (sub === "revoke") {
      if (!id) throw new DomainError("INVALID_INPUT", "keys revoke needs a key id: npm run cli -- keys revoke <id>");
      const revoked = services.apiKeys.revoke(id);
      print({ id: revoked.id, revokedAt: revoked.revokedAt }, json, () => `Revoked ${revoked.id} (${revoked.name}).`);
      return;
    }
    throw new DomainError("INVALID_INPUT", `unknown keys subcommand "${sub ?? ""}"; try "keys create", "keys list" or "keys revoke"`);
  },

  async models(args, services) {
    const { positionals, values } = parseArgs({ args, options: { json: { type: "string" } }, allowPositionals: true, strict: false });
    if (positionals[0] === "add") {
      if (typeof values.json !== "string") throw new DomainError("INVALID_INPUT", `models add needs --json '<spec>'`);
      const created = services.roster.create(modelSpecFromCli(values.json, services));
      print({ id: created.id }, true, () => "");
      return;
    }
    if (positionals[0] !== "list") throw new DomainError("INVALID_INPUT", `unknown models subcommand "${positionals[0] ?? ""}"; try "models list" or "models add"`);
    const models = services.roster.list().map((m) => ({
      id: m.id,
      name: m.name,
      provider: m.providerName,
      simulated: m.isSimulated,
      enabled: m.enabled,
      contextWindow: m.contextWindow,
      inputUsdPerMTok: m.inputUsdPerMTok,
      outputUsdPerMTok: m.outputUsdPerMTok,
      capabilities: Object.fromEntries(Object.entries(m.capabilities).map(([c, v]) => [c, Number(v.mean.toFixed(3))])),
      // timeouts, retries, breaker and bulkhead in force; customResilience false means the defaults
      resilience: m.resilience,
      customResilience: m.customResilience,
    }));
    print(models, values.json !== undefined, () =>
      models.map((m) => `${m.id.padEnd(22)} ${m.provider.padEnd(12)} $${m.inputUsdPerMTok}/$${m.outputUsdPerMTok} per MTok  ${m.enabled ? "enabled" : "disabled"}`).join("\n"),
    );
  },

  async discover(args, services) {
    const { positionals, values } = parseArgs({ args, options: { json: { type: "boolean" }, capabilities: { type: "string" } }, allowPositionals: true });
    const modelId = positionals[0];
    if (!modelId) throw new DomainError("INVALID_INPUT", "discover needs a model id: npm run cli -- discover <modelId>");
    const capabilities = values.capabilities?.split(",").map((c) => c.trim()).filter(Boolean);
    for (const c of capabilities ?? []) if (!isCapability(c)) throw new DomainError("INVALID_INPUT", `capabilities: "${c}" is not one of ${CAPABILITIES.join(", ")}`);
    const run = await services.discovery.runToCompletion({ modelId, capabilities: capabilities as Capability[] | undefined });
    const estimates: Partial<Record<Capability, CapabilityEstimate>> = run.result?.capabilities ?? {};
    const summary = {
      modelId,
      status: run.status,
      error: run.error,
      probesUsed: run.probesUsed,
      capabilities: Object.fromEntries(
        Object.entries(estimates).flatMap(([c, e]) => (e ? [[c, e] as const] : [])).map(([c, e]) => [c, { mean: round(e.mean), low: round(e.low), high: round(e.high), probes: e.probes }]),
      ),
    };
    print(summary, Boolean(values.json), () =>
      [`${modelId}: ${run.status}, ${run.probesUsed} probes${run.error ? ` (${run.error})` : ""}`,
        ...Object.entries(summary.capabilities).map(([c, e]) => `  ${c.padEnd(15)} ${e.mean.toFixed(3)}  [${e.low.toFixed(3)}, ${e.high.toFixed(3)}]  ${e.probes} probes`)].join("\n"),
    );
    if (run.status !== "complete") process.exitCode = 1;
  },

  async analyze(_args, services) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      const out = services.analysis.analyzeJsonLine(line);
      if (out !== null) process.stdout.write(`${out}\n`);
    }
  },

  lab: (args, services) => runLabCommand(args, services, print),

  async route(args, services) {
    const { input, json } = parseTaskArgs(args);
    const plan = services.analysis.route(input.prompt, input);
    print(plan, json, () =>
      [
        `primary: ${plan.requirements.primary} (confidence ${plan.requirements.confidence.toFixed(2)}), format ${plan.requirements.format}`,
        `plan: ${plan.chain.strategy} → ${plan.chain.steps.map((s) => `${s.role}:${s.modelId}`).join(", ")}`,
        `why: ${plan.chain.explanation.summary}`,
        ...plan.chain.explanation.candidates.map(
          (c) => `  ${c.modelId.padEnd(22)} ${c.score.toFixed(3)}  ${c.rejected ? `rejected: ${c.rejected}` : (c.reason ?? "")}`,
        ),
      ].join("\n"),
    );
  },

  async run(args, services) {
    const { input, json } = parseTaskArgs(args);
    const task = await services.tasks.runToCompletion(input, { source: "cli" });
    const summary = {
      id: task.id,
      status: task.status,
      model: task.modelId,
      strategy: task.plan?.strategy ?? task.strategy,
      output: task.output,
      error: task.error,
      tokens: { input: task.inputTokens, output: task.outputTokens },
      costUsd: task.costUsd,
      latencyMs: task.latencyMs,
    };
    print(summary, json, () =>
      `${task.status.toUpperCase()} ${task.id} on ${task.modelId ?? "-"} · ${task.latencyMs ?? "-"} ms · $${task.costUsd.toFixed(6)}\n\n${task.output ?? task.error ?? ""}`,
    );
    if (task.status !== "completed") process.exitCode = 1;
  },
};

function round(value: number): number {
  return Number(value.toFixed(4));
}

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const command = commands[name];
  if (!command) throw new DomainError("INVALID_INPUT", `unknown command "${name}"; run "npm run cli -- help"`);
  const services = createServices(createDb(databaseUrl()));
  // the CLI's stdout is for --json output; notices go to stderr
  await bootstrap(services, (line) => process.stderr.write(`${line}\n`));
  await command(rest, services);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof DomainError
      ? error.message
      : error && typeof error === "object" && "issues" in error
        ? (error as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`error: ${message}\n`);
  process.exitCode = 2;
});
