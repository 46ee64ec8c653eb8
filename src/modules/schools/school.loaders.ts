import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { MembersSlice, MembershipRecord } from "../partnerships/partnership.model.js";
import type { InspectionRecord, SchoolLinks, SchoolReads, SchoolRecord } from "./school.model.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { wholeSchools, type SchoolSelection } from "./school.projection.js";
import type { SchoolRepository } from "./school.repository.js";

/** Keeps the LAs and regions read with schools for the request's area fields. */
export interface AreaCache {
  prime(localAuthorities: readonly LocalAuthorityRecord[], regions: readonly RegionRecord[]): void;
}

/** Keeps the memberships and first member pages read with schools for the request's fields. */
export interface MembershipCache {
  prime(
    memberships: ReadonlyMap<number, MembershipRecord[]>,
    firstMembers: ReadonlyMap<string, MembersSlice>,
    size: number | null,
  ): void;
}

/** Where what school statements read alongside their schools goes. */
export interface Alongside {
  areas: AreaCache;
  memberships: MembershipCache;
}

/**
 * `selection` is the request's: schools are read with the properties its operation needs, the
 * same for every school of the request, so one cache serves every field that asks for a school;
 * what is read with them (LAs and regions, memberships, first member pages) goes to `alongside`.
 */
export function createSchoolLoaders(
  repository: SchoolRepository,
  selection: SchoolSelection = wholeSchools(),
  alongside?: Alongside,
) {
  /** Passes what a school statement read alongside its schools to where the fields look. */
  const keepAlongside = (read: SchoolReads) => {
    alongside?.areas.prime(read.localAuthorities, read.regions);
    alongside?.memberships.prime(read.memberships, read.firstMembers, selection.memberPage);
  };
  const schoolByUrn = keyedLoader<number, SchoolRecord | null>(
    async (urns) => {
      const read = await repository.findByUrns(urns, selection);
      keepAlongside(read);
      return new Map(read.schools.map((school) => [school.urn, school]));
    },
    () => null,
  );
  return {
    schoolByUrn,
    /** Keeps a page a list statement read: its schools, and what came with them. */
    keep(read: SchoolReads): void {
      keepAlongside(read);
      for (const school of read.schools) schoolByUrn.prime(school.urn, school);
    },
    linksByUrn: keyedLoader<number, SchoolLinks>(
      (urns) => repository.findLinksByUrns(urns),
      () => ({ predecessors: [], successors: [] }),
    ),
    inspectionsByUrn: keyedLoader<number, InspectionRecord[]>(
      (urns) => repository.findInspectionsByUrns(urns),
      () => [],
    ),
    leadersByUrn: keyedLoader<number, Leadership[]>(
      (urns) => repository.findLeadersByUrns(urns),
      () => [],
    ),
  };
}

export type SchoolLoaders = ReturnType<typeof createSchoolLoaders>;
