import DataLoader from "dataloader";
import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type {
  MembersPageKey,
  MembersSlice,
  MembershipRecord,
  PartnershipRecord,
} from "./partnership.model.js";
import { wholeSchools, type SchoolSelection } from "../schools/school.projection.js";
import type { PartnershipRepository } from "./partnership.repository.js";

export function membersPageCacheKey(key: MembersPageKey): string {
  return JSON.stringify([key.partnershipId, key.first, key.after?.name, key.after?.urn]);
}

/** Member schools are read with `selection`'s properties, as the school loader reads them. */
export function createPartnershipLoaders(
  repository: PartnershipRepository,
  selection: SchoolSelection = wholeSchools(),
) {
  return {
    partnershipById: keyedLoader<string, PartnershipRecord | null>(
      (ids) => repository.findByIds(ids),
      () => null,
    ),
    membershipsByUrn: keyedLoader<number, MembershipRecord[]>(
      (urns) => repository.findMembershipsByUrns(urns),
      () => [],
    ),
    formerMembershipsByUrn: keyedLoader<number, MembershipRecord[]>(
      (urns) => repository.findFormerMembershipsByUrns(urns),
      () => [],
    ),
    /** Pages of any size and position for many partnerships in one statement. */
    membersPage: new DataLoader<MembersPageKey, MembersSlice, string>(
      (keys) => repository.findMembers(keys, selection.properties),
      { cacheKeyFn: membersPageCacheKey },
    ),
    leadersById: keyedLoader<string, Leadership[]>(
      (ids) => repository.findLeadersByIds(ids),
      () => [],
    ),
  };
}

export type PartnershipLoaders = ReturnType<typeof createPartnershipLoaders>;
