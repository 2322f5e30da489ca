import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Source for `new Worker(source, { eval: true })` that runs a TypeScript entry: the worker registers tsx's
 * loader (which also resolves the "@/" paths of tsconfig.json) and then imports it. Both resolve from the
 * working directory, like the migrations folder (db/client.ts), so the tsx-run server, the tests and Next's
 * bundle all find them.
 */
export function tsWorkerSource(entryFromRoot: string): string {
  const entry = pathToFileURL(path.join(/*turbopackIgnore: true*/ process.cwd(), entryFromRoot)).href;
  return `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}
