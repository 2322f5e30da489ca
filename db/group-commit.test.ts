import Database from "better-sqlite3";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGroupCommit, DEFAULT_GROUP_COMMIT_MS, flushDeferredWrites, groupCommitMsFromEnv, groupOpen, registerDeferredWrites } from "./group-commit";
import { tempDirs } from "./testing/temp-dirs";

const tempDir = tempDirs();
function twoConnections() {
  const dir = tempDir("group-commit-");
  const file = path.join(dir, "g.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("create table t (n integer)");
  return { writer, reader: new Database(file, { readonly: true }) };
}

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

describe("deferred writes", () => {
  /** A writer that holds a count in memory and adds it to a row when flushed (what the metric rollups do). */
  function heldCounter(sqlite: Database.Database) {
    sqlite.exec("create table c (id integer primary key, n integer not null)");
    let held = 0;
    const writes = {
      add: (n: number) => (held += n),
      flush: () => {
        if (held) sqlite.prepare("insert into c (id, n) values (1, ?) on conflict (id) do update set n = n + excluded.n").run(held);
        held = 0;
      },
      discard: () => (held = 0),
    };
    registerDeferredWrites(sqlite, writes);
    return writes;
  }
  const counted = (db: Database.Database) => (db.prepare("select coalesce(sum(n), 0) as n from c").get() as { n: number }).n;

  it("are flushed inside the group right before it commits, so they land with the group's writes", () => {
    const { writer, reader } = twoConnections();
    const held = heldCounter(writer);
    const group = createGroupCommit(writer, 1000);
    expect(groupOpen(writer)).toBe(false);
    group.enter();
    expect(groupOpen(writer)).toBe(true);
    writer.exec("insert into t values (1)");
    held.add(1);
    writer.exec("insert into t values (2)");
    held.add(1);
    expect(counted(writer)).toBe(0);
    group.commitNow();
    expect([count(reader), counted(reader)]).toEqual([2, 2]);
  });

  it("flushDeferredWrites shows them to the writing connection at once, and the commit does not add them twice", () => {
    const { writer, reader } = twoConnections();
    const held = heldCounter(writer);
    const group = createGroupCommit(writer, 1000);
    group.enter();
    held.add(3);
    flushDeferredWrites(writer);
    expect(counted(writer)).toBe(3);
    expect(counted(reader)).toBe(0);
    held.add(2);
    group.commitNow();
    expect(counted(reader)).toBe(5);
  });

  it("are discarded with a group SQLite rolled back, and a failed COMMIT rolls back the group and its flushed writes", () => {
    const { writer, reader } = twoConnections();
    writer.exec("create table parent (id integer primary key); create table child (p integer references parent(id))");
    writer.pragma("foreign_keys = ON");
    const held = heldCounter(writer);
    const group = createGroupCommit(writer, 1000);
    group.enter();
    writer.exec("insert into t values (1)");
    held.add(7);
    writer.exec("ROLLBACK");
    group.enter();
    writer.exec("insert into t values (2)");
    held.add(1);
    group.commitNow();
    expect([count(reader), counted(reader)]).toEqual([1, 1]);

    group.enter();
    writer.exec("insert into t values (3)");
    held.add(1);
    writer.pragma("defer_foreign_keys = ON");
    writer.exec("insert into child values (42)");
    expect(() => group.commitNow()).toThrow(/FOREIGN KEY/);
    expect(writer.inTransaction).toBe(false);
    expect([count(writer), counted(writer)]).toEqual([1, 1]);
    group.enter();
    held.add(1);
    group.commitNow();
    expect(counted(reader)).toBe(2);
  });
});
