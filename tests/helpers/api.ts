/**
 * The GraphQL app built against the real database for one test file: `useApi()` starts it
 * before the file's tests and tears it down after them.
 */
import "reflect-metadata";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll } from "vitest";
import { config } from "../../src/config.js";
import { connectionSettings, type ConnectionSettings } from "../../src/db/connection.js";
import { CypherRegistry } from "../../src/db/cypher.js";
import { Database } from "../../src/db/driver.js";
import { applySchema } from "../../src/db/schema.js";
import { createLogger } from "../../src/logger.js";
import { Readiness, createApp, type App } from "../../src/server.js";

export interface OperationResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestApi {
  db: Database;
  app: App;
  /** JSON log lines written while the app ran, for assertions on logging. */
  logs: string[];
  /** Runs an operation through Apollo with a fresh request context, as a request would. */
  execute<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<OperationResult<TData>>;
  /** Like execute, for a query written inline as text. */
  executeText(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<OperationResult<unknown>>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Another database than the configured one (e.g. a scratch server). */
  connection?: ConnectionSettings;
  /** Apply cypher/schema/ first and report ready; off for tests of an unreachable database. */
  applySchema?: boolean;
  /** Database options; tests of outages shorten the timeouts. */
  timeouts?: { queryTimeoutMs: number; retryMs: number; connectTimeoutMs: number };
  /** Read statements from another folder than cypher/, e.g. one with a statement broken on purpose. */
  cypherRoot?: string;
}

/** Builds the app against the configured database (or `options.connection`). */
export async function startApi(options: StartOptions = {}): Promise<TestApi> {
  const c = config();
  const settings = options.connection ?? connectionSettings(c);
  const timeouts = options.timeouts ?? {
    queryTimeoutMs: c.DB_QUERY_TIMEOUT_MS,
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  };
  const connected = Database.connect(settings, timeouts);
  const db = options.cypherRoot
    ? new Database(connected.driver, new CypherRegistry(options.cypherRoot), settings, timeouts)
    : connected;
  const readiness = new Readiness(db);
  if (options.applySchema ?? true) {
    try {
      await applySchema(db);
    } catch (error) {
      await db.close();
      throw new Error(
        `The test database did not take cypher/schema/ (${(error as Error).message}). ` +
          "Is Neo4j running? `npm run db:start` starts the local one; NEO4J_URI names another.",
      );
    }
    readiness.markSchemaApplied();
  }
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line) => logs.push(line) },
  });
  const app = await createApp(db, { logger, readiness });

  const run = async (query: string | DocumentNode, variables?: Record<string, unknown>) => {
    const response = await app.apollo.executeOperation(
      { query, variables },
      { contextValue: app.createContext() },
    );
    if (response.body.kind !== "single") throw new Error("Expected a single result, not a stream.");
    return response.body.singleResult;
  };

  return {
    db,
    app,
    logs,
    execute: (document, variables) => run(document, variables) as never,
    executeText: (query, variables) => run(query, variables),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/**
 * Starts the app once for the calling test file and closes it after the last test. Read the
 * returned function inside tests (the app does not exist yet when the file is collected).
 */
export function useApi(options: StartOptions = {}): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startApi(options);
  });
  afterAll(async () => {
    await api?.close();
  });
  return () => {
    if (!api) throw new Error("The API is not started: call useApi() at the top of the test file.");
    return api;
  };
}

/** The data of a result that must have succeeded; fails with the errors otherwise. */
export function dataOf<TData>(result: OperationResult<TData>): TData {
  if (result.errors?.length || result.data == null) {
    throw new Error(`Expected data, got errors: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data;
}
