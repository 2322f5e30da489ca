import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { E2E_ADMIN, login } from "./fixtures";

test("an admin overrides a score by hand and runs discovery with live progress", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.goto("/models/sim-swift-mini");
  await expect(page.getByTestId("profile-table")).toBeVisible();

  const math = page.getByTestId("profile-row-math");
  await math.getByRole("button", { name: "Override Math" }).click();
  await math.getByLabel("Manual Math score, 0 to 1").fill("0.8");
  await math.getByRole("button", { name: "Save" }).click();
  await expect(math.getByTestId("manual-override")).toHaveAttribute("data-score", "0.8");
  await expect(math).toHaveAttribute("data-manual", "true");

  // discovery on one capability of a fast model: progress shows live, the result lands in the profile
  const form = page.getByTestId("run-discovery-form");
  await form.getByTestId("capability-picker").locator("summary").click();
  await form.getByRole("button", { name: "None" }).click();
  await form.getByLabel("Classification").check();
  await form.getByTestId("run-discovery").click();
  await expect(page.getByTestId("discovery-progress")).toBeVisible();
  await expect(page.getByTestId("discovery-progress")).toHaveAttribute("data-status", "complete", { timeout: 45_000 });
  await expect(page.getByTestId("discovery-result")).toBeVisible();
  await expect(page.getByTestId("profile-row-classification")).toHaveAttribute("data-source", "discovered");
  await expect(page.getByTestId("profile-history-chart")).toBeVisible();
  // the model page after a discovery run (result, history chart) passes axe
  expect(await axeViolations(page)).toEqual([]);
});
