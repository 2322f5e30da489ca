import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** Every axe-core violation on the page as one line each (impact, rule, element, what to fix); [] when it passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.impact ?? "?"} ${v.id}: ${n.target.join(" ")} — ${v.help}`));
}
