import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { STRATEGIES } from "@/server/orchestrator/spec";
import { bootstrap, createServices } from "@/server/services/app";

process.env.ENSEMBLE_SECRET ??= "test-secret-for-vitest-only-0123456789";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

/**
 * Bad arguments in a real CLI process: every one is refused with a single `error: …` line that names the flag
 * the user typed, and exit code 2 — before the database is touched.
 */
describe("CLI: argument checking", () => {
  let dir: string;
  let file: string;
  let labDir: string;

  const cli = async (databaseUrl: string, ...args: string[]) => {
    try {
      const { stdout, stderr } = await run(tsx, ["server/cli.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  /** exit code 2 and exactly one line on stderr (so no stack trace), nothing on stdout */
  const refused = async (args: string[], message: string) => {
    const result = await cli(file, ...args);
    expect({ args, ...result }).toEqual({ args, code: 2, stdout: "", stderr: `error: ${message}\n` });
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "ensemble-cli-args-"));
    file = path.join(dir, "ensemble.db");
    // seeded here, so the CLI's runs print no first-start notices
    await bootstrap(createServices(createDb(file)), () => undefined);
    labDir = path.join(dir, "lab");
    mkdirSync(labDir);
    const ids = Array.from({ length: 12 }, (_, i) => `q-${i}`);
    writeFileSync(path.join(labDir, "items.jsonl"), ids.map((id, i) => JSON.stringify({ id, family: i % 2 ? "gsm" : "other", prompt: `What is ${i} + ${i}?` })).join("\n"));
    writeFileSync(
      path.join(labDir, "outcomes.jsonl"),
      ids
        .flatMap((id, i) => [
          { id, model: "cheap", correct: i % 3 !== 0, answer: String(2 * i), outputChars: 40 },
          { id, model: "strong", correct: true, answer: String(2 * i), outputChars: 200 },
        ])
        .map((o) => JSON.stringify(o))
        .join("\n"),
    );
    writeFileSync(path.join(labDir, "models.json"), JSON.stringify([{ id: "cheap", inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2 }, { id: "strong", inputUsdPerMTok: 5, outputUsdPerMTok: 15 }]));
  }, 30_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lab --seed takes only what lab.start takes: a whole number from 0 to 2^31-1", async () => {
    await refused(["lab", "--data", labDir, "--seed", "1e20"], `--seed must be a whole number from 0 to 2147483647 (got "1e20")`);
    await refused(["lab", "--data", labDir, "--seed=-5"], `--seed must be a whole number from 0 to 2147483647 (got "-5")`);
    await refused(["lab", "--data", labDir, "--seed", "2147483648"], `--seed must be a whole number from 0 to 2147483647 (got "2147483648")`);
    await refused(["lab", "--data", labDir, "--seed="], `--seed must be a whole number from 0 to 2147483647 (got "")`);
    const ok = await cli(file, "lab", "--data", labDir, "--seed", "2147483647", "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ split: expect.any(Object), policies: expect.any(Array) });
  }, 60_000);

  it("refuses unknown flags, naming the flag and listing the command's flags", async () => {
    await refused(["models", "list", "--bogus"], `unknown flag --bogus for "models list"; its flags: --json`);
    await refused(["tasks", "list", "--stat", "running"], `unknown flag --stat for "tasks list"; its flags: --json, --status, --limit`);
    await refused(["lab", "--data", labDir, "--sed", "1"], `unknown flag --sed for "lab"; its flags: --data, --dataset, --history, --seed, --json`);
    await refused(
      ["run", "hello", "--max-costs", "1"],
      `unknown flag --max-costs for "run"; its flags: --json, --strategy, --policy, --max-cost, --max-latency, --no-cache; text that starts with "-" goes after "--"`,
    );
    await refused(["keys", "list", "--name=x"], `unknown flag --name for "keys list"; its flags: --json`);
    await refused(["models", "list", "--json=yes"], `--json takes no value (got "--json=yes")`);
    await refused(["tasks", "list", "--status"], `--status needs a value`);
    await refused(["tasks", "list", "extra"], `unexpected argument "extra" for "tasks list"; see "npm run cli -- help"`);
  }, 120_000);

  it("takes flags before the subcommand, or says which subcommand it expected", async () => {
    const before = await cli(file, "models", "--json", "list");
    expect(before.code).toBe(0);
    expect((JSON.parse(before.stdout) as Array<{ id: string }>).map((m) => m.id)).toContain("sim-swift-mini");
    const after = await cli(file, "models", "list", "--json");
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    const tasks = await cli(file, "tasks", "--limit", "5", "list", "--json");
    expect(tasks).toMatchObject({ code: 0, stdout: "[]\n" });
    await refused(["models", "--json"], `models needs a subcommand; try "models list" or "models add --json '<spec>'"`);
    await refused(["models", "--json", "remove"], `unknown models subcommand "remove"; try "models list" or "models add --json '<spec>'"`);
  }, 60_000);

  it("names the flag the user typed, not the schema field behind it", async () => {
    await refused(["run", "What is 2 + 2?", "--max-cost", "abc"], "--max-cost: must be a number");
    await refused(["route", "What is 2 + 2?", "--max-latency", "0"], "--max-latency: must be greater than 0");
    await refused(["route", "What is 2 + 2?", "--strategy", "best"], `--strategy: must be one of ${STRATEGIES.join(", ")}`);
    await refused(["keys", "create", "--name", "k", "--budget", "abc"], "--budget: must be a number");
    await refused(["keys", "create", "--name", "k", "--rate-limit", "1.5"], "--rate-limit: must be a whole number");
    await refused(["keys", "create", "--name", " "], "--name: is required");
    await refused(["tasks", "list", "--limit", "0"], "--limit: must be at least 1");
    await refused(["tasks", "list", "--limit", "1e20"], "--limit: must be a whole number");
  }, 120_000);

  it("checks the arguments before it opens the database", async () => {
    const untouched = path.join(dir, "never", "ensemble.db");
    const result = await cli(untouched, "run", "hi", "--max-cost", "x");
    expect(result).toMatchObject({ code: 2, stderr: "error: --max-cost: must be a number\n" });
    expect(existsSync(path.dirname(untouched))).toBe(false);
  }, 60_000);
});
