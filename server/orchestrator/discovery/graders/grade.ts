import { builtinAnswerKeys } from "../answer-keys";
import type { GenerateResult } from "../../spec";
import { suiteItemSchema, type GradeResult, type SuiteItem } from "../suite-types";
import { gradeChrf } from "./chrf";
import { gradeCode } from "./code";
import { gradeExact } from "./exact";
import { gradeJson } from "./json";
import { gradeLabel } from "./label";
import { gradeNumeric } from "./numeric";
import { brokenResult, type GraderPorts } from "./ports";
import { gradeRubric } from "./rubric";
import { disagreesWithTruth, gradeBySimulatedTruth, truthDisagreement } from "./simulated";

/** Grades a reply's text with the item's own grader. Throws only if a grader or a port throws. */
export function gradeText(item: SuiteItem, response: string, ports: GraderPorts): Promise<GradeResult> {
  switch (item.grader.kind) {
    case "exact":
      return gradeExact({ ...item, grader: item.grader }, response, ports);
    case "numeric":
      return gradeNumeric({ ...item, grader: item.grader }, response, ports);
    case "label":
      return gradeLabel({ ...item, grader: item.grader }, response, ports);
    case "code":
      return gradeCode({ ...item, grader: item.grader }, response, ports);
    case "json":
      return gradeJson({ ...item, grader: item.grader }, response, ports);
    case "chrf":
      return gradeChrf({ ...item, grader: item.grader }, response, ports);
    case "rubric":
      return gradeRubric({ ...item, grader: item.grader }, response, ports);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The grader entry point. Never throws: an item that is invalid (e.g. stored before a schema change), whose
 * grader throws, or that needs a port that is missing comes back as `{ broken: true, detail }` naming the
 * item, so discovery can skip and report it. Simulated models are graded by their hidden truth on items
 * they have no answer key for (see simulated.ts); everything else goes through the real graders.
 */
export async function gradeItem(item: SuiteItem, result: GenerateResult, ports: GraderPorts = {}): Promise<GradeResult> {
  const parsed = suiteItemSchema.safeParse(item);
  // items may come from storage written under an older schema: look at the id defensively
  const id = typeof item === "object" && item !== null && typeof item.id === "string" ? item.id : "(no id)";
  if (!parsed.success) {
    return brokenResult(`item ${id} is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const valid = parsed.data;
  try {
    const keyed = (ports.answerKeys ?? builtinAnswerKeys).lookup(valid.prompt);
    const truth = result.simulatedTruth;
    if (truth && !keyed) {
      const byTruth = gradeBySimulatedTruth(valid, truth);
      return byTruth.broken ? { ...byTruth, detail: `item ${valid.id}: ${byTruth.detail}` } : byTruth;
    }
    const graded = await gradeText(valid, result.text, ports);
    if (graded.broken) return { ...graded, detail: `item ${valid.id}: ${graded.detail}` };
    if (truth && disagreesWithTruth(graded, result)) return truthDisagreement(valid, graded, truth.capability, truth.correct);
    return graded;
  } catch (error) {
    return brokenResult(`item ${valid.id}: grader failed: ${describe(error)}`);
  }
}
