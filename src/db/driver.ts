import { setTimeout as sleep } from "node:timers/promises";
import neo4j, {
  isRetryableError,
  Neo4jError,
  type BookmarkManager,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type Session,
} from "neo4j-driver";
import { UnavailableError, ValidationError } from "../errors/index.js";
import { BOOKMARK_HEADER } from "./bookmarks.js";
import { ConcurrencyGate } from "./concurrency.js";
import type { ConnectionSettings } from "./connection.js";
import { cypherRegistry, type CypherName, type CypherRegistry } from "./cypher.js";
import { toPlain } from "./mappers.js";

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface DatabaseOptions {
  queryTimeoutMs: number;
  retryMs: number;
  connectTimeoutMs: number;
}

/** Driver errors that mean "cannot reach the database", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  // A connection cut while the server shuts down surfaces as a protocol error (EPIPE, reset).
  "ProtocolError",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
]);

/** A bookmark sent back that this database never issued (another database, or a forged one). */
const BOOKMARK_REFUSED_CODES = new Set([
  "Neo.ClientError.Transaction.InvalidBookmark",
  "Neo.ClientError.Transaction.InvalidBookmarkMixture",
]);

/** The database did not reach a bookmark's state in time (a lagging or different cluster). */
const BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout";

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || error.code.startsWith("Neo.TransientError.General");
}

export const POOL_EXHAUSTED_MESSAGE =
  "The database is busy with other requests; try again shortly.";

/**
 * Every pooled connection stayed busy for the whole acquisition timeout. The driver raises this
 * from its pool with no code of its own ("N/A"), so only its message tells it apart from a bug.
 */
export function isPoolExhausted(error: unknown): boolean {
  return (
    error instanceof Neo4jError && error.message.startsWith("Connection acquisition timed out")
  );
}

/**
 * The one gateway to Neo4j: runs named statements from cypher/ with parameters only,
 * returns plain rows, and turns connectivity failures into SERVICE_UNAVAILABLE.
 * It counts statements so tests can prove that batching keeps the count bounded.
 */
export class Database {
  private readonly counter = { executed: 0, writes: 0 };
  /** Areas written whose data-version bump failed; sent with the next one. */
  private readonly pendingAreas = new Set<string>();
  /** The bump running now (or settled), and the batch of areas waiting to go after it. */
  private bumpUnderWay: Promise<unknown> = Promise.resolve();
  private nextBump: { areas: Set<string>; done: Promise<string[]> } | null = null;

  constructor(
    readonly driver: Driver,
    private readonly registry: CypherRegistry,
    /** Where it connects and how, for a child process that opens its own connection. */
    readonly settings: ConnectionSettings,
    readonly options: DatabaseOptions,
  ) {}

  static connect(settings: ConnectionSettings, options: DatabaseOptions): Database {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      connectionTimeout: options.connectTimeoutMs,
      connectionAcquisitionTimeout: options.connectTimeoutMs * 2,
      maxTransactionRetryTime: options.retryMs,
      disableLosslessIntegers: true,
    });
    return new Database(driver, cypherRegistry(), settings, options);
  }

  /**
   * The same database for one request, which may hold at most `maxConcurrent` sessions (each a
   * pooled connection) at once; its other statements wait their turn. One request with hundreds
   * of database-backed fields then cannot take the pool shared by every other request. The view
   * is this database with its statements passed through a gate: everything else (driver,
   * statement count, close) is this one's, and a statement runs through this one's methods as
   * they are when it runs. Close this one, not the view.
   */
  forRequest(maxConcurrent: number, bookmarks: readonly string[] = []): Database {
    const gate = new ConcurrencyGate(maxConcurrent);
    const state: RequestState = {
      manager: neo4j.bookmarkManager({ initialBookmarks: bookmarks }),
      sentBack: bookmarks.length > 0,
      wrote: false,
    };
    const view: Pick<Database, "read" | "write" | "writeTransaction" | "bookmarksToReturn"> = {
      read: (name, params = {}) => gate.run(() => this.read(name, params, state)),
      write: (name, params) =>
        gate.run(() => this.writeTransaction((run) => run(name, params), state)),
      writeTransaction: (work) => gate.run(() => this.writeTransaction(work, state)),
      bookmarksToReturn: async () =>
        state.wrote || state.sentBack ? [...(await state.manager.getBookmarks())] : null,
    };
    return Object.assign(Object.create(this) as Database, view);
  }

  /**
   * What a request's response should carry in its X-Data-Bookmark header: the bookmarks of what
   * it wrote (and of any it was sent), or null when it neither wrote nor was sent any. Always
   * null outside a request's view.
   */
  async bookmarksToReturn(): Promise<string[] | null> {
    return null;
  }

  /** Statements run since start (or since the last reset); for tests and diagnostics. */
  get statementCount(): number {
    return this.counter.executed;
  }

  resetStatementCount(): void {
    this.counter.executed = 0;
  }

  /**
   * Write transactions committed through this gateway since start. In-memory stores compare it
   * with what they saw (FreshVersion), so a write made here is seen by the next request.
   */
  get writeCount(): number {
    return this.counter.writes;
  }

  statement(name: CypherName): string {
    return this.registry.get(name);
  }

  /** Names of every statement under cypher/, e.g. for applying cypher/schema/. */
  statementNames(): CypherName[] {
    return this.registry.names();
  }

  /**
   * One statement in an auto-commit read transaction: the statement and its pull go out together
   * and come back in one round trip, where a transaction function takes three (begin, run,
   * commit). A read changes nothing, so a transient failure is run again, as a transaction
   * function would, until `retryMs` has passed.
   */
  async read(
    name: CypherName,
    params: Params = {},
    /** A request's consistency (forRequest); none outside a request. */
    state: RequestState | null = null,
  ): Promise<Row[]> {
    const text = this.registry.get(name);
    const deadline = Date.now() + this.options.retryMs;
    return this.withSession("READ", state, async (session) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          this.counter.executed += 1;
          const result = await session.run(text, params, { timeout: this.options.queryTimeoutMs });
          return toRows(result);
        } catch (error) {
          if (!isRetryableError(error) || Date.now() >= deadline) throw error;
          await sleep(Math.min(1_000, 25 * 2 ** attempt));
        }
      }
    });
  }

  async write(name: CypherName, params: Params = {}): Promise<Row[]> {
    return this.writeTransaction((run) => run(name, params));
  }

  /**
   * Several statements in one transaction function: all of them happen, or none; retried whole
   * on transient errors until `retryMs` has passed. Once it has committed, the graph's data
   * version moves on (cypher/data/bumpDataVersion), naming the areas (cypher/ folders) the
   * statements came from, so every in-memory snapshot, in this process or another, learns of the
   * write before the caller hears it succeeded.
   */
  async writeTransaction<T>(
    work: (run: (name: CypherName, params?: Params) => Promise<Row[]>) => Promise<T>,
    /** A request's consistency (forRequest); none outside a request. */
    state: RequestState | null = null,
  ): Promise<T> {
    try {
      const { result, areas } = await this.withSession("WRITE", state, (session) =>
        session.executeWrite(
          async (tx) => {
            const areas = new Set<string>();
            const result = await work((name, params = {}) => {
              for (const area of this.registry.areasOf(name)) areas.add(area);
              return this.runIn(tx, name, params);
            });
            return { result, areas };
          },
          { timeout: this.options.queryTimeoutMs },
        ),
      );
      // Schema changes and batch jobs' locks change no data a store holds.
      areas.delete("schema");
      areas.delete("jobs");
      if (state) state.wrote = true;
      if (areas.size > 0) {
        const bumped = await this.bumpDataVersion(areas);
        // The request's bookmarks then name the new data version too, so a replica's stores
        // catch up with it when the bookmarks come back.
        await state?.manager.updateBookmarks([], bumped);
      }
      return result;
    } finally {
      // Counted whatever the outcome (a commit cut off may still have happened), and only once
      // the version has moved on, so a store that sees the count change reads the new version.
      this.counter.writes += 1;
    }
  }

  /**
   * Moves the data version on in a transaction of its own, after the write it reports: the
   * version's node is locked only for that moment, so writes never wait on one another through
   * it (inside every write transaction it deadlocked them under load). Writes that finish while
   * a bump is under way share the next one, so this process runs at most one at a time and one
   * more waiting, however many writes it makes. Should a bump fail, the writes stand, and their
   * areas go with the next bump.
   */
  private bumpDataVersion(areas: ReadonlySet<string>): Promise<string[]> {
    if (this.nextBump === null) {
      const batch = { areas: new Set(this.pendingAreas), done: Promise.resolve<string[]>([]) };
      this.pendingAreas.clear();
      batch.done = this.bumpUnderWay.then(() => {
        // From here on, writes that finish join the batch after this one.
        if (this.nextBump === batch) this.nextBump = null;
        return this.runBump(batch.areas);
      });
      this.bumpUnderWay = batch.done;
      this.nextBump = batch;
    }
    for (const area of areas) this.nextBump.areas.add(area);
    return this.nextBump.done;
  }

  /** The bump's bookmarks; none when it failed (its areas then go with the next one). */
  private async runBump(areas: ReadonlySet<string>): Promise<string[]> {
    try {
      return await this.withSession("BUMP", null, async (session) => {
        await session.executeWrite(
          (tx) => tx.run(this.registry.get("data/bumpDataVersion"), { areas: [...areas] }),
          { timeout: this.options.queryTimeoutMs },
        );
        return session.lastBookmarks();
      });
    } catch {
      for (const area of areas) this.pendingAreas.add(area);
      return [];
    }
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery(
        "RETURN 1",
        {},
        {
          database: this.settings.database,
          routing: neo4j.routing.READ,
        },
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async runIn(tx: ManagedTransaction, name: CypherName, params: Params): Promise<Row[]> {
    this.counter.executed += 1;
    return toRows(await tx.run(this.registry.get(name), params));
  }

  /** A session for `work`, closed after it; connectivity failures become UnavailableError. */
  private async withSession<T>(
    mode: "READ" | "WRITE" | "BUMP",
    state: RequestState | null,
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
      ...(state ? { bookmarkManager: state.manager } : {}),
    });
    try {
      return await work(session);
    } catch (error) {
      if (error instanceof Neo4jError && BOOKMARK_REFUSED_CODES.has(error.code)) {
        throw new ValidationError(
          `The ${BOOKMARK_HEADER} header names a state this database never had: send back a header this service sent, or none.`,
        );
      }
      if (error instanceof Neo4jError && error.code === BOOKMARK_TIMEOUT) {
        throw new UnavailableError(
          "The database has not yet reached the state the X-Data-Bookmark header names; try again shortly.",
        );
      }
      if (isUnavailable(error)) throw new UnavailableError();
      if (isPoolExhausted(error)) throw new UnavailableError(POOL_EXHAUSTED_MESSAGE);
      throw error;
    } finally {
      await session.close();
    }
  }
}

/**
 * One request's consistency: its sessions share a bookmark manager, seeded with the bookmarks the
 * request sent back, so each statement reads at least what the request (or the client before it)
 * wrote, even on a cluster secondary.
 */
export interface RequestState {
  manager: BookmarkManager;
  sentBack: boolean;
  wrote: boolean;
}

function toRows(result: QueryResult): Row[] {
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}
