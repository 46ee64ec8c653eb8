/**
 * What the command-line tools (seed, import, need-bands, token, the local database) share: reading
 * their options, reaching the database, and reporting a failure as one line where that says enough.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { GraphQLError } from "graphql";
import { commandLineArguments, type Config } from "../src/config.js";
import { connectionSettings } from "../src/db/connection.js";
import { Database } from "../src/db/driver.js";
import { CommandError, ServiceError, UnavailableError } from "../src/errors/index.js";

/**
 * Parses the command line against `config`'s options, with --help (-h) added. Returns an exit code
 * instead when the tool has nothing more to do: 2 after printing what is wrong and `usage`, 0 after
 * printing `usage` for --help.
 */
export function readCommandLine<T extends Omit<ParseArgsConfig, "args">>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  let parsed;
  try {
    parsed = parseArgs({
      ...config,
      args: commandLineArguments(),
      options: { ...config.options, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/**
 * Connects to the configured database with a query timeout of at least `queryTimeoutMs` (a tool's
 * transactions are heavier than an API query), runs `use` and closes the connection. When the
 * database cannot be reached it says so in one line, with what to do, and gives exit code 1.
 */
export async function withDatabase(
  c: Config,
  queryTimeoutMs: number,
  use: (db: Database) => Promise<number>,
): Promise<number> {
  const settings = connectionSettings(c);
  const db = Database.connect(settings, {
    queryTimeoutMs: Math.max(c.DB_QUERY_TIMEOUT_MS, queryTimeoutMs),
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  });
  try {
    return await use(db);
  } catch (error) {
    if (!(error instanceof UnavailableError)) throw error;
    console.error(
      `Cannot reach Neo4j at ${settings.uri}: ${
        settings.local ? "start it with `npm run db:start`" : "check NEO4J_URI and the server"
      }.`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

/**
 * Runs a tool's `main` and exits with the code it returns. What it throws exits 1: a CommandError
 * (its input or the machine is not as expected) is printed as its message, an error meant for an
 * API caller (a refused token, a rule broken) as its code and message, anything else in full.
 */
export async function runCommand(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof CommandError) {
      console.error(error.message);
    } else if (error instanceof ServiceError || error instanceof GraphQLError) {
      console.error(`${String(error.extensions["code"] ?? "ERROR")}: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}
