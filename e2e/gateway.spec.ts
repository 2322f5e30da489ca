import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { E2E_ADMIN, login } from "./fixtures";

/** the same file playwright.config.ts hands the server */
const DATABASE_URL = path.join(tmpdir(), "ensemble-e2e", "ensemble.db");

/** A key made the way an operator would, with the CLI on the server's database. */
function createKey(name: string, extra: string[] = []): string {
  const out = execFileSync("npm", ["run", "-s", "cli", "--", "keys", "create", "--name", name, ...extra, "--json"], {
    env: { ...process.env, DATABASE_URL, ENSEMBLE_SECRET: "e2e-secret-for-tests-only-0123456789" },
    encoding: "utf8",
  });
  const created = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { key?: string };
  if (!created.key) throw new Error(`keys create printed no key: ${out}`);
  return created.key;
}

test.describe("OpenAI-compatible gateway", () => {
  let client: OpenAI;

  test.beforeAll(() => {
    client = new OpenAI({ baseURL: `${test.info().project.use.baseURL}/api/v1`, apiKey: createKey("e2e"), maxRetries: 0 });
  });

  test("the official client lists models, completes, streams, and the task shows in the dashboard", async ({ page }) => {
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(expect.arrayContaining(["auto", "sim-swift-mini"]));

    const { data, response } = await client.chat.completions
      .create({ model: "sim-swift-mini", messages: [{ role: "user", content: "Gateway e2e: say hello" }] })
      .withResponse();
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-ensemble-models")).toBe("sim-swift-mini");
    const taskId = response.headers.get("x-ensemble-task-id");
    expect(taskId).toMatch(/^tsk_/);

    const stream = await client.chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "Gateway e2e: stream a short greeting" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      usage = chunk.usage?.total_tokens ?? usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage).toBeGreaterThan(0);

    await login(page, E2E_ADMIN);
    await page.goto(`/tasks/${taskId}`);
    await expect(page.getByTestId("task-status")).toContainText(/completed/i);
    await page.goto("/tasks?q=Gateway%20e2e");
    await expect(page.getByTestId("task-row")).toHaveCount(2);
  });

  test("a provider failure falls back to the caller's `models` list", async () => {
    // a simulated model whose every call fails with a 500, added the way an operator would
    execFileSync("npm", ["run", "-s", "cli", "--", "models", "add", "--json", JSON.stringify({ id: "sim-e2e-broken", name: "E2E broken", faults: { errorRate: 1 }, latency: { ttftMs: 20 } })], {
      env: { ...process.env, DATABASE_URL, ENSEMBLE_SECRET: "e2e-secret-for-tests-only-0123456789" },
      encoding: "utf8",
    });
    const params = { model: "sim-e2e-broken", models: ["sim-swift-mini"], messages: [{ role: "user", content: "Gateway e2e: fall back" }] };
    const { data, response } = await client.chat.completions.create(params as OpenAI.ChatCompletionCreateParamsNonStreaming).withResponse();
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(response.headers.get("x-ensemble-models")).toBe("sim-swift-mini");
    // without a list, the caller gets the failure of the model they named
    await expect(client.chat.completions.create({ model: "sim-e2e-broken", messages: [{ role: "user", content: "Gateway e2e: no fallback" }] })).rejects.toMatchObject({
      status: expect.any(Number),
      type: expect.stringMatching(/api_error|service_unavailable/),
    });
  });

  test("errors come back in OpenAI's shape", async ({ request }) => {
    const bad = new OpenAI({ baseURL: client.baseURL, apiKey: "ens_wrong", maxRetries: 0 });
    await expect(bad.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    await expect(client.chat.completions.create({ model: "nope", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ status: 404, code: "model_not_found" });
    await expect(client.chat.completions.create({ model: "auto", messages: [] })).rejects.toMatchObject({ status: 400, param: "messages" });
    const limited = new OpenAI({ baseURL: client.baseURL, apiKey: createKey("e2e-limited", ["--rate-limit", "1"]), maxRetries: 0 });
    await limited.models.list();
    await expect(limited.models.list()).rejects.toMatchObject({ status: 429, code: "rate_limit_exceeded" });
    const unauthenticated = await request.get("/api/v1/models");
    expect(unauthenticated.status()).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });

  test("the gateway's own port (dashboard port + 1, served by the I/O thread) answers the same API", async ({ request, page }) => {
    const origin = new URL(test.info().project.use.baseURL ?? "");
    origin.port = String(Number(origin.port) + 1);
    const direct = new OpenAI({ baseURL: `${origin.origin}/api/v1`, apiKey: client.apiKey, maxRetries: 0 });
    const { data, response } = await direct.chat.completions
      .create({ model: "sim-swift-mini", messages: [{ role: "user", content: "Gateway port e2e: say hello" }] })
      .withResponse();
    expect(data.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(response.headers.get("x-ensemble-task-id")).toMatch(/^tsk_/);
    let streamed = "";
    for await (const chunk of await direct.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Gateway port e2e: stream" }], stream: true })) {
      streamed += chunk.choices[0]?.delta.content ?? "";
    }
    expect(streamed.length).toBeGreaterThan(0);
    const wrongKey = new OpenAI({ baseURL: direct.baseURL, apiKey: "ens_wrong", maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toMatchObject({ status: 401, code: "invalid_api_key" });
    // the dashboard is not served there
    const dashboardPath = await request.get(`${origin.origin}/login`);
    expect(dashboardPath.status()).toBe(404);
    expect(await dashboardPath.json()).toMatchObject({ error: { code: "unknown_url" } });

    // the keys page tells admins both base URLs, the gateway port first
    await login(page, E2E_ADMIN);
    await page.goto("/keys");
    await expect(page.getByTestId("gateway-base-urls")).toContainText(`${origin.hostname}:${origin.port}/api/v1`);
  });
});
