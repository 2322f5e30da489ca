import type Database from "better-sqlite3";
import { getTableColumns, getTableName, type Column, type Table } from "drizzle-orm";

/**
 * Prepared statements for the task engine's hot writes and reads, built from the Drizzle schema (column
 * names and value mappings come from there, so a new column needs no change here). Drizzle builds and
 * prepares the SQL again on every call, which cost more than the write itself at gateway rates; here each
 * distinct statement is prepared once per connection and reused.
 */
type Row = Record<string, unknown>;

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The connection's cached statement for `sql`, prepared on first use. */
export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = byConnection.get(sqlite);
  if (!cache) byConnection.set(sqlite, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = sqlite.prepare(sql)));
  return prepared;
}

interface TableShape {
  name: string;
  columns: Array<[key: string, column: Column]>;
  byKey: Map<string, Column>;
  selectAll: string;
  /** per connection: insert statements by which columns are present */
  inserts: WeakMap<Database.Database, Map<string, Database.Statement>>;
}

const shapes = new WeakMap<Table, TableShape>();

function shapeOf(table: Table): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
    shape = {
      name: getTableName(table),
      columns,
      byKey: new Map(columns),
      selectAll: columns.map(([, c]) => `"${c.name}"`).join(", "),
      inserts: new WeakMap(),
    };
    shapes.set(table, shape);
  }
  return shape;
}

function toDriver(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

function columnOf(shape: TableShape, key: string): Column {
  const column = shape.byKey.get(key);
  if (!column) throw new Error(`${shape.name} has no column ${key}`);
  return column;
}

/** INSERT of the given keys (SQL defaults fill the rest, JS-side $defaultFn ones are applied); returns the rowid. */
export function insertRow(sqlite: Database.Database, table: Table, row: Row): number {
  const shape = shapeOf(table);
  // which columns are present, as a bit string: the statement for that set is built and prepared once
  let present = "";
  const values: unknown[] = [];
  for (const [key, column] of shape.columns) {
    let value = row[key];
    if (value === undefined && column.defaultFn) value = column.defaultFn();
    if (value === undefined) {
      present += "0";
      continue;
    }
    present += "1";
    values.push(toDriver(column, value));
  }
  let prepared = shape.inserts.get(sqlite)?.get(present);
  if (!prepared) {
    const names = shape.columns.filter((_, i) => present[i] === "1").map(([, c]) => `"${c.name}"`);
    prepared = statement(sqlite, `insert into "${shape.name}" (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`);
    let byPresence = shape.inserts.get(sqlite);
    if (!byPresence) shape.inserts.set(sqlite, (byPresence = new Map()));
    byPresence.set(present, prepared);
  }
  return Number(prepared.run(values).lastInsertRowid);
}

/** UPDATE … SET the patch's keys WHERE every `where` key matches; undefined values are left out, as Drizzle does. */
export function updateRows(sqlite: Database.Database, table: Table, patch: Row, where: Row): number {
  const shape = shapeOf(table);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const key in patch) {
    const value = patch[key];
    if (value === undefined) continue;
    const column = columnOf(shape, key);
    sets.push(`"${column.name}" = ?`);
    values.push(toDriver(column, value));
  }
  if (sets.length === 0) return 0;
  const conditions: string[] = [];
  for (const key in where) {
    const column = columnOf(shape, key);
    conditions.push(`"${column.name}" = ?`);
    values.push(toDriver(column, where[key]));
  }
  return statement(sqlite, `update "${shape.name}" set ${sets.join(", ")} where ${conditions.join(" and ")}`).run(values).changes;
}

/** Every column, decoded the way Drizzle decodes it (JSON parsed, booleans, camelCase keys). */
export function selectRows<T>(sqlite: Database.Database, table: Table, whereSql: string, params: unknown[], tail = ""): T[] {
  const shape = shapeOf(table);
  const raw = statement(sqlite, `select ${shape.selectAll} from "${shape.name}" where ${whereSql}${tail ? ` ${tail}` : ""}`)
    .raw(true)
    .all(params) as unknown[][];
  return raw.map((values) => {
    const row: Row = {};
    for (let i = 0; i < shape.columns.length; i++) {
      const [key, column] = shape.columns[i] as [string, Column];
      const value = values[i];
      row[key] = value === null ? null : column.mapFromDriverValue(value);
    }
    return row as T;
  });
}
