import type { SchoolRecord } from "../schools/school.model.js";
import type { SearchFields } from "./search-text.js";

/** One row of a full-text search: the school, its relevance and the fields it was found by. */
export interface SchoolSearchRow {
  school: SchoolRecord;
  score: number;
  fields: SearchFields;
}

export interface SchoolSearchHitRecord {
  school: SchoolRecord;
  score: number;
  /** Which fields matched, in words (see MATCH_LABELS in search-text.ts). */
  matchedOn: string[];
}
