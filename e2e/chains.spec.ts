import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { E2E_ADMIN, login } from "./fixtures";

test("a mixture task shows its chain and every node turns complete live", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.goto("/tasks/new");
  await page.getByLabel("Prompt").fill("Write a warm welcome note for new members of a chess club.");
  await page.getByLabel("Strategy").selectOption("mixture");
  await page.getByRole("button", { name: "Submit task" }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);

  const graph = page.getByTestId("chain-graph");
  await expect(graph).toBeVisible();
  // three proposers and an aggregator, started live and all completed
  const stepSelector = '[data-testid^="chain-node-"]:not([data-testid="chain-node-input"]):not([data-testid="chain-node-result"]):not([data-testid^="chain-node-plan-"])';
  const steps = graph.locator(stepSelector);
  // seen running first: the graph follows the task live, it is not drawn after the fact
  await expect(graph.locator(`${stepSelector}[data-status="running"]`).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("task-status")).toHaveText(/completed/i, { timeout: 45_000 });
  await expect.poll(async () => steps.count()).toBeGreaterThanOrEqual(4);
  const statuses = await steps.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-status")));
  expect(statuses.filter((s) => s === "completed").length).toBeGreaterThanOrEqual(4);
  await expect(graph.getByTestId("chain-node-result")).toHaveAttribute("data-status", "completed");

  await steps.first().click();
  await expect(page.getByTestId("chain-step-panel")).toBeVisible();
  // a mixture's page with the step panel open passes axe (the accessibility spec sees a one-model task)
  expect(await axeViolations(page)).toEqual([]);
});

test("the demo button submits a batch across strategies", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.getByRole("button", { name: "Run demo batch" }).click();
  await expect(page.getByText(/Submitted \d+ tasks/)).toBeVisible();
  await page.goto("/tasks");
  await expect(page.getByTestId("task-row").first()).toBeVisible();
  await expect.poll(async () => page.getByTestId("task-row").count()).toBeGreaterThanOrEqual(10);
});

test("cancelling a running task asks first, then shows the task and the cut calls as cancelled", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.goto("/tasks/new");
  await page.getByLabel("Prompt").fill("Write a long, detailed history of lighthouses and the people who kept them.");
  await page.getByLabel("Strategy").selectOption("mixture");
  await page.getByRole("button", { name: "Submit task" }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);
  const graph = page.getByTestId("chain-graph");
  await expect(graph.locator('[data-testid^="chain-node-"][data-status="running"]').first()).toBeVisible({ timeout: 20_000 });

  // the first click only asks; "Keep running" leaves the task alone
  await page.getByRole("button", { name: "Cancel task" }).click();
  await expect(page.getByTestId("cancel-confirm")).toBeVisible();
  await page.getByRole("button", { name: "Keep running" }).click();
  await expect(page.getByTestId("cancel-confirm")).toHaveCount(0);
  await expect(page.getByTestId("task-status")).toHaveText(/running/i);

  await page.getByRole("button", { name: "Cancel task" }).click();
  await page.getByTestId("cancel-confirm").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("task-status")).toHaveText(/cancelled/i, { timeout: 20_000 });
  await expect(page.getByTestId("task-cancelled")).toBeVisible();
  await expect(page.getByTestId("task-error")).toHaveCount(0);
  // the calls the cancel cut short read as cancelled (amber), not failed, in the steps table and on the graph
  await expect.poll(async () => page.getByTestId("step-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")))).toContain("cancelled");
  await expect(graph.locator('[data-testid^="chain-node-"]:not([data-testid="chain-node-result"])[data-status="cancelled"]').first()).toBeVisible();
  await expect(graph.locator('[data-testid^="chain-node-"][data-status="running"]')).toHaveCount(0);
});
