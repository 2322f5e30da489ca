import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CAPABILITIES } from "@/server/orchestrator/spec";
import { createCaller } from "./root";
import { hostileInput, malformedValue, nearlyValid } from "./testing/fuzz-arbitraries";
import { allProcedures, procedureOf, type ProcedureInfo } from "./testing/procedures";
import { createHarness, waitForTask, type Harness } from "./testing/harness";

/**
 * Property: whatever an admin sends to any procedure (admin, so the role check does not hide validation),
 * the answer is a result or a TRPCError with a 4xx status and a message that says what was wrong; never an
 * internal error. Procedures come from the router, so a new one is fuzzed without touching this file.
 */

// generated state (lab uploads that pass validation) goes to a throwaway folder, not ./data
const dataDir = mkdtempSync(path.join(tmpdir(), "ensemble-fuzz-"));
process.env.DATABASE_URL = path.join(dataDir, "unused.db");

const SEED = 20261127;
const RUNS_PER_PROCEDURE = 150;
/** procedures that take no input ignore what they are sent: a few calls prove it */
const RUNS_WITHOUT_INPUT = 3;
/** how long a subscription may take to yield its first event before it is cut off */
const SUBSCRIPTION_GRACE_MS = 30;

/**
 * Outcomes that are not about the input: a provider that cannot be reached is a 502 from
 * "test connection", by design (the operator asked for exactly that call).
 */
const UPSTREAM_FAILURE_ALLOWED = new Set(["providers.testConnection"]);

const SIMULATED = { seed: 1, skills: { math: 0.9 }, latency: { ttftMs: 0, tokensPerSec: 1000, jitter: 0 }, faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } };

/** stands for the custom suite the setup step creates (built-in suites take no items) */
const CUSTOM_SUITE = "$custom-suite";

/**
 * Valid inputs for procedures whose input has many fields: fuzzed one part at a time (see nearlyValid), so
 * every field's check is reached with the rest right. Procedures not listed are fuzzed from their schema alone.
 */
const EXAMPLES: Record<string, unknown | unknown[]> = {
  "models.create": { id: "fuzz-model", name: "Fuzz", providerId: "simulated", remoteModel: "fuzz", contextWindow: 8192, inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2, enabled: true, simulated: SIMULATED, initialScores: { math: 0.5 } },
  "models.update": { id: "sim-swift-mini", name: "Swift", contextWindow: 16_384, inputUsdPerMTok: 0.1, simulated: SIMULATED },
  "providers.create": { name: "local", kind: "openai-compatible", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-test" },
  "users.create": { email: "fuzz@example.com", name: "Fuzz", password: "0123456789", role: "viewer" },
  "tasks.submit": { prompt: "What is 2 + 2?", constraints: { maxCostUsd: 1, maxLatencyMs: 10_000, minQuality: 0.1 }, strategy: "single", policy: "cost" },
  "tasks.list": { page: 1, pageSize: 10, search: "2", status: "completed", modelId: "sim-swift-mini", from: 0, to: 4_102_444_800_000 },
  "profiles.setManual": { modelId: "sim-swift-mini", capability: "math", score: 0.7 },
  "discovery.createSuite": { name: "Fuzz suite", capability: "math", description: "fuzzed" },
  "discovery.addItem": [
    { suiteId: CUSTOM_SUITE, item: { id: "fuzz-1", prompt: "2+2?", grader: { kind: "label", labels: ["four", "five"] }, expected: "four", tags: ["fuzz"] } },
    { suiteId: CUSTOM_SUITE, item: { prompt: "Write add(a, b)", grader: { kind: "code", functionName: "add", cases: [{ args: [1, { n: [2] }], expected: 3 }], timeoutMs: 500 } } },
    { suiteId: CUSTOM_SUITE, item: { prompt: "Name?", grader: { kind: "json", schema: { properties: { name: { type: "string" } }, required: ["name"] }, expected: { name: "Ada" } } } },
  ],
  "apiKeys.create": { name: "fuzz", rateLimitPerMinute: 60, monthlyBudgetUsd: 5 },
  "lab.import": {
    name: "fuzz-set",
    items: '{"id":"a","family":"f","prompt":"p"}',
    outcomes: '{"id":"a","model":"m","correct":true,"answer":"1","outputChars":10}',
    models: '[{"id":"m","inputUsdPerMTok":1,"outputUsdPerMTok":2}]',
  },
};

interface Tally {
  thrown: number;
  ok: number;
  codes: Record<string, number>;
}

const tallies = new Map<string, Tally>();

function tallyOf(path: string): Tally {
  let tally = tallies.get(path);
  if (!tally) tallies.set(path, (tally = { thrown: 0, ok: 0, codes: {} }));
  return tally;
}

/** Known ids (and near misses) so that well-formed inputs reach real rows as well as unknown ones. */
function plausibleStrings(h: Harness, taskId: string): fc.Arbitrary<string> {
  const models = h.services.roster.list().map((m) => m.id);
  const providers = h.services.providers.list().map((p) => p.id);
  const suites = h.services.discovery.listSuites().map((s) => s.id);
  const users = Object.values(h.users).map((u) => u.id);
  return fc.constantFrom(
    ...models,
    ...providers,
    ...suites,
    ...users,
    ...CAPABILITIES,
    taskId,
    randomUUID(),
    "sim-does-not-exist",
    "new-model-1",
    "admin@test.local",
    "someone@example.com",
    "http://127.0.0.1:9/v1",
    "1h",
    "30d",
    "What is 2 + 2?",
  );
}

/** Calls one procedure and reduces the outcome to "OK" or the TRPCError (anything else is a failure). */
async function outcomeOf(h: Harness, info: ProcedureInfo, input: unknown): Promise<"OK" | TRPCError> {
  const abort = new AbortController();
  const caller = createCaller({ services: h.services, user: h.users.admin }, { signal: abort.signal });
  try {
    const result = await procedureOf(caller, info.path)(input);
    if (info.type === "subscription") await firstEvent(result as AsyncIterable<unknown>, abort);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw new Error(`${info.path} threw a ${error instanceof Error ? error.constructor.name : typeof error}, not a TRPCError: ${String(error)}`);
  }
}

/** Reads at most one event (errors surface here), then aborts so the subscription ends. */
async function firstEvent(iterable: AsyncIterable<unknown>, abort: AbortController) {
  const iterator = iterable[Symbol.asyncIterator]();
  const timer = setTimeout(() => abort.abort(), SUBSCRIPTION_GRACE_MS);
  try {
    await iterator.next();
  } finally {
    clearTimeout(timer);
    abort.abort();
    await iterator.return?.();
  }
}

/** The message must say what was wrong: for a validation error, the first offending field's path. */
function expectReadable(info: ProcedureInfo, error: TRPCError) {
  expect(error.message, `${info.path}: empty message`).toMatch(/\S/);
  expect(error.message.length, `${info.path}: message of ${error.message.length} chars`).toBeLessThanOrEqual(2_000);
  const issues = (error.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues;
  if (error.code === "BAD_REQUEST" && Array.isArray(issues) && issues.length) {
    const first = issues[0]!.path.map(String).join(".") || "input";
    expect(error.message, `${info.path}: message does not name ${first}`).toContain(`${first}:`);
  }
}

function expectClientError(info: ProcedureInfo, input: unknown, outcome: "OK" | TRPCError) {
  const tally = tallyOf(info.path);
  tally.thrown++;
  if (outcome === "OK") {
    tally.ok++;
    return;
  }
  tally.codes[outcome.code] = (tally.codes[outcome.code] ?? 0) + 1;
  const status = getHTTPStatusCodeFromError(outcome);
  const allowed = status < 500 || (UPSTREAM_FAILURE_ALLOWED.has(info.path) && outcome.code === "BAD_GATEWAY");
  if (!allowed) {
    const cause = outcome.cause instanceof Error ? outcome.cause.stack : String(outcome.cause);
    throw new Error(`${info.path} answered ${outcome.code} (${status}) to ${describeInput(input)}: ${outcome.message}\n${cause}`);
  }
  expectReadable(info, outcome);
}

function describeInput(input: unknown): string {
  try {
    const text = fc.stringify(input);
    return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  } catch {
    return String(input);
  }
}

describe("every tRPC procedure survives hostile input", () => {
  const procedures = allProcedures();
  let h: Harness;
  let taskId: string;
  let strings: fc.Arbitrary<string>;

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    const rows = [...tallies].map(([path, t]) => `${path.padEnd(28)} ${String(t.thrown).padStart(4)} inputs  ${String(t.ok).padStart(3)} ok  ${JSON.stringify(t.codes)}`);
    const total = [...tallies.values()].reduce((sum, t) => sum + t.thrown, 0);
    console.log(`fuzzed ${tallies.size} procedures with ${total} inputs (seed ${SEED})\n${rows.join("\n")}`);
  });

  it("has examples only for procedures that exist", () => {
    const paths = new Set(procedures.map((p) => p.path));
    expect(Object.keys(EXAMPLES).filter((path) => !paths.has(path))).toEqual([]);
  });

  it("sets up a harness with a finished task", async () => {
    h = await createHarness();
    taskId = (await h.as("admin").tasks.submit({ prompt: "What is 2 + 2?", constraints: {}, strategy: "single", policy: "balanced" })).id;
    await waitForTask(h, taskId);
    const suite = await h.as("admin").discovery.createSuite({ name: "Fuzzed items", capability: "code" });
    for (const example of [EXAMPLES["discovery.addItem"]].flat() as { suiteId: string }[]) if (example.suiteId === CUSTOM_SUITE) example.suiteId = suite.id;
    strings = plausibleStrings(h, taskId);
  });

  for (const info of procedures) {
    it(`${info.path} answers with a result or a 4xx naming the problem`, async () => {
      const schema = info.inputs[0];
      const examples = [EXAMPLES[info.path] ?? []].flat();
      const fromSchema = schema ? hostileInput(schema, strings) : malformedValue;
      const input = examples.length ? fc.oneof(fromSchema, ...examples.map((example) => nearlyValid(example, strings))) : fromSchema;
      await fc.assert(
        fc.asyncProperty(input, async (value) => expectClientError(info, value, await outcomeOf(h, info, value))),
        { seed: SEED, numRuns: schema ? RUNS_PER_PROCEDURE : RUNS_WITHOUT_INPUT, endOnFailure: true },
      );
    });
  }

  it("leaves Object.prototype untouched", () => {
    expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it("still serves well-formed calls afterwards", async () => {
    const admin = h.as("admin");
    expect(Array.isArray(await admin.models.list())).toBe(true);
    expect((await admin.tasks.list({ page: 1, pageSize: 5 })).total).toBeGreaterThan(0);
    const created = await admin.models.create({
      id: `after-fuzz-${Date.now()}`,
      name: "After fuzz",
      providerId: "simulated",
      remoteModel: "after-fuzz",
      contextWindow: 8192,
      inputUsdPerMTok: 0.1,
      outputUsdPerMTok: 0.2,
      enabled: true,
      simulated: { seed: 1, skills: { math: 0.9 }, latency: { ttftMs: 0, tokensPerSec: 1000, jitter: 0 }, faults: { errorRate: 0, rateLimitRate: 0, timeoutRate: 0, cutStreamRate: 0 } },
    });
    expect(created).toBeTruthy();
    const { id } = await admin.tasks.submit({ prompt: "What is 3 + 4?", constraints: {}, strategy: "single", policy: "balanced" });
    const finished = await waitForTask(h, id);
    expect(["completed", "failed"]).toContain(finished.status);
  });
});

describe("every top-level field has a limit", () => {
  it("refuses a 1,000,000-character value in any field with a 4xx naming that field", async () => {
    const h = await createHarness();
    const huge = "x".repeat(1_000_000);
    let checked = 0;
    for (const info of allProcedures()) {
      const shape = (info.inputs[0] as { shape?: Record<string, unknown> } | undefined)?.shape;
      if (!shape) continue;
      for (const key of Object.keys(shape)) {
        const base = ([EXAMPLES[info.path]].flat()[0] as Record<string, unknown> | undefined) ?? {};
        const outcome = await outcomeOf(h, info, { ...base, [key]: huge });
        const refused = outcome === "OK" ? "OK" : getHTTPStatusCodeFromError(outcome) < 500;
        expect([info.path, key, refused]).toEqual([info.path, key, true]);
        if (outcome !== "OK") {
          expect(outcome.message, `${info.path}.${key}`).toContain(key);
          expect(outcome.message.length, `${info.path}.${key}`).toBeLessThanOrEqual(2_000);
        }
        checked++;
      }
    }
    console.log(`checked ${checked} top-level fields with a 1 MB value`);
    expect(checked).toBeGreaterThan(50);
  });
});

describe("well-formed but wrong", () => {
  it("names the unknown id, the broken rule or the missing precondition", async () => {
    const h = await createHarness();
    const admin = h.as("admin");
    const codeAndMessage = async (call: Promise<unknown>) => {
      try {
        await call;
        return "OK";
      } catch (error) {
        return error instanceof TRPCError ? `${error.code} ${error.message}` : `THROWN ${String(error)}`;
      }
    };
    expect(await codeAndMessage(admin.tasks.get({ id: "no-such-task" }))).toMatch(/^NOT_FOUND .*no-such-task/);
    expect(await codeAndMessage(admin.models.get({ id: "no-such-model" }))).toMatch(/^NOT_FOUND .*no-such-model/);
    expect(await codeAndMessage(admin.models.delete({ id: "no-such-model" }))).toMatch(/^NOT_FOUND/);
    expect(await codeAndMessage(admin.users.delete({ id: h.users.admin.id }))).toMatch(/^BAD_REQUEST id: /);
    expect(await codeAndMessage(admin.users.setRole({ id: h.users.admin.id, role: "viewer" }))).toMatch(/^BAD_REQUEST role: /);
    expect(await codeAndMessage(admin.users.create({ email: "admin@test.local", name: "dup", password: "0123456789", role: "viewer" }))).toMatch(/^CONFLICT /);
    expect(await codeAndMessage(admin.profiles.feedback({ taskId: "no-such-task", rating: "up" }))).toMatch(/^NOT_FOUND|^BAD_REQUEST|^PRECONDITION_FAILED/);
    expect(await codeAndMessage(admin.discovery.start({ modelId: "no-such-model" }))).toMatch(/^NOT_FOUND .*no-such-model/);
    expect(await codeAndMessage(admin.lab.start({ dataset: "no-such-dataset" }))).toMatch(/^NOT_FOUND|^BAD_REQUEST/);
    expect(await codeAndMessage(admin.providers.testConnection({ id: "no-such-provider", remoteModel: "x" }))).toMatch(/^NOT_FOUND/);
    expect(await codeAndMessage(admin.tasks.submit({ prompt: "x".repeat(100_001), constraints: {}, strategy: "auto", policy: "balanced" }))).toMatch(
      /^BAD_REQUEST prompt: must be at most 100,000 characters/,
    );
    // a subscription to a task that does not exist fails like a query would
    expect(await codeAndMessage(firstOf(admin.tasks.watch({ id: "no-such-task" })))).toMatch(/^NOT_FOUND .*no-such-task/);
  });
});

async function firstOf(subscription: Promise<AsyncIterable<unknown>>) {
  const iterator = (await subscription)[Symbol.asyncIterator]();
  try {
    return await iterator.next();
  } finally {
    await iterator.return?.();
  }
}
