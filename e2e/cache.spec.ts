import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN, login } from "./fixtures";

async function submit(page: Page, prompt: string, useCache = true) {
  await page.goto("/tasks/new");
  await page.getByLabel("Prompt").fill(prompt);
  await page.getByLabel("Strategy").selectOption("single");
  if (!useCache) await page.getByLabel("Use cached answers").uncheck();
  await page.getByRole("button", { name: "Submit task" }).click();
  await expect(page).toHaveURL(/\/tasks\/tsk_/);
  await expect(page.getByTestId("task-status")).toHaveText(/completed/i, { timeout: 45_000 });
  return page.url().split("/").pop() ?? "";
}

test("a repeated request is answered from the result cache, marked as such; opting out runs the models", async ({ page }) => {
  await login(page, E2E_ADMIN);
  const prompt = `Name the largest planet in the solar system. (e2e cache ${Date.now()})`;

  const firstId = await submit(page, prompt);
  await expect(page.getByTestId("cached-answer")).toHaveCount(0);
  const answer = (await page.getByTestId("task-output").textContent()) ?? "";
  expect(answer.length).toBeGreaterThan(0);

  await submit(page, prompt);
  await expect(page.getByTestId("cached-answer")).toContainText("Cached answer");
  await expect(page.getByTestId("cached-from")).toHaveAttribute("href", `/tasks/${firstId}`);
  await expect(page.getByTestId("task-output")).toHaveText(answer);

  await submit(page, prompt, false);
  await expect(page.getByTestId("cached-answer")).toHaveCount(0);
});
