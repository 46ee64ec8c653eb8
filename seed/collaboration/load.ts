import type { Database } from "../../src/db/driver.js";
import type { CollaborationModelRecord } from "../../src/modules/collaboration/collaboration.model.js";
import { COLLABORATION_MODELS } from "./models.js";

/** A model as node properties: joining routes flattened, as properties cannot hold maps. */
export function modelProperties(
  model: CollaborationModelRecord,
  position: number,
): Record<string, unknown> {
  const { joining, ...rest } = model;
  return {
    ...rest,
    position,
    maintainedEligibility: joining.MAINTAINED.eligibility,
    maintainedSteps: joining.MAINTAINED.steps,
    academyEligibility: joining.ACADEMY.eligibility,
    academySteps: joining.ACADEMY.steps,
    independentEligibility: joining.INDEPENDENT.eligibility,
    independentSteps: joining.INDEPENDENT.steps,
  };
}

/**
 * Writes the collaboration models catalogue as CollaborationModel nodes. Small and idempotent,
 * so every seed run does it, even one that loads nothing else (--if-empty on a full graph).
 */
export async function writeCollaborationModels(
  db: Database,
  models: readonly CollaborationModelRecord[] = COLLABORATION_MODELS,
): Promise<number> {
  const rows = await db.write("collaboration/mergeCollaborationModels", {
    models: models.map((model, position) => modelProperties(model, position)),
  });
  return Number(rows[0]?.["written"] ?? 0);
}
