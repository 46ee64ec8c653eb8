import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { InspectionRecord, SchoolLinks, SchoolRecord } from "./school.model.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { wholeSchools, type SchoolSelection } from "./school.projection.js";
import type { SchoolRepository } from "./school.repository.js";

/** Keeps the LAs and regions read with schools for the request's area fields. */
export interface AreaCache {
  prime(localAuthorities: readonly LocalAuthorityRecord[], regions: readonly RegionRecord[]): void;
}

/**
 * `selection` is the request's: schools are read with the properties its operation needs, the
 * same for every school of the request, so one cache serves every field that asks for a school;
 * their LAs and regions, when read with them, go to `areas`.
 */
export function createSchoolLoaders(
  repository: SchoolRepository,
  selection: SchoolSelection = wholeSchools(),
  areas?: AreaCache,
) {
  return {
    schoolByUrn: keyedLoader<number, SchoolRecord | null>(
      async (urns) => {
        const read = await repository.findByUrns(urns, selection);
        areas?.prime(read.localAuthorities, read.regions);
        return new Map(read.schools.map((school) => [school.urn, school]));
      },
      () => null,
    ),
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
