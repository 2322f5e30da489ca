import { createInterface } from "node:readline";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { createDb } from "@/db/client";
import { createApiKeySchema } from "@/server/api/schemas/api-keys";
import { startLabSchema } from "@/server/api/schemas/lab";
import { cliTaskListSchema, submitTaskSchema } from "@/server/api/schemas/tasks";
import { modelSpecFromCli } from "@/server/cli-model-spec";
import type { CapabilityEstimate } from "@/server/orchestrator/discovery/estimator";
import { CAPABILITIES, isCapability, type Capability } from "@/server/orchestrator/spec";
import { databaseUrl } from "@/server/env";
import { DomainError } from "@/server/orchestrator/errors";
import { bootstrap, createServices, type Services } from "@/server/services/app";
import { runLabCommand } from "@/server/services/lab";

/**
 * A thin shell over server/services: parse and check the arguments (before the database is opened, so a typo
 * costs nothing), then call a service and print.
 */
type Command = (args: string[]) => (services: Services) => Promise<void>;

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

Flags may come before or after a subcommand; unknown flags and bad values print "error: …" and exit 2.
Uses DATABASE_URL (default ./data/ensemble.db); migrates and seeds an empty database on first use.`;

function print(value: unknown, json: boolean, human: () => string) {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
}

function usageError(message: string): DomainError {
  return new DomainError("INVALID_INPUT", message);
}

type Flags = NonNullable<ParseArgsConfig["options"]>;

/**
 * parseArgs, strict, with messages that name the flag: an unknown flag lists the command's flags, a string flag
 * without its value (or with one that looks like a flag) says so, and extra arguments are refused. `maxPositionals`
 * Infinity: free text (a prompt), which may need "--" before it when it starts with "-".
 */
function parseFlags<const O extends Flags>(usage: string, args: string[], options: O, maxPositionals = 0) {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const names = Object.keys(options).map((name) => `--${name}`);
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === "positional" && ++positionals > maxPositionals) {
      throw usageError(`unexpected argument "${token.value}" for "${usage}"; see "npm run cli -- help"`);
    }
    if (token.kind !== "option") continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) {
      const dash = maxPositionals === Infinity ? `; text that starts with "-" goes after "--"` : "";
      throw usageError(`unknown flag ${token.rawName} for "${usage}"; ${names.length ? `its flags: ${names.join(", ")}` : "it takes no flags"}${dash}`);
    }
    if (option.type === "boolean" && token.inlineValue) throw usageError(`${token.rawName} takes no value (got "${token.rawName}=${token.value}")`);
    if (option.type === "string" && token.value === undefined) throw usageError(`${token.rawName} needs a value`);
    if (option.type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
      throw usageError(`${token.rawName} needs a value (got the flag-like "${token.value}"; write ${token.rawName}=${token.value} if that is the value)`);
    }
  }
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/**
 * `models list --json` and `models --json list` alike: the subcommand is the first argument that is a positional
 * for that subcommand's own flags (so a flag's value is never taken for it); the rest is parsed with those flags.
 */
function subcommand<const S extends Record<string, Flags>>(command: string, args: string[], subs: S, hint: string): { name: keyof S & string; rest: string[] } {
  const firsts = Object.entries(subs).map(([name, options]) => {
    const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
    return { name, first: tokens.find((t) => t.kind === "positional") };
  });
  for (const { name, first } of firsts) if (first?.value === name) return { name, rest: args.filter((_, i) => i !== first.index) };
  const given = firsts[0]?.first?.value;
  throw usageError(given === undefined ? `${command} needs a subcommand; try ${hint}` : `unknown ${command} subcommand "${given}"; try ${hint}`);
}

/** A number flag: NaN (zod: "must be a number") for text and for an empty value, which Number() would read as 0. */
function numberFlag(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : raw.trim() === "" ? Number.NaN : Number(raw);
}

/**
 * Zod issues as `field: message`, one per field (`--limit 1e20` fails the safe-integer bound too; the first
 * message is enough), with schema paths turned into the flags the user typed by `flagOf`.
 */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], flagOf: Record<string, string> = {}): string {
  const seen = new Set<string>();
  return issues
    .flatMap((issue) => {
      const path = issue.path.map(String).join(".");
      const field = (Object.hasOwn(flagOf, path) ? flagOf[path] : undefined) ?? (path || "input");
      if (seen.has(field)) return [];
      seen.add(field);
      return [`${field}: ${issue.message}`];
    })
    .join("; ");
}

/** safeParse whose errors name the flags (`--max-cost: must be a number`), not the schema's paths (`constraints.maxCostUsd`). */
function parseInput<S extends z.ZodType>(schema: S, input: unknown, flagOf: Record<string, string>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw usageError(describeIssues(result.error.issues, flagOf));
}

/** lab --seed: the bound of the tRPC lab.start input, taken from its schema. */
const seedSchema = startLabSchema.shape.seed.unwrap();

function seedFlag(raw: string): number {
  const result = seedSchema.safeParse(numberFlag(raw));
  if (!result.success) throw usageError(`--seed must be a whole number from ${seedSchema.minValue} to ${seedSchema.maxValue} (got "${raw}")`);
  return result.data;
}

const taskOptions = {
  json: { type: "boolean" },
  strategy: { type: "string" },
  policy: { type: "string" },
  "max-cost": { type: "string" },
  "max-latency": { type: "string" },
  "no-cache": { type: "boolean" },
} as const;

const taskFlagOf = {
  strategy: "--strategy",
  policy: "--policy",
  "constraints.maxCostUsd": "--max-cost",
  "constraints.maxLatencyMs": "--max-latency",
  cache: "--no-cache",
};

/** Shared by run and route: the same zod schema as the tRPC input, so errors read the same. */
function parseTaskArgs(usage: string, args: string[]) {
  const { positionals, values } = parseFlags(usage, args, taskOptions, Infinity);
  const input = parseInput(
    submitTaskSchema,
    {
      prompt: positionals.join(" "),
      strategy: values.strategy,
      policy: values.policy,
      constraints: { maxCostUsd: numberFlag(values["max-cost"]), maxLatencyMs: numberFlag(values["max-latency"]) },
      cache: !values["no-cache"],
    },
    taskFlagOf,
  );
  return { input, json: Boolean(values.json) };
}

const commands: Record<string, Command> = {
  tasks(args) {
    const { name, rest } = subcommand("tasks", args, { list: { json: { type: "boolean" }, status: { type: "string" }, limit: { type: "string" } }, cancel: { json: { type: "boolean" } } }, `"tasks list" or "tasks cancel <id>"`);
    if (name === "list") {
      const { values } = parseFlags("tasks list", rest, { json: { type: "boolean" }, status: { type: "string" }, limit: { type: "string" } });
      const filter = parseInput(cliTaskListSchema, { status: values.status, limit: numberFlag(values.limit) }, { status: "--status", limit: "--limit" });
      return async (services) => {
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
        print(rows, Boolean(values.json), () =>
          rows.length === 0
            ? "no tasks"
            : rows
                .map((t) => `${t.id}  ${t.status.padEnd(9)} ${t.strategy.padEnd(8)} ${(t.modelId ?? "-").padEnd(22)} $${t.costUsd.toFixed(6)}  ${t.createdAt}${t.cached ? "  cached" : ""}  ${t.prompt.slice(0, 40)}`)
                .join("\n"),
        );
      };
    }
    const { positionals, values } = parseFlags("tasks cancel", rest, { json: { type: "boolean" } }, 1);
    const id = positionals[0];
    if (!id) throw usageError("tasks cancel needs a task id: npm run cli -- tasks cancel <id>");
    return async (services) => {
      const { status } = services.tasks.cancel(id);
      print({ id, status }, Boolean(values.json), () => `${id}: ${status}`);
    };
  },

  keys(args) {
    const createFlags = { json: { type: "boolean" }, name: { type: "string" }, "rate-limit": { type: "string" }, budget: { type: "string" } } as const;
    const { name, rest } = subcommand("keys", args, { create: createFlags, list: { json: { type: "boolean" } }, revoke: { json: { type: "boolean" } } }, `"keys create", "keys list" or "keys revoke"`);
    if (name === "create") {
      const { values } = parseFlags("keys create", rest, createFlags);
      const input = parseInput(
        createApiKeySchema,
        { name: values.name ?? "", rateLimitPerMinute: numberFlag(values["rate-limit"]), monthlyBudgetUsd: numberFlag(values.budget) },
        { name: "--name", rateLimitPerMinute: "--rate-limit", monthlyBudgetUsd: "--budget" },
      );
      return async (services) => {
        const created = services.apiKeys.create({ ...input, createdBy: "cli" });
        print({ id: created.id, name: created.name, prefix: created.prefix, key: created.key }, Boolean(values.json), () =>
          `Created ${created.id} (${created.name}).\nKey (shown once, store it now): ${created.key}`,
        );
      };
    }
    if (name === "list") {
      const { values } = parseFlags("keys list", rest, { json: { type: "boolean" } });
      return async (services) => {
        const keys = services.apiKeys.list();
        print(keys, Boolean(values.json), () =>
          keys.map((k) => `${k.id}  ${k.prefix}…  ${k.name.padEnd(16)} ${k.revokedAt ? "revoked" : "active "}  ${k.rateLimitPerMinute}/min  ${k.monthlyBudgetUsd === null ? "no budget" : `$${k.monthlyBudgetUsd}/month`}`).join("\n") || "no keys",
        );
      };
    }
    const { positionals, values } = parseFlags("keys revoke", rest, { json: { type: "boolean" } }, 1);
    const id = positionals[0];
    if (!id) throw usageError("keys revoke needs a key id: npm run cli -- keys revoke <id>");
    return async (services) => {
      const revoked = services.apiKeys.revoke(id);
      print({ id: revoked.id, revokedAt: revoked.revokedAt }, Boolean(values.json), () => `Revoked ${revoked.id} (${revoked.name}).`);
    };
  },

  models(args) {
    // --json is the output switch of list but carries the spec of add
    const { name, rest } = subcommand("models", args, { list: { json: { type: "boolean" } }, add: { json: { type: "string" } } }, `"models list" or "models add --json '<spec>'"`);
    if (name === "add") {
      const { values } = parseFlags("models add", rest, { json: { type: "string" } });
      const spec = values.json;
      if (spec === undefined) throw usageError(`models add needs --json '<spec>'`);
      return async (services) => {
        const created = services.roster.create(modelSpecFromCli(spec, services));
        print({ id: created.id }, true, () => "");
      };
    }
    const { values } = parseFlags("models list", rest, { json: { type: "boolean" } });
    return async (services) => {
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
      print(models, Boolean(values.json), () =>
        models.map((m) => `${m.id.padEnd(22)} ${m.provider.padEnd(12)} $${m.inputUsdPerMTok}/$${m.outputUsdPerMTok} per MTok  ${m.enabled ? "enabled" : "disabled"}`).join("\n"),
      );
    };
  },

  discover(args) {
    const { positionals, values } = parseFlags("discover", args, { json: { type: "boolean" }, capabilities: { type: "string" } }, 1);
    const modelId = positionals[0];
    if (!modelId) throw usageError("discover needs a model id: npm run cli -- discover <modelId>");
    const capabilities = values.capabilities?.split(",").map((c) => c.trim()).filter(Boolean);
    for (const c of capabilities ?? []) if (!isCapability(c)) throw usageError(`--capabilities: "${c}" is not one of ${CAPABILITIES.join(", ")}`);
    return async (services) => {
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
    };
  },

  analyze(args) {
    parseFlags("analyze", args, {});
    return async (services) => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) {
        const out = services.analysis.analyzeJsonLine(line);
        if (out !== null) process.stdout.write(`${out}\n`);
      }
    };
  },

  lab(args) {
    // checked here, before any data is read; runLabCommand parses the same flags again
    const { values } = parseFlags("lab", args, { data: { type: "string" }, dataset: { type: "string" }, history: { type: "boolean" }, seed: { type: "string" }, json: { type: "boolean" } });
    if (values.seed !== undefined) seedFlag(values.seed);
    return (services) => runLabCommand(args, services, print);
  },

  route(args) {
    const { input, json } = parseTaskArgs("route", args);
    return async (services) => {
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
    };
  },

  run(args) {
    const { input, json } = parseTaskArgs("run", args);
    return async (services) => {
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
    };
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
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw usageError(`unknown command "${name}"; run "npm run cli -- help"`);
  const run = command(rest);
  const services = createServices(createDb(databaseUrl()));
  // the CLI's stdout is for --json output; notices go to stderr
  await bootstrap(services, (line) => process.stderr.write(`${line}\n`));
  await run(services);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof DomainError
      ? error.message
      : error && typeof error === "object" && "issues" in error
        ? describeIssues((error as { issues: { path: PropertyKey[]; message: string }[] }).issues)
        : error instanceof Error
          ? error.message
          : String(error);
  // one line, whatever the message (parseArgs and some libraries write several)
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = 2;
});
