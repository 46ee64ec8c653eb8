/**
 * Every statement under cypher/ is planned by the real database: EXPLAIN catches syntax
 * errors, unknown functions and wrongly typed parameters without running anything. Files
 * under cypher/schema/ are DDL, which EXPLAIN does not take; they are applied instead and the
 * constraints and indexes they name must then exist.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import { connectionSettings } from "../../src/db/connection.js";
import { CypherRegistry } from "../../src/db/cypher.js";
import { Database } from "../../src/db/driver.js";
import { applySchema } from "../../src/db/schema.js";

const registry = new CypherRegistry();
const names = registry.names();
const statementNames = names.filter((name) => !name.startsWith("schema/"));
const schemaNames = names.filter((name) => name.startsWith("schema/"));

let db: Database;
const settings = connectionSettings(config());

beforeAll(async () => {
  const c = config();
  db = Database.connect(settings, {
    queryTimeoutMs: c.DB_QUERY_TIMEOUT_MS,
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await db?.close();
});

/** The `// params:` header of a file: everything after "params:" up to "returns:" or code. */
function paramsHeader(statement: string): string {
  const comments = statement
    .split("\n")
    .filter((line) => line.trimStart().startsWith("//"))
    .map((line) => line.trimStart().replace(/^\/\/\s?/, ""));
  // A statement's own header, then those of the fragments it includes.
  return comments
    .flatMap((line, index) =>
      line.startsWith("params:")
        ? [
            comments
              .slice(index)
              .join(" ")
              .slice("params:".length)
              .split(/\s+returns:/)[0] ?? "",
          ]
        : [],
    )
    .join(", ");
}

/**
 * A value of the declared type, so the planner sees parameters of the right kind (LIMIT
 * refuses a float, for one). `T?` means nullable: null is passed. Types not recognised are
 * left out; EXPLAIN plans without them.
 */
function dummyValue(type: string): { known: boolean; value?: unknown } {
  const t = type.trim();
  if (t.endsWith("?")) return { known: true, value: null };
  if (/^list\b/.test(t)) return { known: true, value: [] };
  if (/^(int|integer)$/.test(t)) return { known: true, value: neo4j.int(1) };
  if (/^(float|number)$/.test(t)) return { known: true, value: 1.5 };
  if (/^string$/.test(t)) return { known: true, value: "x" };
  if (/^bool(ean)?$/.test(t)) return { known: true, value: false };
  if (/^(map|\{)/.test(t)) return { known: true, value: {} };
  if (/^date$/.test(t)) return { known: true, value: new neo4j.types.Date(2020, 1, 1) };
  if (/^point$/.test(t)) return { known: true, value: new neo4j.types.Point(4326, 0, 51) };
  return { known: false };
}

/** Parameters from the header: `$name: type` pairs separated by ", $". */
function dummyParams(statement: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const match of paramsHeader(statement).matchAll(/\$(\w+)\s*:\s*(.+?)(?=,\s*\$|$)/g)) {
    const [, name, type] = match;
    if (name === undefined || type === undefined) continue;
    const dummy = dummyValue(type);
    if (dummy.known) params[name] = dummy.value;
  }
  return params;
}

describe("the params header parser", () => {
  it("when a header lists typed parameters, then each gets a value of its type", () => {
    const params = dummyParams(
      "// x: y\n// params: $urns: list<int>, $limit: int, $name: string?, $keys: list<map{a: int, b: string?}>   returns: rows\nRETURN 1",
    );
    expect(params).toEqual({ urns: [], limit: neo4j.int(1), name: null, keys: [] });
  });
});

describe("EXPLAIN every statement", () => {
  it("when the registry is read, then it holds statements outside schema/", () => {
    expect(statementNames.length).toBeGreaterThan(10);
  });

  it.each(statementNames)("when %s is explained, then the database plans it", async (name) => {
    const summary = await db.driver.executeQuery(
      `EXPLAIN ${registry.get(name)}`,
      dummyParams(registry.source(name)),
      {
        database: settings.database,
      },
    );
    expect(summary.summary.plan).toBeTruthy();
  });

  it.each(statementNames)("when %s is read, then it opens with a comment naming it", (name) => {
    const baseName = name.split("/").at(-1) ?? name;
    expect(registry.source(name).split("\n")[0]).toMatch(new RegExp(`^// ${baseName}\\b`));
  });
});

describe("cypher/schema/", () => {
  /** The name each DDL file gives its constraint or index. */
  const declared = schemaNames.map((name) => {
    const match = /CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(
      registry.get(name),
    );
    return { file: name, object: match?.[1] };
  });

  it("when every DDL file is read, then each names what it creates", () => {
    expect(declared.filter((entry) => entry.object === undefined)).toEqual([]);
  });

  it("when the schema is applied (again), then every constraint and index it names exists and is online", async () => {
    await applySchema(db);
    const constraints = await db.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD name RETURN name",
      {},
      {
        database: settings.database,
      },
    );
    const indexes = await db.driver.executeQuery(
      "SHOW INDEXES YIELD name, state RETURN name, state",
      {},
      { database: settings.database },
    );
    const existing = new Set([
      ...constraints.records.map((record) => record.get("name") as string),
      ...indexes.records.map((record) => record.get("name") as string),
    ]);
    const offline = indexes.records
      .filter((record) => record.get("state") !== "ONLINE")
      .map((record) => record.get("name") as string);

    expect(declared.filter((entry) => !existing.has(entry.object ?? ""))).toEqual([]);
    expect(offline.filter((name) => declared.some((entry) => entry.object === name))).toEqual([]);
  });
});
