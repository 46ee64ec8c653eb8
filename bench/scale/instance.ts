/**
 * The second local Neo4j the scale benchmark loads synthetic schools into: its own folder
 * (`.neo4j-scale/`, which ignores itself in git), its own Bolt port (7697) and the main
 * instance's server libraries, read only. Neo4j Community holds one user database, so synthetic
 * schools get a server of their own and never reach the main instance's graph.
 *
 * `npx tsx bench/scale/instance.ts start|stop|status` runs it by hand.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseConfig, projectRoot, type Config } from "../../src/config.js";
import { start, status, stop, type LocalServerOptions } from "../../scripts/neo4j/local-server.js";

export const SCALE_HOME = path.join(projectRoot, ".neo4j-scale");
export const SCALE_BOLT_PORT = 7697;
const MAIN_HOME = path.join(projectRoot, ".neo4j");

/**
 * The environment every process of the benchmark runs with: the scale instance's folder and
 * port, and a token key file of its own, so nothing reads or writes the main instance's.
 */
export function scaleEnvironment(): Record<string, string> {
  return {
    NEO4J_HOME: SCALE_HOME,
    NEO4J_BOLT_PORT: String(SCALE_BOLT_PORT),
    JWT_SECRET_FILE: path.join(SCALE_HOME, "jwt-secret"),
  };
}

/** The configuration of a process talking to the scale instance (NEO4J_URI ignored). */
export function scaleConfig(): Config {
  const env = { ...process.env, ...scaleEnvironment() };
  delete env["NEO4J_URI"];
  return parseConfig(env);
}

export function scaleServerOptions(log?: (line: string) => void): LocalServerOptions {
  return {
    home: SCALE_HOME,
    libDir: path.join(MAIN_HOME, "lib"),
    boltPort: SCALE_BOLT_PORT,
    // Modest, so the machine's other work keeps its memory: 10× England is about 3 GB on disk.
    heap: process.env["SCALE_NEO4J_HEAP"] ?? "2g",
    pageCache: process.env["SCALE_NEO4J_PAGECACHE"] ?? "3g",
    log,
  };
}

/** Starts the scale instance unless it runs; the folder is created ignoring itself in git. */
export async function startScaleInstance(log?: (line: string) => void) {
  mkdirSync(SCALE_HOME, { recursive: true });
  const ignore = path.join(SCALE_HOME, ".gitignore");
  if (!existsSync(ignore))
    writeFileSync(ignore, "# The scale benchmark's Neo4j: never committed.\n*\n");
  return start(scaleServerOptions(log));
}

export function stopScaleInstance(): Promise<boolean> {
  return stop(scaleServerOptions());
}

async function main(command: string | undefined): Promise<void> {
  const log = (line: string) => console.log(line);
  switch (command) {
    case "start":
      await startScaleInstance(log);
      return;
    case "stop":
      console.log(
        (await stopScaleInstance()) ? "Scale Neo4j stopped." : "Scale Neo4j was not running.",
      );
      return;
    case "status": {
      const s = await status(scaleServerOptions());
      console.log(s.running ? `running (pid ${s.pid}) on ${s.uri}` : `not running (${s.uri})`);
      return;
    }
    default:
      console.error("usage: tsx bench/scale/instance.ts start|stop|status");
      process.exitCode = 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]);
