import type { Database } from "../../db/driver.js";
import { recordAudit } from "../audit/audit.writer.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type { FamilyRunRecord, FamilyRunStamp } from "./family.model.js";
import type { SimilarityRepository } from "./similarity.repository.js";
import type { RecomputeStore } from "./family-recompute.service.js";

/**
 * The families store of SimilarityRepository, plus the audit event of a recompute. The run is
 * written by its own transaction (as `npm run families` writes it); the event follows it.
 */
export function recomputeStore(similarity: SimilarityRepository, db: Database): RecomputeStore {
  return {
    findProfiles: () => similarity.findProfiles(),
    findCurrentRun: () => similarity.findCurrentRun(),
    saveRun: (draft, options) => similarity.saveRun(draft, options),
    markCurrent: (version) => similarity.markCurrent(version),
    findRunsByVersions: (versions) => similarity.findRunsByVersions(versions),
    recordRecompute: (before: FamilyRunStamp | null, after: FamilyRunRecord, origin: WriteOrigin) =>
      db.writeTransaction(async (run) => {
        await recordAudit(run, {
          ...origin,
          action: "recomputeFamilies",
          targetType: "FamilyRun",
          targetId: String(after.version),
          urns: [],
          regionCodes: [],
          before: before === null ? null : { currentVersion: before.version },
          after: {
            currentVersion: after.version,
            seed: after.seed,
            targetSize: after.targetSize,
          },
        });
      }),
  };
}
