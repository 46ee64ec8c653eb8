/**
 * Each test file's process holds a database of its own (tests/helpers/worker-databases.ts): this
 * file reaches the one it holds, what it writes there is in no other, and a database held by a
 * live process is never handed to another, while one whose holder has died is taken over.
 */
import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { config } from "../../src/config.js";
import { connectConfigured } from "../../src/db/connect.js";
import { useApi } from "../helpers/api.js";
import { lockOf, useWorkerDatabase, type WorkerDatabase } from "../helpers/worker-databases.js";
import { query } from "../helpers/writes.js";

const api = useApi();
const databases = inject("workerDatabases");
const marker = `worker-databases-${randomUUID()}`;
const scratch = mkdtempSync(path.join(tmpdir(), "worker-databases-"));

afterAll(async () => {
  await query(api().db, "MATCH (n:WorkerMarker {id: $marker}) DELETE n", { marker });
  rmSync(scratch, { recursive: true, force: true });
});

/** Two databases whose homes are empty folders: only their locks are used. */
function fakeDatabases(): WorkerDatabase[] {
  return [1, 2].map((worker) => {
    const home = path.join(scratch, randomUUID(), String(worker));
    mkdirSync(path.join(home, "run"), { recursive: true });
    return { worker, home, boltPort: 7000 + worker };
  });
}

describe("worker databases", () => {
  it("when tests run on the project's own server, then there are two databases and this file holds one; on NEO4J_URI's, there is one", () => {
    const c = config();
    if (c.NEO4J_URI) {
      expect(databases).toEqual([]);
      return;
    }
    expect(databases.map((database) => database.worker)).toEqual([1, 2]);
    expect(new Set(databases.map((database) => database.boltPort)).size).toBe(2);
    const mine = databases.find((database) => database.boltPort === c.NEO4J_BOLT_PORT);
    expect(mine?.home).toBe(c.NEO4J_HOME);
    expect(readFileSync(path.join(lockOf(mine!), "pid"), "utf8")).toBe(String(process.pid));
  });

  it("when this file writes a node, then no other database holds it", async () => {
    await query(api().db, "CREATE (:WorkerMarker {id: $marker})", { marker });
    const c = config();
    const others = databases.filter((database) => database.boltPort !== c.NEO4J_BOLT_PORT);
    expect(others.length).toBe(databases.length === 0 ? 0 : 1);

    const here = await query(api().db, "MATCH (n:WorkerMarker {id: $marker}) RETURN n.id AS id", {
      marker,
    });
    expect(here).toHaveLength(1);
    for (const other of others) {
      const db = connectConfigured({
        ...c,
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

  it("when two files' processes ask for a database, then each gets a different one, its worker's first, and a third waits", async () => {
    const fakes = fakeDatabases();
    const first: NodeJS.ProcessEnv = { VITEST_POOL_ID: "2" };
    const second: NodeJS.ProcessEnv = { VITEST_POOL_ID: "2" };
    await useWorkerDatabase(fakes, first);
    await useWorkerDatabase(fakes, second);

    expect(first["NEO4J_BOLT_PORT"]).toBe("7002");
    expect(second["NEO4J_BOLT_PORT"]).toBe("7001");
    await expect(useWorkerDatabase(fakes, { VITEST_POOL_ID: "1" }, 300)).rejects.toThrow(
      /No test database came free/,
    );
  });

  it("when the process holding a database has ended without letting go, then the next asker takes it over", async () => {
    const fakes = fakeDatabases();
    const ended = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], {
      encoding: "utf8",
    });
    const deadPid = ended.stdout.trim();
    for (const database of fakes) {
      mkdirSync(lockOf(database));
      writeFileSync(path.join(lockOf(database), "pid"), deadPid);
    }

    const env: NodeJS.ProcessEnv = { VITEST_POOL_ID: "1" };
    await useWorkerDatabase(fakes, env, 5_000);

    expect(env["NEO4J_BOLT_PORT"]).toBe("7001");
    expect(readFileSync(path.join(lockOf(fakes[0]!), "pid"), "utf8")).toBe(String(process.pid));
    const next: NodeJS.ProcessEnv = { VITEST_POOL_ID: "1" };
    await useWorkerDatabase(fakes, next, 5_000);
    expect(next["NEO4J_BOLT_PORT"]).toBe("7002");
  });
});
