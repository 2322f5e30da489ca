import { expect, test } from "@playwright/test";
import { E2E_ADMIN, login } from "./fixtures";

test("the roster shows every model's circuit breaker, and an admin edits a model's resilience settings", async ({ page }) => {
  await login(page, E2E_ADMIN);

  // home: each roster card carries its breaker state
  await page.goto("/");
  const card = page.getByTestId("model-card").first();
  await expect(card.getByTestId("breaker-badge")).toHaveAttribute("data-breaker-state", /^(closed|open|half-open)$/);

  await page.goto("/models");
  const row = page.locator('[data-testid="model-row"][data-model-id="sim-glitch"]');
  await expect(row.getByTestId("breaker-badge")).toHaveAttribute("data-breaker-state", /^(closed|open|half-open)$/);

  await row.getByRole("button", { name: /^Edit / }).click();
  const form = page.getByTestId("model-form");
  await form.getByLabel("Use this model's own resilience settings").check();
  await form.getByLabel("Probe after (ms)").fill("5");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByText("must be at least 100 ms")).toBeVisible();

  await form.getByLabel("Probe after (ms)").fill("20000");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form).toBeHidden();
  // saved: the form opens again with the model's own settings
  await row.getByRole("button", { name: /^Edit / }).click();
  await expect(page.getByTestId("model-form").getByLabel("Probe after (ms)")).toHaveValue("20000");
});
