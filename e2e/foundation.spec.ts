import { expect, test } from "@playwright/test";
import { E2E_ADMIN, login, logout } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/models");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toContainText(/wrong email or password/i);
});

test("admin adds a simulated model, submits a task, watches it stream and finds it in the list", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await expect(page.getByTestId("model-card").first()).toBeVisible();

  await page.goto("/models");
  await page.getByRole("button", { name: "Add model" }).first().click();
  const form = page.getByTestId("model-form");
  await form.getByLabel("Model id").fill("sim-e2e-bard");
  await form.getByLabel("Name").fill("E2E Bard");
  await form.getByLabel("Provider").selectOption({ label: "Simulated (simulated)" });
  await form.locator("#model-input-price").fill("0.01");
  await form.locator("#model-output-price").fill("0.02");
  // a slow, cheap writer the router will prefer for writing, so the stream is long enough to watch
  await form.locator("#model-tps").fill("12");
  await form.locator("#model-ttft").fill("100");
  await form.getByText("Starting capability scores (optional)").click();
  await form.locator("#model-initial-writing").fill("0.99");
  await form.getByRole("button", { name: "Add model" }).click();
  const row = page.getByTestId("model-row").filter({ hasText: "E2E Bard" });
  await expect(row).toBeVisible();
  await expect(row.getByTestId("simulated-badge")).toBeVisible();

  await page.goto("/tasks/new");
  await page.getByLabel("Prompt").fill("Write a short poem about the sea at night.");
  await page.getByLabel("Strategy").selectOption("single");
  await page.getByRole("button", { name: "Submit task" }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);
  const taskId = page.url().split("/").pop() ?? "";

  const output = page.getByTestId("task-output");
  await expect(output).toHaveAttribute("data-state", "streaming", { timeout: 20_000 });
  const partial = (await output.textContent()) ?? "";
  await expect(page.getByTestId("task-status")).toHaveText(/completed/i, { timeout: 45_000 });
  await expect(output).toHaveAttribute("data-state", "final");
  const final = (await output.textContent()) ?? "";
  expect(final.length).toBeGreaterThan(partial.length);
  await expect(page.getByTestId("task-model")).toHaveAttribute("data-model-id", "sim-e2e-bard");
  await expect(page.getByTestId("task-cost")).not.toBeEmpty();
  await expect(page.getByTestId("routing-summary")).toBeVisible();

  await page.goto("/tasks");
  await expect(page.getByTestId("task-row").filter({ has: page.locator(`a[href="/tasks/${taskId}"]`) })).toBeVisible();

  // removing a model asks first, then takes effect at once
  await page.goto("/models");
  await page.getByRole("button", { name: "Delete E2E Bard" }).click();
  await page.getByRole("button", { name: "Delete model" }).click();
  await expect(page.getByTestId("model-row").filter({ hasText: "E2E Bard" })).toHaveCount(0);
});

test("a viewer sees the roster but not the add-model form", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.goto("/users");
  const form = page.getByTestId("add-user-form");
  await form.getByLabel("Email").fill("viewer@e2e.test");
  await form.getByLabel("Name").fill("Vera Viewer");
  await form.getByLabel("Password").fill("viewer-password-1");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("add-user-success")).toBeVisible();
  await logout(page);

  await login(page, { email: "viewer@e2e.test", password: "viewer-password-1" });
  await page.goto("/models");
  await expect(page.getByTestId("model-row").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Add model" })).toHaveCount(0);
  await expect(page.getByTestId("model-form")).toHaveCount(0);
  await page.goto("/tasks/new");
  await expect(page.getByTestId("needs-role")).toBeVisible();
});
