import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** True when the project's own server is used, so start-up may provision it. */
  local: boolean;
}

/** Where the local server keeps its generated password (git-ignored with the rest of NEO4J_HOME). */
export function localPasswordFile(home: string): string {
  return path.join(home, "password");
}

export function readLocalPassword(home: string): string | undefined {
  const file = localPasswordFile(home);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/**
 * The project's own server, in routing mode (neo4j://) as a cluster or Aura is used: the driver
 * asks the server for its routing table, reads go to readers and writes to the writer (on one
 * server, itself), so every test runs the code path a cluster takes.
 */
export function localUri(boltPort: number): string {
  return `neo4j://127.0.0.1:${boltPort}`;
}

/**
 * NEO4J_URI selects an existing server or Aura (bolt://, neo4j://, neo4j+s:// ...);
 * otherwise the project's own server on 127.0.0.1 with its generated password.
 */
export function connectionSettings(config: Config): ConnectionSettings {
  if (config.NEO4J_URI) {
    if (!config.NEO4J_PASSWORD) {
      throw new Error(
        "NEO4J_URI is set but NEO4J_PASSWORD is not: set both to use an existing Neo4j.",
      );
    }
    return {
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      local: false,
    };
  }
  return {
    uri: localUri(config.NEO4J_BOLT_PORT),
    user: "neo4j",
    password: readLocalPassword(config.NEO4J_HOME) ?? "",
    database: config.NEO4J_DATABASE,
    local: true,
  };
}
