import { extractCode } from "./code-extract";
import { DEFAULT_RUN_LIMITS, brokenResult, verdict, type Grader } from "./ports";

/**
 * Runs the reply's function against the item's test cases through the `runCode` port (server/sandbox: a
 * separate, memory-capped, time-limited process). Partial credit is the share of cases passed; a pass
 * needs every case. Without a sandbox the item is broken here, never passed or failed on trust.
 */
export const gradeCode: Grader<"code"> = async (item, response, ports) => {
  if (!ports.runCode) return brokenResult("no code sandbox configured (ports.runCode)");
  const { functionName, cases } = item.grader;
  const source = extractCode(response, functionName);
  if (source === undefined) return verdict(false, 0, "no code in the reply");
  const limits = { ...DEFAULT_RUN_LIMITS, ...(item.grader.timeoutMs ? { timeoutMs: item.grader.timeoutMs } : {}) };
  const run = await ports.runCode(source, functionName, cases, limits);
  const passed = Math.min(run.passed, cases.length);
  const pass = passed === cases.length;
  const detail = `${passed}/${cases.length} test cases passed${run.error ? `: ${run.error}` : ""}`;
  return verdict(pass, passed / cases.length, detail);
};
