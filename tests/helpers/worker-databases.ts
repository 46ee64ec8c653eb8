/**
 * One database per integration-test worker. Each test file's process holds one database for as
 * long as it lives, so files that run at the same time never share one, and a file only ever
 * meets its own data and the prepared England graph: no file reads another's schools,
 * partnerships or families run while they exist, whatever it asks of a region or of England.
 *
 * Worker 1's database is the project's local server. For each further worker the global setup
 * copies that server's prepared store (stopped for the copy, then started again) into
 * NEO4J_HOME/workers/<n> and starts a server on it; `useWorkerDatabase` takes a free one for a
 * test file's process. Against NEO4J_URI (a server this project does not run) there is one
 * database, so one worker.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { Config } from "../../src/config.js";
import { localPasswordFile } from "../../src/db/connection.js";
import {
  localServerOptions,
  start,
  stop,
  type LocalServerOptions,
} from "../../scripts/neo4j/local-server.js";
import { freePort } from "./scratch-server.js";

export interface WorkerDatabase {
  /** 1 for the local server, 2... for the copies. */
  worker: number;
  home: string;
  boltPort: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    workerDatabases: WorkerDatabase[];
  }
}

function workerOptions(main: LocalServerOptions, worker: number, boltPort: number) {
  return {
    ...main,
    home: path.join(main.home, "workers", String(worker)),
    libDir: path.join(main.home, "lib"),
    boltPort,
  } satisfies LocalServerOptions;
}

/**
 * Copies the local server's store for workers 2..`workers` and starts a server on each. Returns
 * every worker's database (worker 1's is the local server), and a function that stops the
 * copies' servers and removes the copies.
 */
export async function startWorkerDatabases(
  config: Config,
  workers: number,
  log: (line: string) => void,
): Promise<{ databases: WorkerDatabase[]; stop: () => Promise<void> }> {
  const main = localServerOptions(config);
  const extra = await Promise.all(
    Array.from({ length: workers - 1 }, async (_, i) =>
      workerOptions(main, i + 2, await freePort()),
    ),
  );
  const first: WorkerDatabase = { worker: 1, home: main.home, boltPort: main.boltPort };
  if (extra.length === 0) return { databases: [first], stop: async () => {} };

  // An interrupted run may have left a worker's server behind.
  await Promise.all(extra.map((options) => stop(options)));
  const wasRunning = await stop(main);
  log(`copying the prepared database for ${extra.length} more worker(s)`);
  for (const options of extra) {
    rmSync(options.home, { recursive: true, force: true });
    mkdirSync(options.home, { recursive: true });
    cpSync(path.join(main.home, "data"), path.join(options.home, "data"), { recursive: true });
    cpSync(localPasswordFile(main.home), localPasswordFile(options.home));
    // Scratch servers a test starts find the libraries beside their own NEO4J_HOME.
    if (!existsSync(path.join(options.home, "lib"))) {
      symlinkSync(path.join(main.home, "lib"), path.join(options.home, "lib"));
    }
  }
  await Promise.all([
    wasRunning ? start({ ...main, log }) : Promise.resolve(),
    ...extra.map((options) => start({ ...options, log })),
  ]);
  return {
    databases: [
      first,
      ...extra.map((options, i) => ({
        worker: i + 2,
        home: options.home,
        boltPort: options.boltPort,
      })),
    ],
    stop: async () => {
      await Promise.all(extra.map((options) => stop(options)));
      for (const options of extra) rmSync(options.home, { recursive: true, force: true });
    },
  };
}

/** The folder a test file's process holds while it uses `database` (see useWorkerDatabase). */
export function lockOf(database: WorkerDatabase): string {
  return path.join(database.home, "run", "test-file.lock");
}

function holderIsAlive(lock: string): boolean {
  const pid = Number(readFileSync(path.join(lock, "pid"), "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes `database` for this process unless a live one holds it. */
function tryToTake(database: WorkerDatabase): boolean {
  const lock = lockOf(database);
  try {
    mkdirSync(lock);
  } catch {
    try {
      if (holderIsAlive(lock)) return false;
    } catch {
      // Being taken or let go this moment: not free now.
      return false;
    }
    // Its holder ended without letting go (killed): take it over.
    rmSync(lock, { recursive: true, force: true });
    return false;
  }
  writeFileSync(path.join(lock, "pid"), String(process.pid));
  const letGo = () => rmSync(lock, { recursive: true, force: true });
  process.once("exit", letGo);
  // vitest ends a file's process with SIGTERM: let go, then end as that signal would.
  process.once("SIGTERM", () => {
    letGo();
    process.kill(process.pid, "SIGTERM");
  });
  return true;
}

/**
 * Points this test file's process (and the processes it starts) at a database no other live
 * test file's process holds, trying its worker's (VITEST_POOL_ID) first and waiting while all
 * are held. The worker's number alone is not enough: with more than one vitest project, files
 * running at the same time can be given the same one.
 */
export async function useWorkerDatabase(
  databases: readonly WorkerDatabase[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 600_000,
): Promise<void> {
  if (databases.length === 0) return;
  const preferred = Number(env["VITEST_POOL_ID"]);
  const order = [...databases].sort(
    (a, b) => Number(b.worker === preferred) - Number(a.worker === preferred),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = order.find(tryToTake);
    if (mine) {
      env["NEO4J_HOME"] = mine.home;
      env["NEO4J_BOLT_PORT"] = String(mine.boltPort);
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`No test database came free within ${timeoutMs / 1000}s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets go of every database's lock: at the start of a run no test file's process is alive. */
export function releaseWorkerDatabases(databases: readonly WorkerDatabase[]): void {
  for (const database of databases) rmSync(lockOf(database), { recursive: true, force: true });
}
