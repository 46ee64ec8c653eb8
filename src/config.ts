import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** The project root, so scripts work from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** An existing server or Aura instance; when unset the project runs its own local server. */
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_HOME: z.string().default(path.join(projectRoot, ".neo4j")),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("512m"),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("512m"),
  /** How long a single database call may take before it is abandoned. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** How long the driver keeps retrying a transaction while the database is unreachable. */
  DB_RETRY_MS: z.coerce.number().int().min(0).default(2_000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  /**
   * Database sessions (pooled connections) one request may hold at once; its other statements
   * wait their turn, so one request cannot take the pool every request shares.
   */
  MAX_REQUEST_DB_CONCURRENCY: z.coerce.number().int().min(1).default(8),
  /**
   * Whether clients may read the schema by introspection and get "did you mean" suggestions in
   * errors. Off unless set, so a deployment does not publish its schema by omission; the schema
   * is in schema/schema.graphql for tools and codegen.
   */
  GRAPHQL_INTROSPECTION: booleanFromEnv.default(false),
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(100_000),
  /**
   * How long the in-memory gap and evaluation snapshots trust their data version before reading
   * it again. A write through this process is seen by its next request whatever this is; a write
   * by another process (a replica, a seed run) within this time.
   */
  DATA_VERSION_MAX_AGE_MS: z.coerce.number().int().min(0).default(1_000),
  /**
   * Serves GET /statements: the Cypher statements run since start, so a benchmark can report
   * statements per request beside its peers'. Off unless set.
   */
  STATEMENT_COUNT_ROUTE: booleanFromEnv.default(false),
  /** Nested fields a query may have; introspection has its own fixed allowance. */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(10),
  /** Estimated objects a query may resolve: list sizes (`first`) multiply what they hold. */
  MAX_QUERY_COST: z.coerce.number().int().positive().default(25_000),
  /** Lexical tokens a query may have, so a huge document is refused while it is parsed. */
  MAX_QUERY_TOKENS: z.coerce.number().int().positive().default(5_000),
  /** Fields a document may select once its fragments are expanded, checked before validation. */
  MAX_QUERY_FIELDS: z.coerce.number().int().positive().default(2_000),
  /** Aliased fields a document may have (fragments expanded), checked before validation. */
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).default(100),
  /** Directives a document may carry (fragments expanded), checked before validation. */
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  /** Requests one caller (token subject, else client address) may make per window; 0: no limit. */
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(0).default(1_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Comma-separated token subjects or client addresses never limited, e.g. a benchmark's. */
  RATE_LIMIT_EXEMPT: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    ),
  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client address.
   * `false` (none), `true` (any: only behind a proxy that overwrites the header), a number of
   * hops, or addresses and names such as `loopback, 10.0.0.0/8`.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value): boolean | number | string =>
      value === "true"
        ? true
        : value === "false"
          ? false
          : /^\d+$/.test(value)
            ? Number(value)
            : value,
    ),
  /** HS256 key for bearer tokens; in development a generated one in JWT_SECRET_FILE is used. */
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_SECRET_FILE: z.string().default(path.join(projectRoot, ".neo4j", "jwt-secret")),
  /** An identity provider's key set; when set, only tokens it signed are accepted. */
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /**
   * The identity provider the web app signs people in with (OpenID Connect, authorization code
   * with PKCE). Unset: the app offers no such sign-in. Its access tokens are what the API is sent,
   * so JWT_JWKS_URL must name its key set and the tokens must carry the role claims.
   */
  OIDC_ISSUER: z.string().url().optional(),
  /** The web app's client id at OIDC_ISSUER: a public client (no secret) using PKCE. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default("openid"),
  /** Sent as the `resource` parameter (RFC 8707) by providers that issue tokens per API. */
  OIDC_RESOURCE: z.string().url().optional(),
  /** How the sign-in page names the provider ("Sign in with …"); the issuer's host when unset. */
  OIDC_NAME: z.string().min(1).max(60).optional(),
});

/** Settings that only make sense together. */
const consistentEnvironmentSchema = environmentSchema.superRefine((env, context) => {
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
    context.addIssue({
      code: "custom",
      path: ["OIDC_CLIENT_ID"],
      message: "is required with OIDC_ISSUER: the web app's client id there",
    });
  }
  if (env.OIDC_ISSUER && !env.JWT_JWKS_URL) {
    context.addIssue({
      code: "custom",
      path: ["JWT_JWKS_URL"],
      message: "is required with OIDC_ISSUER: the API checks the provider's tokens with its keys",
    });
  }
});

export type Config = Readonly<z.infer<typeof environmentSchema>>;

/**
 * Parses the environment once. Every invalid variable is reported together, so a
 * misconfigured deployment is fixed in one pass rather than one error at a time.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = consistentEnvironmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return Object.freeze(result.data);
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}

/** Arguments after the script name, for command-line entry points. */
export function commandLineArguments(): string[] {
  return process.argv.slice(2);
}
