import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { InspectionRecord, SchoolLinks, SchoolRecord } from "./school.model.js";
import type { SchoolSelection } from "./school.projection.js";
import type { SchoolRepository } from "./school.repository.js";

/**
 * `selection` is the request's: schools are read with the properties its operation needs, the
 * same for every school of the request, so one cache serves every field that asks for a school.
 */
export function createSchoolLoaders(
  repository: SchoolRepository,
  selection: SchoolSelection = { properties: null },
) {
  return {
    schoolByUrn: keyedLoader<number, SchoolRecord | null>(
      (urns) => repository.findByUrns(urns, selection.properties),
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
