import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimDatabase, DatabaseInUseError } from "./instance-lock";
import { tempDirs } from "./testing/temp-dirs";

const tempDir = tempDirs();

describe("one server per database", () => {
  it("refuses a second claim while the first is held, and allows it once released", () => {
    const file = path.join(tempDir("lock-"), "ensemble.db");
    const first = claimDatabase(file);
    expect(() => claimDatabase(`file:${file}`)).toThrow(DatabaseInUseError);
    expect(() => claimDatabase(file)).toThrow(`another Ensemble server is already running on ${file}`);
    first.release();
    claimDatabase(file).release();
  });

  it("claims a database in a folder that does not exist yet (a fresh install), as opening it would", () => {
    const file = path.join(tempDir("lock-"), "data", "nested", "ensemble.db");
    claimDatabase(file).release();
  });

  it("gives each database its own claim, and none to an in-memory one", () => {
    const dir = tempDir("lock-");
    const a = claimDatabase(path.join(dir, "a.db"));
    const b = claimDatabase(path.join(dir, "b.db"));
    claimDatabase(":memory:").release();
    claimDatabase(":memory:").release();
    a.release();
    b.release();
  });

  it("is held by another process until that process is killed, leaving nothing stale", async () => {
    const file = path.join(tempDir("lock-"), "ensemble.db");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "instance-lock.child.ts"), file], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [line] = (await once(child.stdout, "data")) as [Buffer];
      expect(line.toString()).toBe("claimed\n");
      expect(() => claimDatabase(file)).toThrow(DatabaseInUseError);
    } finally {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
    claimDatabase(file).release();
  });
});
