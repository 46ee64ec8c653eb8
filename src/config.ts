import { fileURLToPath } from "node:url";
import path from "node:path";
import { z } from "zod";

/** The project root, so scripts work from any working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const booleanFromEnv = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

export const environmentSchema = z.object({
  NODE_ENV: z
    .enum(["development", "test", "production"])
    .default("development")
    .describe(
      "`production` refuses to start without `JWT_SECRET` or `JWT_JWKS_URL`; otherwise a development token key is generated.",
    ),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(4000)
    .describe("The port the server listens on."),
  HOST: z
    .string()
    .default("127.0.0.1")
    .describe("The address the server listens on (`0.0.0.0`: every interface)."),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("The least severe level logged, as JSON lines (pino)."),
  NEO4J_URI: z
    .string()
    .url()
    .optional()
    .describe(
      "An existing Neo4j 5 server or Aura instance (`bolt://`, `neo4j://`, `neo4j+s://`); when unset the project runs its own local server.",
    ),
  NEO4J_USER: z
    .string()
    .min(1)
    .default("neo4j")
    .describe("The user for `NEO4J_URI` (the local server's is always `neo4j`)."),
  NEO4J_PASSWORD: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The password for `NEO4J_URI`, required with it (the local server's is generated into `NEO4J_HOME`).",
    ),
  NEO4J_DATABASE: z
    .string()
    .min(1)
    .optional()
    .describe("The database to use; the server's default database when unset."),
  NEO4J_BOLT_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(7687)
    .describe("The local server's Bolt port, on 127.0.0.1."),
  NEO4J_HOME: z
    .string()
    .default(path.join(projectRoot, ".neo4j"))
    .describe("The local server's folder: its configuration, data, logs and generated password."),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("512m")
    .describe("The local server's Java heap, such as `512m` or `2g`."),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("512m")
    .describe("The local server's page cache, such as `512m` or `2g`."),
  DB_QUERY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15_000)
    .describe("How long a single database call may take before it is abandoned."),
  DB_RETRY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(2_000)
    .describe(
      "How long the driver keeps retrying a transaction while the database is unreachable.",
    ),
  DB_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(3_000)
    .describe(
      "How long opening a database connection may take; a statement waits twice this for a free pooled connection.",
    ),
  MAX_REQUEST_DB_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .default(8)
    .describe(
      "Database sessions (pooled connections) one request may hold at once; its other statements wait their turn, so one request cannot take the pool every request shares.",
    ),
  GRAPHQL_INTROSPECTION: booleanFromEnv
    .default(false)
    .describe(
      'Whether clients may read the schema by introspection and get "did you mean" suggestions in errors. Off unless set, so a deployment does not publish its schema by omission; the schema is in `schema/schema.graphql` for tools and codegen.',
    ),
  MAX_REQUEST_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100_000)
    .describe("The largest request body accepted, in bytes (HTTP 413 above it)."),
  DATA_VERSION_MAX_AGE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1_000)
    .describe(
      "How long each process's in-memory stores (gap and evaluation snapshots, cluster proposals, partner facts, the similarity index) trust the graph's data version before reading it again. A write through this process is seen by its next request whatever this is; a write by another process (a replica, a seed run) within this time plus the reload it triggers (docs/replicas.md), or at once by a request that sends back its X-Data-Bookmark.",
    ),
  STATEMENT_COUNT_ROUTE: booleanFromEnv
    .default(false)
    .describe(
      "Serves `GET /statements`: the Cypher statements run since start, so a benchmark can report statements per request beside its peers'. Off unless set.",
    ),
  MAX_QUERY_DEPTH: z.coerce
    .number()
    .int()
    .min(2)
    .default(10)
    .describe("Nested fields a query may have; introspection has its own fixed allowance."),
  MAX_QUERY_COST: z.coerce
    .number()
    .int()
    .positive()
    .default(25_000)
    .describe(
      "Estimated objects a query may resolve: list sizes (`first`) multiply what they hold.",
    ),
  MAX_QUERY_TOKENS: z.coerce
    .number()
    .int()
    .positive()
    .default(5_000)
    .describe("Lexical tokens a query may have, so a huge document is refused while it is parsed."),
  MAX_QUERY_FIELDS: z.coerce
    .number()
    .int()
    .positive()
    .default(2_000)
    .describe(
      "Fields a document may select once its fragments are expanded, checked before validation.",
    ),
  MAX_QUERY_ALIASES: z.coerce
    .number()
    .int()
    .min(0)
    .default(100)
    .describe(
      "Aliased fields a document may have (fragments expanded), checked before validation.",
    ),
  MAX_QUERY_DIRECTIVES: z.coerce
    .number()
    .int()
    .min(0)
    .default(50)
    .describe("Directives a document may carry (fragments expanded), checked before validation."),
  RATE_LIMIT_REQUESTS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1_000)
    .describe(
      "Requests one caller (token subject, else client address) may make per window, per process: behind a load balancer over N replicas a caller may make N times this. `0`: no limit.",
    ),
  RATE_LIMIT_WINDOW_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60_000)
    .describe("The window `RATE_LIMIT_REQUESTS` counts over."),
  RATE_LIMIT_EXEMPT: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .describe(
      "Comma-separated token subjects or client addresses never limited, such as a benchmark's.",
    ),
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
    )
    .describe(
      "Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client address. `false` (none), `true` (any: only behind a proxy that overwrites the header), a number of hops, or addresses and names such as `loopback, 10.0.0.0/8`.",
    ),
  JWT_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .describe(
      "The HS256 key bearer tokens are signed with (`JWT_JWKS_URL` wins). Unset: production refuses to start, and elsewhere the key generated into `JWT_SECRET_FILE` is used.",
    ),
  JWT_SECRET_FILE: z
    .string()
    .default(path.join(projectRoot, ".neo4j", "jwt-secret"))
    .describe(
      "Where the development token key is generated on first use, shared by the server and `npm run token`.",
    ),
  JWT_JWKS_URL: z
    .string()
    .url()
    .optional()
    .describe("An identity provider's key set; when set, only tokens it signed are accepted."),
  JWT_ISSUER: z.string().min(1).optional().describe("When set, a token's `iss` must be this."),
  JWT_AUDIENCE: z.string().min(1).optional().describe("When set, a token's `aud` must be this."),
  OIDC_ISSUER: z
    .string()
    .url()
    .optional()
    .describe(
      "The identity provider the web app signs people in with (OpenID Connect, authorization code with PKCE). Unset: the app offers no such sign-in. Its access tokens are what the API is sent, so `JWT_JWKS_URL` must name its key set and the tokens must carry the role claims.",
    ),
  OIDC_CLIENT_ID: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The web app's client id at `OIDC_ISSUER`, required with it: a public client (no secret) using PKCE.",
    ),
  OIDC_SCOPE: z
    .string()
    .min(1)
    .default("openid")
    .describe("The scopes the web app asks `OIDC_ISSUER` for (add the API's if it needs one)."),
  OIDC_RESOURCE: z
    .string()
    .url()
    .optional()
    .describe(
      "Sent as the `resource` parameter (RFC 8707) by providers that issue tokens per API.",
    ),
  OIDC_NAME: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe(
      'How the sign-in page names the provider ("Sign in with …"); the issuer\'s host when unset.',
    ),
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
