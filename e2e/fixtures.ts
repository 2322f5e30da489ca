import { expect, type Page } from "@playwright/test";

export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

export async function login(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-email")).toHaveText(credentials.email);
}

export async function logout(page: Page) {
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
}
