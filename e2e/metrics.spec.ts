import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { E2E_ADMIN, login } from "./fixtures";

test("metrics: the demo batch shows up in the dashboards, and the range picker changes the buckets", async ({ page, request }) => {
  await login(page, E2E_ADMIN);
  await page.getByRole("button", { name: "Run demo batch" }).click();
  await expect(page.getByText(/Submitted \d+ tasks/)).toBeVisible();

  await page.getByRole("link", { name: "Metrics", exact: true }).first().click();
  await expect(page).toHaveURL(/\/metrics/);
  await expect(page.getByTestId("metrics-range-label")).toHaveText("Last hour");
  await expect(page.getByTestId("metrics-bucket-count")).toHaveText("60");

  // live refresh: the throughput KPI turns non-zero and the chart draws bars once tasks land
  await expect(page.getByTestId("kpi-throughput").getByTestId("kpi-value")).not.toHaveText("0", { timeout: 30_000 });
  const chart = page.getByTestId("metrics-tasks-chart");
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle path, .recharts-rectangle").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("roster-health-row").first()).toBeVisible();
  await expect(page.getByTestId("breaker-summary")).toHaveText(/closed|open/);

  await page.getByRole("button", { name: "24h" }).click();
  await expect(page.getByTestId("metrics-range-label")).toHaveText("Last 24 hours");
  await expect(page.getByTestId("metrics-bucket-count")).toHaveText("24");
  await expect(chart).toHaveAttribute("data-buckets", "24");
  await expect(page).toHaveURL(/range=24h/);
  expect(await axeViolations(page)).toEqual([]);

  // per-model page: the busiest model has calls, a latency histogram and a cost chart
  await page.getByTestId("stats-by-model").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/metrics\/models\//);
  await expect(page.getByTestId("latency-histogram").locator(".recharts-surface")).toBeVisible();
  await expect(page.getByTestId("cost-chart")).toBeVisible();
  // both dashboards with data in them pass axe (the accessibility spec sees them nearly empty)
  expect(await axeViolations(page)).toEqual([]);

  // the Prometheus endpoint refuses anonymous scrapes; health is public
  expect((await request.get("/api/metrics", { headers: { cookie: "" } })).status()).toBe(401);
  const health = await request.get("/api/health");
  expect([200, 503]).toContain(health.status());
  expect(await health.json()).toMatchObject({ database: true });
});
