/**
 * Each integration-test worker has its own database (tests/helpers/worker-databases.ts): this
 * file's worker reaches the one made for it, and what it writes there is in no other worker's.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { config } from "../../src/config.js";
import { connectConfigured } from "../../src/db/connect.js";
import { useApi } from "../helpers/api.js";
import { query } from "../helpers/writes.js";

const api = useApi();
const databases = inject("workerDatabases");
const marker = `worker-databases-${randomUUID()}`;

afterAll(async () => {
  await query(api().db, "MATCH (n:WorkerMarker {id: $marker}) DELETE n", { marker });
});

describe("worker databases", () => {
  it("when tests run on the project's own server, then there is one database per worker; on NEO4J_URI's, one worker", () => {
    const c = config();
    if (c.NEO4J_URI) {
      expect(databases).toEqual([]);
      return;
    }
    expect(databases.map((database) => database.worker)).toEqual([1, 2]);
    expect(new Set(databases.map((database) => database.boltPort)).size).toBe(2);
    const mine = databases.find((d) => d.worker === Number(process.env["VITEST_POOL_ID"]));
    expect(mine).toBeDefined();
    expect(c.NEO4J_BOLT_PORT).toBe(mine!.boltPort);
    expect(c.NEO4J_HOME).toBe(mine!.home);
  });

  it("when this worker writes a node, then no other worker's database holds it", async () => {
    await query(api().db, "CREATE (:WorkerMarker {id: $marker})", { marker });
    const mine = Number(process.env["VITEST_POOL_ID"]);
    const others = databases.filter((database) => database.worker !== mine);
    expect(others.length).toBe(databases.length === 0 ? 0 : 1);

    const here = await query(api().db, "MATCH (n:WorkerMarker {id: $marker}) RETURN n.id AS id", {
      marker,
    });
    expect(here).toHaveLength(1);
    for (const other of others) {
      const db = connectConfigured({
        ...config(),
        NEO4J_HOME: other.home,
        NEO4J_BOLT_PORT: other.boltPort,
      });
      try {
        const there = await query(db, "MATCH (n:WorkerMarker {id: $marker}) RETURN n.id AS id", {
          marker,
        });
        expect(there).toEqual([]);
        const [schools] = await query<{ n: unknown }>(db, "MATCH (s:School) RETURN count(s) AS n");
        expect(Number(schools?.n)).toBeGreaterThan(20_000);
      } finally {
        await db.close();
      }
    }
  });
});
