/**
 * The database goes away and comes back: the server stays up, says it is not ready, answers
 * SERVICE_UNAVAILABLE, and serves again once the database returns. A scratch Neo4j server is
 * stopped and started for this, so the shared one the other tests use is never disturbed.
 */
import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { ensureSchema } from "../../src/server.js";
import { startApi, type TestApi } from "../helpers/api.js";
import { ScratchServer } from "../helpers/scratch-server.js";

const SHORT_TIMEOUTS = { queryTimeoutMs: 5_000, retryMs: 0, connectTimeoutMs: 1_000 };

let scratch: ScratchServer;
let api: TestApi;
let baseUrl = "";
const stopRetrying = new AbortController();

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Condition not met within ${timeoutMs / 1000}s.`);
}

beforeAll(async () => {
  scratch = await ScratchServer.create(`availability-${process.pid}`);
  // The first start sets the scratch server's password; it is then stopped to simulate an outage.
  await scratch.start();
  await scratch.stop();
  api = await startApi({
    connection: scratch.connection,
    applySchema: false,
    timeouts: SHORT_TIMEOUTS,
  });
  baseUrl = await api.app.listen(0, "127.0.0.1");
  const logger = createLogger({ level: "silent" });
  await ensureSchema(api.db, api.app.readiness, logger, stopRetrying.signal, {
    firstPauseMs: 250,
    maxPauseMs: 1_000,
  });
});

afterAll(async () => {
  stopRetrying.abort();
  await api?.close();
  await scratch?.dispose();
});

describe("when the database is down", () => {
  it("then /health still answers 200 and /ready answers 503 naming the database", async () => {
    const health = await fetch(`${baseUrl}/health`);
    const ready = await fetch(`${baseUrl}/ready`);

    expect(health.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, database: "down", schema: "pending" });
  });

  it("then a query fails with SERVICE_UNAVAILABLE and the server stays up", async () => {
    const result = await api.executeText("{ school(urn: 100000) { name } }");

    expect(result.errors?.[0]?.extensions?.["code"]).toBe("SERVICE_UNAVAILABLE");
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });

  it("then, once the database is back, the schema is applied, /ready turns 200 and queries work", async () => {
    await scratch.start();
    await waitFor(async () => (await fetch(`${baseUrl}/ready`)).status === 200, 120_000);

    const result = await api.executeText("{ regions { code } school(urn: 100000) { name } }");
    expect(result.errors).toBeUndefined();
    // The scratch database is empty: lists are empty and lookups null, not errors.
    expect(result.data).toEqual({ regions: [], school: null });
  }, 180_000);
});
