/**
 * One database per integration-test worker. Files in one worker run one after another, so a
 * file only ever meets its own data and the prepared England graph: no file reads another's
 * schools, partnerships or families run while they exist, whatever it asks of a region or of
 * England.
 *
 * Worker 1 uses the project's local server. For each further worker the global setup copies
 * that server's prepared store (stopped for the copy, then started again) into
 * NEO4J_HOME/workers/<n> and starts a server on it; `useWorkerDatabase` points the worker at it.
 * Against NEO4J_URI (a server this project does not run) there is one database, so one worker.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
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
  /** VITEST_POOL_ID of the worker it serves. */
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

/** Points this worker's process (and the processes it starts) at its own database. */
export function useWorkerDatabase(
  databases: readonly WorkerDatabase[],
  env: NodeJS.ProcessEnv = process.env,
): void {
  const mine = databases.find((database) => database.worker === Number(env["VITEST_POOL_ID"]));
  if (!mine) return;
  env["NEO4J_HOME"] = mine.home;
  env["NEO4J_BOLT_PORT"] = String(mine.boltPort);
}
