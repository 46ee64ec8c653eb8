/**
 * A second, empty Neo4j server of the project's own kind, for tests that must stop and
 * restart a real database without disturbing the shared one the other tests use.
 */
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { config } from "../../src/config.js";
import { start, stop, type LocalServerOptions } from "../../scripts/neo4j/local-server.js";
import { localUri, type ConnectionSettings } from "../../src/db/connection.js";

/** A TCP port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export class ScratchServer {
  private constructor(
    private readonly options: LocalServerOptions,
    private password = "",
  ) {}

  static async create(name: string): Promise<ScratchServer> {
    const c = config();
    const home = path.join(c.NEO4J_HOME, "scratch", name);
    const options: LocalServerOptions = {
      home,
      libDir: path.join(c.NEO4J_HOME, "lib"),
      boltPort: await freePort(),
      heap: "256m",
      pageCache: "64m",
    };
    // A run that was interrupted may have left its server behind; stop it before reusing the folder.
    await stop(options);
    rmSync(home, { recursive: true, force: true });
    mkdirSync(home, { recursive: true });
    return new ScratchServer(options);
  }

  async start(): Promise<void> {
    this.password = (await start(this.options)).password;
  }

  async stop(): Promise<void> {
    await stop(this.options);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.options.home, { recursive: true, force: true });
  }

  get connection(): ConnectionSettings {
    return {
      uri: localUri(this.options.boltPort),
      user: "neo4j",
      password: this.password,
      local: true,
    };
  }
}
