import { createCodeSandbox, type RunCode } from "./runner";

export { createCodeSandbox, childFlags, type CodeSandboxOptions, type RunCode } from "./runner";

let shared: { runCode: RunCode } | undefined;

/** One sandbox per server process, so the concurrency cap holds across every discovery run. */
export function sharedCodeSandbox(): { runCode: RunCode } {
  shared ??= createCodeSandbox();
  return shared;
}
