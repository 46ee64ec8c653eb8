import "reflect-metadata";
import { verifierOptions } from "./auth/secret.js";
import { TokenVerifier } from "./auth/tokens.js";
import { config } from "./config.js";
import { connectConfigured } from "./db/connect.js";
import { footprint } from "./footprint.js";
import { createLogger } from "./logger.js";
import { Readiness, buildGraphQLSchema, createApp, ensureSchema } from "./server.js";
import { webAppConfig } from "./web.js";

/** In-flight requests get this long to finish on SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const c = config();
  const logger = createLogger({ level: c.LOG_LEVEL });
  // Before the database: a production deployment without a token key stops here.
  const tokens = new TokenVerifier(verifierOptions(c));
  const db = connectConfigured(c);
  const stopping = new AbortController();
  const readiness = new Readiness(db);
  await ensureSchema(db, readiness, logger, stopping.signal);

  const schema = await buildGraphQLSchema();
  const app = await createApp(db, {
    logger,
    schema,
    readiness,
    introspection: c.GRAPHQL_INTROSPECTION,
    maxRequestBytes: c.MAX_REQUEST_BYTES,
    tokens,
    maxQueryDepth: c.MAX_QUERY_DEPTH,
    maxQueryCost: c.MAX_QUERY_COST,
    maxQueryTokens: c.MAX_QUERY_TOKENS,
    maxQueryFields: c.MAX_QUERY_FIELDS,
    maxQueryAliases: c.MAX_QUERY_ALIASES,
    maxQueryDirectives: c.MAX_QUERY_DIRECTIVES,
    rateLimit: {
      limit: c.RATE_LIMIT_REQUESTS,
      windowMs: c.RATE_LIMIT_WINDOW_MS,
      exempt: c.RATE_LIMIT_EXEMPT,
    },
    trustProxy: c.TRUST_PROXY,
    maxRequestDbConcurrency: c.MAX_REQUEST_DB_CONCURRENCY,
    statementCountRoute: c.STATEMENT_COUNT_ROUTE,
    dataVersionMaxAgeMs: c.DATA_VERSION_MAX_AGE_MS,
    signIn: webAppConfig(c),
  });
  const url = await app.listen(c.PORT, c.HOST);
  // Time from process start to ready and memory then, so a regression in either shows in the logs.
  logger.info({ url: `${url}/graphql`, ...footprint() }, "GraphQL server listening");
  // Built in the background so the first similarity or gap request need not wait; if the database is
  // down, requests get SERVICE_UNAVAILABLE and the build is retried on use.
  app.warmUp();

  let stoppingSince: NodeJS.Signals | undefined;
  const shutdown = async (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    stopping.abort();
    setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await db.close();
    logger.info("stopped");
  };
  // Handlers stay registered (`on`, not `once`): a runner that exits when a signal has no
  // listener left (tsx does) would otherwise cut the drain short. A second signal forces exit.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stoppingSince) {
        logger.warn({ signal }, "second signal during shutdown; exiting now");
        process.exit(1);
      }
      stoppingSince = signal;
      shutdown(signal).catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exitCode = 1;
      });
    });
  }
}

main().catch((error: unknown) => {
  // Configuration problems are reported together in the message; nothing else is set up yet.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
