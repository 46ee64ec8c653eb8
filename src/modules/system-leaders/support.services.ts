import type { Principal } from "../../auth/principal.js";
import { createGapLoaders } from "../gaps/gap.loaders.js";
import { GapService } from "../gaps/gap.service.js";
import type { SupportDataStore } from "../gaps/gap.store.js";
import type { NeedBandRepository } from "../gaps/need-band.repository.js";
import { createSystemLeaderLoaders } from "./system-leader.loaders.js";
import type { SystemLeaderRepository } from "./system-leader.repository.js";
import { SystemLeaderService } from "./system-leader.service.js";

/**
 * One request's system-leader and gap services. They share the request's view of the support
 * snapshot, so a query asking for both checks the data version once. The principal decides
 * which support engagements the caller sees.
 */
export function createSupportServices(
  repositories: { systemLeaders: SystemLeaderRepository; needBands: NeedBandRepository },
  supportSnapshots: SupportDataStore,
  principal: Principal,
): { gaps: GapService; systemLeaders: SystemLeaderService } {
  const gaps = new GapService(supportSnapshots, createGapLoaders(repositories.needBands));
  const systemLeaders = new SystemLeaderService(
    repositories.systemLeaders,
    createSystemLeaderLoaders(repositories.systemLeaders),
    gaps,
    principal,
  );
  return { gaps, systemLeaders };
}
