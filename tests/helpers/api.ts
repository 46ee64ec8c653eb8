/**
 * The GraphQL app built against the real database for one test file: `useApi()` starts it
 * before the file's tests and tears it down after them.
 */
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll } from "vitest";
import { config } from "../../src/config.js";
import { connectionSettings, type ConnectionSettings } from "../../src/db/connection.js";
import { CypherRegistry } from "../../src/db/cypher.js";
import { Database } from "../../src/db/driver.js";
import { applySchema } from "../../src/db/schema.js";
import {
  TokenVerifier,
  mintToken,
  type MintOptions,
  type TokenClaims,
} from "../../src/auth/tokens.js";
import { createLogger } from "../../src/logger.js";
import { Readiness, createApp, type App, type AppOptions } from "../../src/server.js";

/** The key test tokens are signed with: random per test process, so no real key is needed. */
export const TEST_TOKEN_SECRET = new Uint8Array(randomBytes(32));

/** A bearer token the test app accepts, for `{ token }` in execute and for HTTP requests. */
export function testToken(claims: TokenClaims, options?: MintOptions): Promise<string> {
  return mintToken(claims, TEST_TOKEN_SECRET, options);
}

export interface ExecuteOptions {
  /** Sent as `Authorization: Bearer <token>`; anonymous without one. */
  token?: string;
}

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
    options?: ExecuteOptions,
  ): Promise<OperationResult<TData>>;
  /** Like execute, for a query written inline as text. */
  executeText(
    query: string,
    variables?: Record<string, unknown>,
    options?: ExecuteOptions,
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
  /** Other app options, e.g. smaller query limits. */
  app?: Partial<AppOptions>;
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
  const app = await createApp(db, {
    logger,
    readiness,
    tokens: new TokenVerifier({ key: { kind: "secret", secret: TEST_TOKEN_SECRET } }),
    ...options.app,
  });

  const run = async (
    query: string | DocumentNode,
    variables?: Record<string, unknown>,
    options: ExecuteOptions = {},
  ) => {
    const contextValue =
      options.token === undefined
        ? app.createContext()
        : await app.contextFor(`Bearer ${options.token}`);
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("Expected a single result, not a stream.");
    return response.body.singleResult;
  };

  return {
    db,
    app,
    logs,
    execute: (document, variables, options) => run(document, variables, options) as never,
    executeText: (query, variables, options) => run(query, variables, options),
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

export interface RepeatedAsk<T> {
  answer: T;
  repeated: T;
  /** Statements the repeated ask ran. */
  statements: number;
}

/**
 * Asks again straight after an answer, to show the repeat comes from memory: the database is
 * this worker's own (worker-databases.ts) and nothing else writes to it meanwhile.
 */
export async function askTwice<T>(
  db: { readonly statementCount: number },
  ask: () => Promise<T>,
): Promise<RepeatedAsk<T>> {
  const answer = await ask();
  const before = db.statementCount;
  const repeated = await ask();
  return { answer, repeated, statements: db.statementCount - before };
}
