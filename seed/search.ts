/**
 * The normalised search fields on every School (searchName, searchPlace, searchPostcode,
 * searchFormer) that the `school_search` full-text index covers. Computed in Cypher from what the
 * graph already holds, so it runs after every load and on a graph loaded before search existed.
 */
import neo4j from "neo4j-driver";
import type { Database } from "../src/db/driver.js";
import { countSchools } from "./load.js";
import type { Progress } from "./progress.js";

export const SEARCH_BATCH_SIZE = 2000;

/**
 * Writes the search fields on all schools, a batch of SEARCH_BATCH_SIZE in URN order per
 * transaction, and returns how many schools were written. Rerunning rewrites the same values.
 */
export async function writeSearchFields(db: Database, progress: Progress): Promise<number> {
  const bar = progress.stage("search fields", await countSchools(db), "schools");
  let written = 0;
  try {
    let afterUrn: number | null = 0;
    while (afterUrn !== null) {
      const [row] = await db.write("seed/writeSearchFields", {
        afterUrn: neo4j.int(afterUrn),
        batchSize: neo4j.int(SEARCH_BATCH_SIZE),
      });
      const batch = Number(row?.["written"] ?? 0);
      written += batch;
      bar.increment(batch);
      afterUrn = batch < SEARCH_BATCH_SIZE ? null : Number(row?.["lastUrn"]);
    }
  } finally {
    bar.stop();
  }
  return written;
}

/** True when some school lacks its search fields, e.g. in a graph loaded before they existed. */
export async function searchFieldsMissing(db: Database): Promise<boolean> {
  const [row] = await db.read("seed/countSchoolsWithoutSearchFields");
  return Number(row?.["missing"] ?? 0) > 0;
}
