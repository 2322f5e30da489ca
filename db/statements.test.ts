import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { findTask, insertTask, listEvents, appendEvent, updateTask } from "./queries/tasks";
import { tasks } from "./schema";
import { insertRow, selectRows, updateRows } from "./statements";

const base = {
  prompt: "hello",
  status: "queued" as const,
  strategy: "single",
  policy: "balanced",
  constraints: { maxCostUsd: 0.5 },
  source: "gateway" as const,
};

describe("prepared statements built from the Drizzle schema", () => {
  it("writes and reads rows exactly as Drizzle does: JSON, booleans, SQL defaults, camelCase keys", () => {
    const db = createDb(":memory:");
    insertTask(db, { id: "t1", ...base, messages: [{ role: "user", content: "hi" }], sampling: { temperature: 0.2 } });
    const mine = findTask(db, "t1");
    const drizzles = db.select().from(tasks).where(eq(tasks.id, "t1")).get();
    expect(mine).toEqual(drizzles);
    expect(mine).toMatchObject({ constraints: { maxCostUsd: 0.5 }, useCache: true, inputTokens: 0, sampling: { temperature: 0.2 } });
    expect(mine?.createdAt).toBeGreaterThan(0);
  });

  it("updates only the keys given, skipping undefined ones, and matches every where key", () => {
    const db = createDb(":memory:");
    insertTask(db, { id: "t2", ...base, output: "kept" });
    updateTask(db, "t2", { status: "running", output: undefined, plan: { strategy: "single", steps: [] } });
    expect(findTask(db, "t2")).toMatchObject({ status: "running", output: "kept", plan: { strategy: "single", steps: [] } });
    expect(updateRows(db.$client, tasks, { status: "completed" }, { id: "t2", status: "queued" })).toBe(0);
    expect(updateRows(db.$client, tasks, { status: "completed", useCache: false }, { id: "t2", status: "running" })).toBe(1);
    expect(findTask(db, "t2")).toMatchObject({ status: "completed", useCache: false });
  });

  it("reuses one statement per column set, returns row ids, and orders reads", () => {
    const db = createDb(":memory:");
    insertTask(db, { id: "t3", ...base });
    const first = appendEvent(db, { taskId: "t3", type: "task.queued", payload: { type: "task.queued", taskId: "t3" }, at: 1 });
    const second = appendEvent(db, { taskId: "t3", type: "task.completed", payload: { type: "task.completed", taskId: "t3" }, at: 2 });
    expect(second).toBe(first + 1);
    expect(listEvents(db, "t3").map((e) => e.type)).toEqual(["task.queued", "task.completed"]);
    expect(listEvents(db, "t3", first).map((e) => e.id)).toEqual([second]);
    expect(selectRows(db.$client, tasks, `"id" = ?`, ["nope"])).toEqual([]);
  });

  it("names the column when an update key is not in the table; an insert ignores unknown keys, as Drizzle does", () => {
    const db = createDb(":memory:");
    expect(() => updateRows(db.$client, tasks, { nope: 1 }, { id: "x" })).toThrow(/tasks has no column nope/);
    expect(insertRow(db.$client, tasks, { id: "t4", ...base, notAColumn: 1 })).toBeGreaterThan(0);
  });
});
