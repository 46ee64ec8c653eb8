import { keyedLoader } from "../common/loaders.js";
import type { SupportEngagementRecord, SystemLeaderRecord } from "./system-leader.model.js";
import type { SystemLeaderRepository } from "./system-leader.repository.js";

export function createSystemLeaderLoaders(repository: SystemLeaderRepository) {
  return {
    systemLeaderById: keyedLoader<string, SystemLeaderRecord | null>(
      (ids) => repository.findByIds(ids),
      () => null,
    ),
    systemLeadersByBaseUrn: keyedLoader<number, SystemLeaderRecord[]>(
      (urns) => repository.findByBaseUrns(urns),
      () => [],
    ),
    engagementsByLeaderId: keyedLoader<string, SupportEngagementRecord[]>(
      (ids) => repository.findEngagementsByLeaderIds(ids),
      () => [],
    ),
    engagementsBySchoolUrn: keyedLoader<number, SupportEngagementRecord[]>(
      (urns) => repository.findEngagementsBySchoolUrns(urns),
      () => [],
    ),
  };
}

export type SystemLeaderLoaders = ReturnType<typeof createSystemLeaderLoaders>;
