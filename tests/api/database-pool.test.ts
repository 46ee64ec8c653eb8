/**
 * The shared connection pool under pressure: one request cannot hold more than its share of
 * connections at once, and a request that cannot get a connection in time is told the database
 * is busy (SERVICE_UNAVAILABLE), not that the server failed.
 */
import "reflect-metadata";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import { connectionSettings } from "../../src/db/connection.js";
import { cypherRegistry } from "../../src/db/cypher.js";
import { Database, POOL_EXHAUSTED_MESSAGE } from "../../src/db/driver.js";
import { createLogger } from "../../src/logger.js";
import { createApp, type App } from "../../src/server.js";
import { dataOf, startApi, type TestApi } from "../helpers/api.js";

const TIMEOUTS = { queryTimeoutMs: 5_000, retryMs: 0, connectTimeoutMs: 1_000 };

describe("when every pooled connection is busy for longer than the acquisition timeout", () => {
  let db: Database;
  let app: App;

  beforeAll(async () => {
    const settings = connectionSettings(config());
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 300,
      disableLosslessIntegers: true,
    });
    db = new Database(driver, cypherRegistry(), settings, TIMEOUTS);
    app = await createApp(db, { logger: createLogger({ level: "silent" }) });
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("then a query answers SERVICE_UNAVAILABLE saying the database is busy, and works once the connection is free", async () => {
    const holder = db.driver.session({ database: connectionSettings(config()).database });
    const held = await holder.beginTransaction();
    await held.run("RETURN 1");

    const refused = await app.apollo.executeOperation(
      { query: "{ regions { code } }" },
      { contextValue: app.createContext() },
    );
    await held.rollback();
    await holder.close();
    const served = await app.apollo.executeOperation(
      { query: "{ regions { code } }" },
      { contextValue: app.createContext() },
    );

    if (refused.body.kind !== "single" || served.body.kind !== "single") throw new Error("stream");
    expect(refused.body.singleResult.errors?.[0]).toMatchObject({
      message: POOL_EXHAUSTED_MESSAGE,
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
    expect(served.body.singleResult.errors).toBeUndefined();
    expect(served.body.singleResult.data).toMatchObject({ regions: expect.any(Array) });
  });
});

describe("when one request asks for many database-backed fields at once", () => {
  const LIMIT = 3;
  let api: TestApi;
  let open = 0;
  let most = 0;

  beforeAll(async () => {
    api = await startApi({ app: { maxRequestDbConcurrency: LIMIT } });
    // Every statement runs in a session of its own; count the sessions open at once.
    const driver = api.db.driver;
    const openSession = driver.session.bind(driver);
    driver.session = (...args: Parameters<typeof driver.session>) => {
      const session = openSession(...args);
      open += 1;
      most = Math.max(most, open);
      const close = session.close.bind(session);
      session.close = async () => {
        open -= 1;
        await close();
      };
      return session;
    };
  });

  afterAll(async () => {
    await api?.close();
  });

  it("then no more than MAX_REQUEST_DB_CONCURRENCY statements are in flight, and every alias is answered", async () => {
    const towns = ["london", "leeds", "bristol", "york", "bath", "derby"];
    const aliases = Array.from(
      { length: 60 },
      (_, i) =>
        `a${i}: searchSchools(text: "${towns[i % towns.length]}", first: 2) { school { urn } }`,
    );
    const alone = dataOf(
      await api.executeText(`{ searchSchools(text: "london", first: 2) { school { urn } } }`),
    ) as { searchSchools: { school: { urn: number } }[] };
    most = 0;
    const before = api.db.statementCount;

    const result = dataOf(await api.executeText(`{ ${aliases.join(" ")} }`)) as Record<
      string,
      { school: { urn: number } }[]
    >;

    expect(api.db.statementCount - before).toBe(60);
    expect(most).toBe(LIMIT);
    expect(Object.keys(result)).toHaveLength(60);
    expect(result["a0"]).toEqual(alone.searchSchools);
    expect(result["a6"]).toEqual(alone.searchSchools);
    for (const hits of Object.values(result)) expect(hits.length).toBeGreaterThan(0);
  });
});
