import { expect, test } from "@playwright/test";
import { axeViolations } from "./axe";
import { E2E_ADMIN, login } from "./fixtures";

/** A small data set in the replay format, built here so the spec needs no file outside the repository. */
function tinyDataset() {
  const ids = Array.from({ length: 40 }, (_, i) => `q-${i}`);
  const items = ids.map((id, i) => JSON.stringify({ id, family: i % 2 ? "gsm" : "other", prompt: `What is ${i} + ${i}? Answer with a number.` })).join("\n");
  const outcomes = ids
    .flatMap((id, i) => [
      { id, model: "cheap-a", correct: i % 3 !== 0, answer: i % 3 !== 0 ? String(2 * i) : "0", outputChars: 40 },
      { id, model: "cheap-b", correct: i % 4 !== 0, answer: i % 4 !== 0 ? String(2 * i) : "1", outputChars: 40 },
      { id, model: "strong", correct: true, answer: String(2 * i), outputChars: 200 },
    ])
    .map((o) => JSON.stringify(o))
    .join("\n");
  const models = JSON.stringify([
    { id: "cheap-a", inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2 },
    { id: "cheap-b", inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.4 },
    { id: "strong", inputUsdPerMTok: 5, outputUsdPerMTok: 15 },
  ]);
  const file = (name: string, text: string, mimeType: string) => ({ name, mimeType, buffer: Buffer.from(text) });
  return { items: file("items.jsonl", items, "text/plain"), outcomes: file("outcomes.jsonl", outcomes, "text/plain"), models: file("models.json", models, "application/json") };
}

test("lab: upload a data set, run it with live progress, read the chart and table, reopen the stored run", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, E2E_ADMIN);
  await page.goto("/lab");
  await expect(page.getByRole("heading", { name: "Routing lab" })).toBeVisible();

  const data = tinyDataset();
  const upload = page.getByTestId("lab-upload");
  await upload.getByLabel("Name").fill("e2e-tiny");
  await upload.getByLabel("items.jsonl").setInputFiles(data.items);
  await upload.getByLabel("outcomes.jsonl").setInputFiles(data.outcomes);
  await upload.getByLabel("models.json").setInputFiles(data.models);
  await upload.getByRole("button", { name: "Import data set" }).click();
  await expect(page.getByText("Imported e2e-tiny: 40 items, 120 outcomes, 3 models.")).toBeVisible();

  // the same name again is not overwritten silently: the form asks, and replaces only when told to
  await upload.getByRole("button", { name: "Import data set" }).click();
  const conflict = page.getByTestId("lab-upload-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("button", { name: "Keep the existing set" })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await conflict.getByRole("button", { name: "Replace" }).click();
  await expect(page.getByText("Replaced e2e-tiny: 40 items, 120 outcomes, 3 models.")).toBeVisible();
  await expect(conflict).toBeHidden();

  await page.getByLabel("Evaluate").selectOption("e2e-tiny");
  await page.getByTestId("lab-run").click();
  const progress = page.getByTestId("lab-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-status", "complete", { timeout: 60_000 });

  const chart = page.getByTestId("lab-chart");
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  await expect(chart.locator(".recharts-scatter-symbol, .recharts-symbols").first()).toBeVisible();
  await expect(page.getByTestId("lab-row").filter({ hasText: "balanced" }).first()).toBeVisible();
  await expect(page.getByTestId("lab-row").filter({ hasText: "strong" }).first()).toBeVisible();
  await expect(page.getByTestId("lab-standing-row").first()).toBeVisible();
  await expect(page.getByTestId("lab-learning-row").first()).toBeVisible();
  await expect(page.getByTestId("lab-verdict")).toBeVisible();

  // stored: after a reload the run is listed and reopens with its report
  await page.reload();
  const row = page.getByTestId("lab-run-row").filter({ hasText: "e2e-tiny" }).first();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Open" }).click();
  await expect(page.getByTestId("lab-table")).toBeVisible();
  await expect(page.getByTestId("lab-progress")).toHaveAttribute("data-status", "complete");
  // the full report (verdict, chart, tables) passes axe too; the accessibility spec sees only the empty lab
  expect(await axeViolations(page)).toEqual([]);
});

test("lab: shadow evaluation settings are validated and saved", async ({ page }) => {
  await login(page, E2E_ADMIN);
  await page.goto("/lab");
  const shadow = page.getByTestId("lab-shadow");
  await shadow.getByLabel("Share of tasks (0–1)").fill("2");
  await shadow.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("lab-shadow-error")).toContainText("fraction must be at most 1");
  await shadow.getByLabel("Share of tasks (0–1)").fill("0");
  await shadow.getByRole("button", { name: "Save" }).click();
  await expect(shadow.getByText("Saved.")).toBeVisible();
});
