import { familiesInChildProcess } from "./modules/similarity/family-recompute.service.js";
import { schoolProjectionPlugin } from "./modules/schools/school.projection.js";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from "express";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authorizedByPolicy } from "./auth/authorized.js";
import type { Principal } from "./auth/principal.js";
import { TokenVerifier } from "./auth/tokens.js";
import { createContext, type GraphQLContext } from "./context.js";
import { MODULES } from "./modules/index.js";
import { resolversOf, type ServiceModule } from "./modules/module.js";
import { ClusterRepository } from "./modules/clusters/cluster.repository.js";
import { EvaluationRepository } from "./modules/evaluation/evaluation.repository.js";
import { GapRepository } from "./modules/support/gap.repository.js";
import { MatchingRepository } from "./modules/matching/matching.repository.js";
import { SimilarityRepository } from "./modules/similarity/similarity.repository.js";
import { BOOKMARK_HEADER, bookmarkPlugin, parseBookmarkHeader } from "./db/bookmarks.js";
import { readDataVersion } from "./db/data-version.js";
import type { Database } from "./db/driver.js";
import { FreshVersion } from "./modules/common/versioned.js";
import { applySchema } from "./db/schema.js";
import { errorLoggingPlugin, formatError } from "./errors/format.js";
import { documentLimitsPlugin, refusedDocumentRule } from "./hardening/document-limits.js";
import { knownOperationTypes } from "./hardening/operation-types.js";
import { rateLimitPerCaller, type RateLimitOptions } from "./hardening/rate-limit.js";
import { appConfigDocument, graphqlIde, schemaDocument, webApp, type WebAppConfig } from "./web.js";
import { securityHeaders } from "./hardening/security-headers.js";
import compression from "compression";
import { costLimitPlugin, depthLimit } from "./hardening/query-limits.js";
import { createLogger, type Logger } from "./logger.js";
import { PartnerFactsStore } from "./modules/matching/partner-facts.js";
import { SimilarityIndex } from "./modules/similarity/similarity-index.js";
import { ImpactDataStore } from "./modules/evaluation/evaluation.store.js";
import { ClusterProposalStore } from "./modules/clusters/cluster.store.js";
import { SupportDataStore } from "./modules/support/gap.store.js";

/** The GraphQL schema from the resolver classes; `reflect-metadata` must be loaded first. */
export function buildGraphQLSchema(
  modules: readonly ServiceModule[] = MODULES,
): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolversOf(modules),
    // Sign-in and role first (authorizedByPolicy), then the arguments' class-validator rules;
    // formatError names the argument that broke one. Rules that need the graph are the services'.
    authChecker: authorizedByPolicy,
    authMode: "error",
    validate: true,
  });
}

export interface ReadinessReport {
  ready: boolean;
  database: "up" | "down";
  schema: "applied" | "pending";
}

/**
 * Whether the service can answer queries: the database answers and its constraints and
 * indexes are in place. Kept apart from liveness (/health), so an orchestrator routes traffic
 * away during an outage instead of restarting a process that will recover on its own.
 */
export class Readiness {
  private schemaApplied: boolean;
  private readonly timeoutMs: number;

  constructor(
    private readonly db: Database,
    options: { schemaApplied?: boolean; timeoutMs?: number } = {},
  ) {
    this.schemaApplied = options.schemaApplied ?? false;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  markSchemaApplied(): void {
    this.schemaApplied = true;
  }

  /** Answers within the timeout even when the database hangs, as probes have short deadlines. */
  async check(): Promise<ReadinessReport> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    const up = await Promise.race([this.db.ping(), timedOut]).finally(() => clearTimeout(timer));
    return {
      ready: up && this.schemaApplied,
      database: up ? "up" : "down",
      schema: this.schemaApplied ? "applied" : "pending",
    };
  }
}

export interface SchemaRetryOptions {
  firstPauseMs?: number;
  maxPauseMs?: number;
}

/**
 * Applies cypher/schema/ once and, if the database cannot take it yet, keeps retrying in the
 * background with doubling pauses (1 s up to 30 s by default) until it succeeds or `signal`
 * aborts. The server starts either way and reports not-ready until then. Resolves with the
 * first attempt's outcome.
 */
export async function ensureSchema(
  db: Database,
  readiness: Readiness,
  logger: Logger,
  signal: AbortSignal,
  { firstPauseMs = 1_000, maxPauseMs = 30_000 }: SchemaRetryOptions = {},
): Promise<boolean> {
  const attempt = async (): Promise<boolean> => {
    try {
      await applySchema(db);
      readiness.markSchemaApplied();
      logger.info("database schema applied");
      return true;
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? { message: error.message, name: error.name } : error },
        "could not apply the database schema; will retry",
      );
      return false;
    }
  };
  if (await attempt()) return true;

  const retry = async () => {
    for (let pauseMs = firstPauseMs; !signal.aborted; pauseMs = Math.min(pauseMs * 2, maxPauseMs)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pauseMs);
        signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (signal.aborted || (await attempt())) return;
    }
  };
  void retry();
  return false;
}

/** Answers smaller than this are sent uncompressed. */
export const COMPRESSION_THRESHOLD_BYTES = 16 * 1024;

export interface AppOptions {
  logger?: Logger;
  /** The modules served; every registered module (src/modules/index.ts) when absent. */
  modules?: readonly ServiceModule[];
  /** Built once and shared; built here when absent. */
  schema?: GraphQLSchema;
  /** When absent, the caller is taken to have applied the database schema already. */
  readiness?: Readiness;
  /** Introspection and "did you mean" suggestions in errors; off when absent. */
  introspection?: boolean;
  maxRequestBytes?: number;
  /** Checks bearer tokens; when absent every token is refused and requests are anonymous. */
  tokens?: TokenVerifier;
  /** Query limits (see hardening/query-limits.ts); the defaults match config's. */
  maxQueryDepth?: number;
  maxQueryCost?: number;
  maxQueryTokens?: number;
  maxQueryFields?: number;
  maxQueryAliases?: number;
  maxQueryDirectives?: number;
  /** Requests per caller on /graphql; the defaults match config's (1,000 a minute). */
  rateLimit?: RateLimitOptions;
  /** Express's `trust proxy`, for the client address behind a proxy; none when absent. */
  trustProxy?: boolean | number | string;
  /** Shared by every request; built here (lazily, on first use) when absent. */
  similarityIndex?: SimilarityIndex;
  /** Database sessions one request may hold at once; the default matches config's (8). */
  maxRequestDbConcurrency?: number;
  /**
   * Read only the school properties an operation's School fields need (on when absent); off
   * reads whole records, the reference the projection is tested against.
   */
  projectSchoolReads?: boolean;
  /**
   * How long the gap and evaluation snapshots trust their data version before reading it again;
   * writes made through this process are seen at once whatever it is. 0 (every request) when
   * absent.
   */
  dataVersionMaxAgeMs?: number;
  /** GET /statements answers the statements run since start (for benchmarks); off when absent. */
  statementCountRoute?: boolean;
  /**
   * How the web app signs people in (GET /app-config.json; webAppConfig reads it from the
   * environment). Absent: no identity provider, and the development sign-in. Its request size is
   * always maxRequestBytes.
   */
  signIn?: Pick<WebAppConfig, "oidc" | "developmentSignIn">;
}

export interface App {
  express: Express;
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
  readiness: Readiness;
  /** The in-memory index behind similar schools and partner matching. */
  similarityIndex: SimilarityIndex;
  /**
   * Builds the in-memory indexes and snapshots in the background (similar schools, the gap
   * snapshot), so the first requests that need them do not wait. Failures are left to the
   * first use, which tries again.
   */
  warmUp(): void;
  /** A fresh request context, for `apollo.executeOperation` in tests. */
  createContext(requestId?: string): GraphQLContext;
  /** A request context for an Authorization header, as an HTTP request would get. */
  contextFor(authorization: string | undefined, requestId?: string): Promise<GraphQLContext>;
  /** Listens (port 0 picks a free port) and resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Drains in-flight requests and stops Apollo; the database is the caller's to close. */
  close(): Promise<void>;
}

interface RequestScope {
  requestId: string;
  logger: Logger;
  /** Known once the GraphQL context is built; logged with the request. */
  principal?: Principal;
  /** The bearer token's verification, shared by the rate limiter and the GraphQL context. */
  verifying?: Promise<Principal>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function scopeOf(res: Response): RequestScope {
  return res.locals["scope"] as RequestScope;
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new UUID),
 * echoes it in the response and logs one line per request when it completes.
 */
function requestScope(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const scope: RequestScope = { requestId, logger: logger.child({ requestId }) };
    res.locals["scope"] = scope;
    res.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      scope.logger.info(
        {
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
          ...(scope.principal && scope.principal.role !== "ANONYMOUS"
            ? { role: scope.principal.role, sub: scope.principal.sub }
            : {}),
        },
        "request completed",
      );
    });
    next();
  };
}

/**
 * Errors outside GraphQL (a malformed or oversized body) as JSON with the request id. Only
 * messages meant for clients (http-errors marks them `expose`) are shown; the rest are logged.
 */
function jsonErrors(): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { status, expose, message } = error as {
      status?: unknown;
      expose?: unknown;
      message?: unknown;
    };
    const code = typeof status === "number" && status >= 400 && status < 600 ? status : 500;
    const scope = scopeOf(res);
    if (code >= 500) scope.logger.error({ err: error }, "unhandled HTTP error");
    const shown =
      code < 500 && expose === true && typeof message === "string"
        ? message
        : code < 500
          ? "Bad request"
          : "Internal server error";
    res.status(code).json({ error: shown, requestId: scope.requestId });
  };
}

/**
 * The HTTP application: POST/GET /graphql, GET /health (the process is up) and GET /ready
 * (the database answers and its schema is applied: 200, else 503), with JSON logs carrying a
 * request id. Apollo is started before this resolves.
 */
export async function createApp(db: Database, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: "info" });
  const schema = options.schema ?? (await buildGraphQLSchema(options.modules));
  const readiness = options.readiness ?? new Readiness(db, { schemaApplied: true });
  // The graph's data version, read at most once per DATA_VERSION_MAX_AGE_MS for every store, and
  // at once after a write through this process.
  const dataVersionMaxAgeMs = options.dataVersionMaxAgeMs ?? 0;
  const dataVersions = new FreshVersion(() => readDataVersion(db), {
    writes: () => db.writeCount,
    maxAgeMs: dataVersionMaxAgeMs,
  });
  const shared = {
    similarityIndex:
      options.similarityIndex ??
      new SimilarityIndex(new SimilarityRepository(db), {
        logger,
        // A families run or a membership made by another process is noticed as soon as the
        // data version would be.
        checkIntervalMs: Math.max(dataVersionMaxAgeMs, 1_000),
        versions: dataVersions,
      }),
    partnerFacts: new PartnerFactsStore(new MatchingRepository(db), dataVersions),
    supportSnapshots: new SupportDataStore(new GapRepository(db), dataVersions),
    impactSnapshots: new ImpactDataStore(new EvaluationRepository(db), dataVersions),
    clusterProposals: new ClusterProposalStore(new ClusterRepository(db), dataVersions),
    familiesRunner: familiesInChildProcess(db),
  };

  // Each request reads through its own view of the database, capped at this many sessions.
  const maxRequestDbConcurrency = options.maxRequestDbConcurrency ?? 8;
  const modules = options.modules ?? MODULES;
  const requestContext = (request: RequestScope, view = db.forRequest(maxRequestDbConcurrency)) =>
    createContext(view, request, shared, modules);
  /**
   * A client that sends back a bookmark wrote (through this process or another) and must read
   * its write: the data version is read at the bookmarks, and every in-memory store catches up
   * with it before the request runs.
   */
  const caughtUp = async (bookmarks: readonly string[]) => {
    const view = db.forRequest(maxRequestDbConcurrency, bookmarks);
    if (bookmarks.length > 0) {
      await dataVersions.catchUp(() => readDataVersion(view));
      await Promise.all([shared.partnerFacts.catchUp(), shared.similarityIndex.catchUp()]);
    }
    return view;
  };

  const tokens = options.tokens ?? new TokenVerifier({ key: { kind: "none" } });
  const contextFor = async (
    authorization: string | undefined,
    scope: RequestScope,
    bookmarkHeaderValue?: string,
  ) => {
    scope.verifying ??= tokens.principalFor(authorization);
    scope.principal = await scope.verifying;
    return requestContext(scope, await caughtUp(parseBookmarkHeader(bookmarkHeaderValue)));
  };
  const principalOf = (req: Request, res: Response) => {
    const scope = scopeOf(res);
    scope.verifying ??= tokens.principalFor(req.headers.authorization);
    return scope.verifying;
  };

  const app = express();
  app.disable("x-powered-by");
  // GraphQL answers are POSTs no cache revalidates; a hash of every response body is wasted work.
  app.set("etag", false);
  app.set("trust proxy", options.trustProxy ?? false);
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? false,
    // Without introspection, validation errors would still leak field names as suggestions.
    hideSchemaDetailsFromClientErrors: !(options.introspection ?? false),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No response sets cache hints; the plugin's per-field work is pure overhead on hot queries.
      ApolloServerPluginCacheControlDisabled(),
      // Browsers get the bundled GraphiQL (src/web.ts) instead of a page from Apollo's CDN.
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(),
      documentLimitsPlugin({
        maxFields: options.maxQueryFields ?? 2_000,
        maxAliases: options.maxQueryAliases ?? 100,
        maxDirectives: options.maxQueryDirectives ?? 50,
      }),
      costLimitPlugin(schema, options.maxQueryCost ?? 25_000),
      schoolProjectionPlugin(schema, options.projectSchoolReads ?? true),
      bookmarkPlugin(),
    ],
    validationRules: [
      refusedDocumentRule,
      knownOperationTypes,
      depthLimit(options.maxQueryDepth ?? 10),
    ],
    parseOptions: { maxTokens: options.maxQueryTokens ?? 5_000 },
    logger,
    // Shutdown belongs to the entry point, which also closes the database; Apollo's own signal
    // handling would stop it and then re-send the signal, killing the process mid-drain.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const webSettings: WebAppConfig = {
    ...(options.signIn ?? { oidc: null, developmentSignIn: true }),
    maxRequestBytes: options.maxRequestBytes ?? 100_000,
  };

  app.use(requestScope(logger));
  // gzip for clients that ask, on answers big enough to gain: the web app's scripts, the map's
  // shapes and a region's schools. Small GraphQL answers go as they are (no CPU spent on them).
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
  app.use(
    securityHeaders({
      connectTo: webSettings.oidc ? [new URL(webSettings.oidc.issuer).origin] : [],
    }),
  );
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    const report = await readiness.check();
    res.status(report.ready ? 200 : 503).json(report);
  });
  if (options.statementCountRoute) {
    app.get("/statements", (_req, res) => {
      res.json({ executed: db.statementCount });
    });
  }
  app.get("/schema.graphql", schemaDocument(schema));
  app.get("/app-config.json", appConfigDocument(webSettings));
  app.get("/graphql", graphqlIde());
  app.use(
    "/graphql",
    rateLimitPerCaller(
      options.rateLimit ?? { limit: 1_000, windowMs: 60_000 },
      principalOf,
      (res) => scopeOf(res).requestId,
    ),
    express.json({ limit: options.maxRequestBytes ?? 100_000 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        contextFor(req.headers.authorization, scopeOf(res), req.get(BOOKMARK_HEADER)),
    }),
  );
  app.use(webApp());
  app.use((_req, res) => {
    res.status(404).json({ error: "Not found", requestId: scopeOf(res).requestId });
  });
  app.use(jsonErrors());

  return {
    express: app,
    httpServer,
    apollo,
    readiness,
    similarityIndex: shared.similarityIndex,
    warmUp: () => {
      shared.similarityIndex.warmUp();
      shared.supportSnapshots.current().catch((error: unknown) => {
        logger.warn({ err: error }, "support snapshot not built at start; first use retries");
      });
    },
    createContext: (requestId = randomUUID()) =>
      requestContext({ requestId, logger: logger.child({ requestId }) }),
    contextFor: (authorization, requestId = randomUUID()) =>
      contextFor(authorization, { requestId, logger: logger.child({ requestId }) }),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      }),
    close: () => apollo.stop(),
  };
}
