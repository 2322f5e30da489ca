import type { GraderSpec, SuiteItem } from "../suite-types";

/** A minimal valid item for grader tests. */
export function testItem(grader: GraderSpec, extra: Partial<SuiteItem> = {}): SuiteItem {
  return { id: "test.item.01", capability: "knowledge", prompt: "A test question?", grader, ...extra };
}
