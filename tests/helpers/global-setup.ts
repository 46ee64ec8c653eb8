/**
 * Integration tests run against a real Neo4j: the project's own server (started here when it
 * is not already running, and stopped afterwards only if started here) or NEO4J_URI.
 * The bundled data is loaded, and families and need bands derived, when the graph lacks them.
 * On an empty graph (a fresh clone, CI) the data is loaded by the upgrade rehearsal: the previous
 * release of one LA, writes through the API, then the current release over it (upgrade-check.ts).
 * The prepared graph is then copied for each further worker (worker-databases.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { config, projectRoot } from "../../src/config.js";
import { localServerOptions, start, stop } from "../../scripts/neo4j/local-server.js";
import { countSchools } from "../../seed/load.js";
import { ScratchServer } from "./scratch-server.js";
import { rehearseUpgrade } from "./upgrade-check.js";
import { connectConfigured } from "../../src/db/connect.js";
import type { TestProject } from "vitest/node";
import { releaseWorkerDatabases, startWorkerDatabases } from "./worker-databases.js";
import { cleanUpWrites } from "./writes.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const c = config();
  const log = (line: string) => console.log(`[test setup] ${line}`);
  let startedHere = false;
  if (!c.NEO4J_URI) {
    startedHere = (await start(localServerOptions(c, log))).started;
  }
  const db = connectConfigured(c);
  let empty: boolean;
  try {
    // What the files of an interrupted run made and did not remove (all marked createdBy
    // "test-..."), before the families step below would count its schools as newly opened.
    await cleanUpWrites(db, "test-");
    empty = (await countSchools(db)) === 0;
  } finally {
    await db.close();
  }
  if (empty) {
    await rehearseUpgrade(log);
  } else if (process.env["REHEARSE_UPGRADE"]) {
    const scratch = await ScratchServer.create("upgrade");
    try {
      await scratch.start();
      await rehearseUpgrade(log, scratch.connection);
    } finally {
      await scratch.dispose();
    }
  } else {
    log(
      "the graph is already seeded, so the upgrade rehearsal did not run: it runs on an empty " +
        "graph (as in CI), or on a scratch server with REHEARSE_UPGRADE=1.",
    );
  }

  // The same steps as `npm start`: load the bundle, then derive families and need bands,
  // each only when missing so a prepared database is left as it is.
  const steps: [script: string, flag: string][] = [
    ["seed/index.ts", "--if-empty"],
    ["scripts/families.ts", "--if-missing"],
    ["scripts/need-bands.ts", "--if-missing"],
  ];
  for (const [script, flag] of steps) {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(projectRoot, script), flag],
      { cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"], env: process.env },
    );
    if (run.status !== 0) {
      throw new Error(`Preparing the test database failed: ${script} exited ${run.status}.`);
    }
  }

  const workers = c.NEO4J_URI
    ? { databases: [], stop: async () => {} }
    : await startWorkerDatabases(c, project.config.maxWorkers, log);
  releaseWorkerDatabases(workers.databases);
  project.provide("workerDatabases", workers.databases);

  return async () => {
    await workers.stop();
    if (startedHere) await stop(localServerOptions(c, log));
  };
}
