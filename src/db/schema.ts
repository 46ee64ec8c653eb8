import type { Database } from "./driver.js";

/** Constraints and indexes from cypher/schema/, each written IF NOT EXISTS so reruns change nothing. */
export async function applySchema(db: Database): Promise<void> {
  for (const name of db.statementNames().filter((n) => n.startsWith("schema/"))) {
    await db.write(name);
  }
}
