import DataLoader from "dataloader";
import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type {
  MembersPageKey,
  MembersSlice,
  PartnershipRecord,
  SchoolMemberships,
} from "./partnership.model.js";
import { wholeSchools, type SchoolSelection } from "../schools/school.projection.js";
import type { PartnershipRepository } from "./partnership.repository.js";

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
    membershipsByUrn: keyedLoader<number, SchoolMemberships>(
      (urns) => repository.findMembershipsByUrns(urns),
      () => ({ current: [], former: [] }),
    ),
    /** Pages of any size and position for many partnerships in one statement. */
    membersPage: new DataLoader<MembersPageKey, MembersSlice, string>(
      (keys) => repository.findMembers(keys, selection.properties),
      {
        cacheKeyFn: (key) =>
          JSON.stringify([key.partnershipId, key.first, key.after?.name, key.after?.urn]),
      },
    ),
    leadersById: keyedLoader<string, Leadership[]>(
      (ids) => repository.findLeadersByIds(ids),
      () => [],
    ),
  };
}

export type PartnershipLoaders = ReturnType<typeof createPartnershipLoaders>;
