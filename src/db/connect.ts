import type { Config } from "../config.js";
import { connectionSettings } from "./connection.js";
import { Database, type DatabaseOptions } from "./driver.js";

/**
 * The configured database with the configured timeouts; long-running tools (benchmarks, test
 * set-up) pass a longer query timeout.
 */
export function connectConfigured(c: Config, overrides: Partial<DatabaseOptions> = {}): Database {
  return Database.connect(connectionSettings(c), {
    queryTimeoutMs: c.DB_QUERY_TIMEOUT_MS,
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
    ...overrides,
  });
}
