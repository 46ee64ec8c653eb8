/**
 * API replicas as separate processes over the one database, as a deployment runs them: each is
 * `src/index.ts` through tsx (the tests need no build), on a free port, signing tokens with one
 * shared key. For the replica test and `npm run bench:replicas`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";
import { mintToken, type TokenClaims } from "../../src/auth/tokens.js";
import neo4j from "neo4j-driver";
import { projectRoot } from "../../src/config.js";
import type { Database } from "../../src/db/driver.js";
import { query } from "./writes.js";
import {
  ReplicaGapSupplyDocument,
  ReplicaPartnersDocument,
  ReplicaSchoolDocument,
  type PartnerSearchInput,
  type ReplicaPartnersQuery,
  type ReplicaSchoolQuery,
} from "../__generated__/graphql.js";

/** Where the replica test or benchmark writes: a local authority and its region. */
export interface ReplicaArea {
  laCode: number;
  regionCode: string;
}

/**
 * North Yorkshire (LA 815), in Yorkshire and the Humber: the replica test's own authority holds
 * copies of its maintained primaries (a TestArea is a ReplicaArea), and the benchmark writes to
 * its real schools and removes what it wrote.
 */
export const NORTH_YORKSHIRE: ReplicaArea = { laCode: 815, regionCode: "E12000003" };

/** The partner search the askers of the test and benchmark make (KS2 results, within 15 km). */
export const REPLICA_SEARCH: PartnerSearchInput = {
  focus: "KS2_RWM_EXPECTED",
  maxDistanceKm: 15,
  first: 100,
};

/** How many of a replica's last output lines are kept, to show why one failed. */
const LOG_LINES_KEPT = 200;

export interface Replica {
  /** "A", "B", ... */
  name: string;
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  pid: number;
  /** Its last output lines, standard output and error interleaved. */
  log: string[];
  /** False once the process has exited. */
  alive(): boolean;
  /** SIGKILL: the process dies at once, holding whatever requests it had. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
}

export interface ReplicaSet {
  replicas: Replica[];
  /** The key every replica checks bearer tokens with (JWT_SECRET). */
  secret: string;
  /** A bearer token every replica accepts. */
  token(claims: TokenClaims): Promise<string>;
  stop(): Promise<void>;
}

export interface StartReplicasOptions {
  count?: number;
  /** Added to each replica's environment (e.g. DATA_VERSION_MAX_AGE_MS). */
  env?: Record<string, string>;
  /** How long a replica may take to listen. */
  timeoutMs?: number;
  /**
   * Node's arguments for each replica; by default the sources through tsx. A benchmark passes the
   * compiled server (`["dist/index.js"]`, with `npm run serve`'s options in `env.NODE_OPTIONS`).
   */
  nodeArgs?: string[];
}

/** Starts `count` replicas at once and resolves when every one listens; stops them all if one fails. */
export async function startReplicas(options: StartReplicasOptions = {}): Promise<ReplicaSet> {
  const count = options.count ?? 3;
  const secret = randomBytes(32).toString("hex");
  const key = new TextEncoder().encode(secret);
  const started = await Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      startReplica(String.fromCharCode(65 + i), secret, options),
    ),
  );
  const replicas = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(replicas.map((replica) => replica.stop()));
    throw failed.reason;
  }
  return {
    replicas,
    secret,
    token: (claims) => mintToken(claims, key, { expiresIn: "2h" }),
    stop: async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
    },
  };
}

function startReplica(
  name: string,
  secret: string,
  { env = {}, timeoutMs = 120_000, nodeArgs }: StartReplicasOptions,
): Promise<Replica> {
  const child: ChildProcess = spawn(
    process.execPath,
    nodeArgs ?? ["--import", "tsx", path.join(projectRoot, "src", "index.ts")],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        JWT_SECRET: secret,
        // The test is one caller asking far more often than a client would.
        RATE_LIMIT_EXEMPT: "127.0.0.1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line);
    if (log.length > LOG_LINES_KEPT) log.shift();
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = async (kind: NodeJS.Signals) => {
    if (alive()) child.kill(kind);
    await exited;
  };
  createInterface({ input: child.stderr! }).on("line", keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void signal("SIGKILL");
      reject(
        new Error(`Replica ${name} did not listen within ${timeoutMs / 1000} s:\n${tail(log)}`),
      );
    }, timeoutMs);
    let listening = false;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      keep(line);
      if (listening) return;
      if (!line.includes('"msg":"GraphQL server listening"')) return;
      const base = /"url":"(http:[^"]+)\/graphql"/.exec(line)?.[1];
      if (!base) return;
      listening = true;
      clearTimeout(timer);
      resolve({
        name,
        base,
        pid: child.pid!,
        log,
        alive,
        kill: () => signal("SIGKILL"),
        stop: () => signal("SIGTERM"),
      });
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!listening) {
        reject(
          new Error(
            `Replica ${name} exited (${child.exitCode ?? child.signalCode}) before it listened. ` +
              `Is Neo4j running (\`npm run db:start\`)?\n${tail(log)}`,
          ),
        );
      }
    });
  });
}

function tail(log: readonly string[]): string {
  return log.slice(-20).join("\n");
}

export interface HttpResult<TData> {
  status: number;
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
  /** The X-Data-Bookmark response header; null when the response carried none. */
  bookmark: string | null;
}

export interface PostOptions {
  token?: string;
  /** Sent as X-Data-Bookmark. */
  bookmark?: string;
}

/** Sends a typed operation to `base` (a replica or the balancer) over HTTP, as a client would. */
export async function post<TData, TVariables>(
  base: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: PostOptions = {},
): Promise<HttpResult<TData>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers["authorization"] = `Bearer ${options.token}`;
  if (options.bookmark !== undefined) headers["x-data-bookmark"] = options.bookmark;
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: GraphQLFormattedError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${base} answered ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, ...body, bookmark: response.headers.get("x-data-bookmark") };
}

/** The data of an answer that must have succeeded; fails naming the replica and the errors. */
export function dataFrom<TData>(result: HttpResult<TData>, where = ""): TData {
  if (result.status !== 200 || result.errors?.length || result.data == null) {
    throw new Error(
      `Expected data${where ? ` from ${where}` : ""}, got HTTP ${result.status}: ` +
        JSON.stringify(result.errors ?? null),
    );
  }
  return result.data;
}

export interface Seen<T> {
  value: T;
  /** Milliseconds from the start of waiting to the answer that showed it. */
  afterMs: number;
  /** Answers read, the last included. */
  polls: number;
}

/**
 * Asks `read` every `intervalMs` until `shows` holds of its answer; fails after `ceilingMs` with
 * the last answer. A failed ask (an error answer) counts as not yet shown.
 */
export async function waitUntilShown<T>(
  read: () => Promise<T>,
  shows: (value: T) => boolean,
  { ceilingMs, intervalMs, what }: { ceilingMs: number; intervalMs: number; what: string },
): Promise<Seen<T>> {
  const start = performance.now();
  let polls = 0;
  let last: unknown;
  for (;;) {
    polls++;
    try {
      const value = await read();
      if (shows(value)) return { value, afterMs: performance.now() - start, polls };
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (performance.now() - start >= ceilingMs) {
      throw new Error(
        `${what} did not show within ${ceilingMs / 1000} s (${polls} asks); last answer: ` +
          JSON.stringify(last)?.slice(0, 1000),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The supply of `area`'s local authority in `supportGaps` of its region, as `replica` answers. */
export async function laSupplyOn(replica: Replica, area: ReplicaArea): Promise<number> {
  const gaps = dataFrom(
    await post(replica.base, ReplicaGapSupplyDocument, { regionCode: area.regionCode }),
    replica.name,
  ).supportGaps;
  const la = gaps.find((gap) => gap.localAuthority?.code === area.laCode);
  if (!la) throw new Error(`supportGaps on ${replica.name} has no LA ${area.laCode}`);
  return la.supply;
}

export type Suggestion = ReplicaPartnersQuery["partnerSuggestions"][number];

/** `asker`'s partner suggestions on `replica`, asked signed in (offered topics are named only then). */
export async function suggestionsOn(
  replica: Replica,
  asker: number,
  token: string,
): Promise<Suggestion[]> {
  return dataFrom(
    await post(
      replica.base,
      ReplicaPartnersDocument,
      { urn: asker, input: REPLICA_SEARCH },
      { token },
    ),
    replica.name,
  ).partnerSuggestions;
}

/** A school as `replica` answers, signed in (offers and seeks are read signed in). */
export async function schoolOn(
  replica: Replica,
  urn: number,
  token: string,
): Promise<NonNullable<ReplicaSchoolQuery["school"]>> {
  const school = dataFrom(
    await post(replica.base, ReplicaSchoolDocument, { urn }, { token }),
    replica.name,
  ).school;
  if (!school) throw new Error(`No school ${urn} on ${replica.name}`);
  return school;
}

/**
 * Open maintained primaries of LA `laCode` in no partnership and with no offers, with a location,
 * in URN order; fails when there are fewer than `count`.
 */
export async function freePrimaries(
  db: Database,
  laCode: number,
  count: number,
): Promise<number[]> {
  const rows = await query<{ urn: unknown }>(
    db,
    `MATCH (s:School {laCode: $la, governance: "MAINTAINED", phase: "PRIMARY"})
     WHERE s.location IS NOT NULL AND NOT (s)-[:MEMBER_OF]->()
       AND s.offers IS NULL AND s.seeks IS NULL
     RETURN s.urn AS urn ORDER BY s.urn LIMIT $count`,
    { la: neo4j.int(laCode), count: neo4j.int(count) },
  );
  if (rows.length < count) {
    throw new Error(`LA ${laCode} has ${rows.length} free primaries, not ${count}.`);
  }
  return rows.map((row) => Number(row.urn));
}
