/**
 * The child process of recomputeFamilies (see common/child-task.ts): reads every school's
 * features, clusters them and writes the new run over its own database connection, as
 * `npm run families` does, and answers with the outcome.
 */
import type { ConnectionSettings } from "../../db/connection.js";
import { Database, type DatabaseOptions } from "../../db/driver.js";
import { serveChildTask } from "../common/child-task.js";
import { withJobLock } from "../../db/job-lock.js";
import { runFamilies, type FamilyRunOutcome, type FamilyRunRequest } from "./family-run.js";
import { SimilarityRepository } from "./similarity.repository.js";

export interface FamilyRecomputeInput {
  connection: ConnectionSettings;
  options: DatabaseOptions;
  request: FamilyRunRequest;
}

serveChildTask<FamilyRecomputeInput, FamilyRunOutcome>(async ({ connection, options, request }) => {
  const db = Database.connect(connection, options);
  try {
    // Refused with CONFLICT while another process (a replica, `npm run families`) computes them.
    return await withJobLock(db, "families", () =>
      runFamilies(new SimilarityRepository(db), request),
    );
  } finally {
    await db.close();
  }
});
