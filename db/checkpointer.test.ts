import { statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { startBackgroundCheckpoints } from "./checkpointer";
import { tempDirs } from "./testing/temp-dirs";

const tempDir = tempDirs();
function walDatabase() {
  const dir = tempDir("ensemble-ckpt-");
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("create table t (id integer primary key, body text)");
  return { sqlite, file };
}

const insertMany = (sqlite: Database.Database, n: number) => {
  const insert = sqlite.prepare("insert into t (body) values (?)");
  for (let i = 0; i < n; i++) insert.run("x".repeat(2000));
};

describe("background WAL checkpoints", () => {
  it("copies the WAL into the database file from another thread, while the writer no longer checkpoints itself", async () => {
    const { sqlite, file } = walDatabase();
    const checkpoints = startBackgroundCheckpoints(sqlite, 60_000);
    expect(checkpoints).toBeDefined();
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(20_000);
    const before = statSync(file).size;
    // ~3,000 pages, each insert its own commit: SQLite's default would have checkpointed three times by now
    insertMany(sqlite, 1500);
    expect(statSync(file).size).toBe(before);
    const report = await checkpoints!.now();
    expect(report.busy).toBe(0);
    expect(report.log).toBeGreaterThan(1000);
    expect(report.checkpointed).toBe(report.log);
    expect(statSync(file).size).toBeGreaterThan(before + 1500 * 2000);
    // every page copied: the next write starts the WAL over instead of growing it
    insertMany(sqlite, 1);
    expect((await checkpoints!.now()).log).toBeLessThan(10);
    await checkpoints!.stop();
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    sqlite.close();
  });

  it("leaves in-memory databases alone", () => {
    const sqlite = new Database(":memory:");
    expect(startBackgroundCheckpoints(sqlite)).toBeUndefined();
    sqlite.close();
  });
});
