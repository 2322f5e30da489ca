import { expect, test, type Page } from "@playwright/test";
import { axeViolations as violations } from "./axe";
import { E2E_ADMIN, login } from "./fixtures";

/**
 * axe-core (every rule it runs by default: WCAG 2.x A and AA, plus its best practices) on every dashboard page
 * at desktop and phone widths, and on the forms that open in dialogs. Any violation fails, whatever its impact.
 */

const PAGES = ["/", "/tasks", "/tasks/new", "/models", "/models/sim-swift-mini", "/capabilities", "/metrics", "/metrics/models/sim-swift-mini", "/lab", "/users", "/keys", "/tasks/tsk_missing"];

const DIALOGS: Array<{ page: string; button: RegExp }> = [
  { page: "/models", button: /^Add model$/ },
  { page: "/models", button: /^Add provider$/ },
  { page: "/capabilities", button: /^New suite$/ },
  { page: "/models", button: /^Edit / },
  { page: "/models", button: /^Delete / },
];

async function settle(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test("every page passes axe at desktop and phone widths, and so do the dialogs", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await settle(page, "/login");
  expect({ url: "/login", violations: await violations(page) }).toEqual({ url: "/login", violations: [] });
  await login(page, E2E_ADMIN);
  // a finished task, so its page (plan, candidates, chain graph, steps) is checked too
  await page.goto("/tasks/new");
  await page.getByLabel("Prompt").fill("What is 17 times 23?");
  await page.getByRole("button", { name: "Submit task" }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);
  await expect(page.getByTestId("task-status")).toHaveText(/completed/i, { timeout: 45_000 });
  const pages = [...PAGES, new URL(page.url()).pathname];

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const url of pages) {
      await settle(page, url);
      expect({ url, width: viewport.width, violations: await violations(page) }).toEqual({ url, width: viewport.width, violations: [] });
    }
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  for (const { page: url, button } of DIALOGS) {
    await settle(page, url);
    await page.getByRole("button", { name: button }).first().click();
    await expect(page.getByRole("dialog").or(page.getByRole("alertdialog"))).toBeVisible();
    expect({ url, dialog: String(button), violations: await violations(page) }).toEqual({ url, dialog: String(button), violations: [] });
  }
});
