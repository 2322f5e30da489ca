import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createGroupCommit, DEFAULT_GROUP_COMMIT_MS, groupCommitMsFromEnv } from "./group-commit";

const dirs: string[] = [];
function twoConnections() {
  const dir = mkdtempSync(path.join(tmpdir(), "group-commit-"));
  dirs.push(dir);
  const file = path.join(dir, "g.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("create table t (n integer)");
  return { writer, reader: new Database(file, { readonly: true }) };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const count = (db: Database.Database) => (db.prepare("select count(*) as n from t").get() as { n: number }).n;

describe("group commit", () => {
  it("gathers the writes of a window into one transaction that other connections see once it commits", async () => {
    const { writer, reader } = twoConnections();
    const group = createGroupCommit(writer, 20);
    group.enter();
    writer.exec("insert into t values (1)");
    group.enter(); // already open: joins the same transaction
    writer.exec("insert into t values (2)");
    expect(count(writer)).toBe(2);
    expect(count(reader)).toBe(0);
    await new Promise((r) => setTimeout(r, 40));
    expect(writer.inTransaction).toBe(false);
    expect(count(reader)).toBe(2);
  });

  it("commits the open group at once on commitNow, so another connection sees it without waiting", async () => {
    const { writer, reader } = twoConnections();
    const group = createGroupCommit(writer, 1000);
    group.enter();
    writer.exec("insert into t values (1)");
    group.commitNow();
    expect(count(reader)).toBe(1);
    group.commitNow(); // nothing open: a no-op
    group.enter();
    writer.exec("insert into t values (2)");
    expect(count(reader)).toBe(1);
    group.commitNow();
    expect(count(reader)).toBe(2);
  });

  it("with a window of 0 commits on the next event-loop turn", async () => {
    const { writer, reader } = twoConnections();
    const group = createGroupCommit(writer, 0);
    group.enter();
    writer.exec("insert into t values (1)");
    await new Promise((r) => setImmediate(r));
    expect(count(reader)).toBe(1);
  });

  it("reads ENSEMBLE_GROUP_COMMIT_MS, naming the variable and its range when it is wrong", () => {
    expect(groupCommitMsFromEnv({} as NodeJS.ProcessEnv)).toBe(DEFAULT_GROUP_COMMIT_MS);
    expect(groupCommitMsFromEnv({ ENSEMBLE_GROUP_COMMIT_MS: "0" } as unknown as NodeJS.ProcessEnv)).toBe(0);
    expect(() => groupCommitMsFromEnv({ ENSEMBLE_GROUP_COMMIT_MS: "-1" } as unknown as NodeJS.ProcessEnv)).toThrow(/ENSEMBLE_GROUP_COMMIT_MS must be a whole number of ms from 0 to 1000/);
  });
});
