/**
 * The configured database for one test file that reads or writes the graph directly:
 * `useDatabase()` connects before the file's tests and closes the connection after them.
 */
import { afterAll, beforeAll } from "vitest";
import { config } from "../../src/config.js";
import { connectionSettings } from "../../src/db/connection.js";
import { Database } from "../../src/db/driver.js";
import { toPlain } from "../../src/db/mappers.js";
import { query } from "./writes.js";

export interface TestDatabase {
  /** The connection; read it inside tests (it does not exist yet when the file is collected). */
  db(): Database;
  /** The rows a statement returns, each turned into plain JavaScript. */
  query(cypher: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
}

/** Connects with a minute for each statement, enough for one over the whole of England. */
export function useDatabase(): TestDatabase {
  let connected: Database | undefined;
  beforeAll(() => {
    connected = Database.connect(connectionSettings(config()), {
      queryTimeoutMs: 60_000,
      retryMs: 2_000,
      connectTimeoutMs: 3_000,
    });
  });
  afterAll(async () => {
    await connected?.close();
  });
  const db = () => {
    if (!connected) throw new Error("Not connected: call useDatabase() at the top of the file.");
    return connected;
  };
  return {
    db,
    query: async (cypher, params = {}) =>
      (await query(db(), cypher, params)).map((row) => toPlain(row) as Record<string, unknown>),
  };
}
