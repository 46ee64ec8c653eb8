/**
 * Integration tests run against a real Neo4j: the project's own server (started here when it
 * is not already running, and stopped afterwards only if started here) or NEO4J_URI.
 * The bundled data is loaded when the graph holds no schools.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { config, projectRoot } from "../../src/config.js";
import { localServerOptions, start, stop } from "../../scripts/neo4j/local-server.js";

export default async function setup(): Promise<() => Promise<void>> {
  const c = config();
  const log = (line: string) => console.log(`[test setup] ${line}`);
  let startedHere = false;
  if (!c.NEO4J_URI) {
    startedHere = (await start(localServerOptions(c, log))).started;
  }
  const seed = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "seed", "index.ts"), "--if-empty"],
    { cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"], env: process.env },
  );
  if (seed.status !== 0) throw new Error(`Loading the bundled data failed (exit ${seed.status}).`);

  return async () => {
    if (startedHere) await stop(localServerOptions(c, log));
  };
}
