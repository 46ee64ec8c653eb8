import DataLoader from "dataloader";
import { keyedLoader } from "../common/loaders.js";
import type { AdviserRecord } from "./adviser.model.js";
import type {
  AdviserRepository,
  AdviserSchoolsKey,
  AdviserSchoolsSlice,
  SchoolAdviser,
} from "./adviser.repository.js";

export function createAdviserLoaders(repository: AdviserRepository) {
  return {
    adviserById: keyedLoader<string, AdviserRecord | null>(
      (ids) => repository.findByIds(ids),
      () => null,
    ),
    advisersByUrn: keyedLoader<number, SchoolAdviser[]>(
      (urns) => repository.findBySchoolUrns(urns),
      () => [],
    ),
    /** Pages of any size and position for many advisers in one statement. */
    schoolsPage: new DataLoader<AdviserSchoolsKey, AdviserSchoolsSlice, string>(
      (keys) => repository.findSchools(keys),
      {
        cacheKeyFn: (key) =>
          JSON.stringify([key.adviserId, key.first, key.after?.name, key.after?.urn]),
      },
    ),
  };
}

export type AdviserLoaders = ReturnType<typeof createAdviserLoaders>;
