import { keyedLoader } from "../common/loaders.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { InspectionRecord, SchoolLinks, SchoolRecord } from "./school.model.js";
import type { SchoolRepository } from "./school.repository.js";

export function createSchoolLoaders(repository: SchoolRepository) {
  return {
    schoolByUrn: keyedLoader<number, SchoolRecord | null>(
      (urns) => repository.findByUrns(urns),
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
