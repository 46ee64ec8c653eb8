import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, nodeProperties, parseRows } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { SCHOOL_CELLS, toSchoolRecord } from "../schools/school.repository.js";
import type { SchoolSearchRow } from "./search.model.js";

/** A school found, with the search fields that matched it. */
const SearchRow = z
  .object({
    school: nodeProperties({
      ...SCHOOL_CELLS,
      searchName: cell.string,
      searchPlace: cell.string,
      searchPostcode: cell.string,
      searchFormer: cell.string,
    }),
    score: cell.number,
  })
  .transform(
    ({
      school: { searchName, searchPlace, searchPostcode, searchFormer, ...school },
      score,
    }): SchoolSearchRow => ({
      school: toSchoolRecord(school),
      score: score ?? 0,
      fields: { searchName, searchPlace, searchPostcode, searchFormer },
    }),
  );

export class SearchRepository {
  constructor(private readonly db: Database) {}

  // searchSchools
  /** `query` is Lucene syntax built by schoolSearchQuery from escaped words, never raw input. */
  async searchSchools(query: string, limit: number): Promise<SchoolSearchRow[]> {
    const rows = await this.db.read("search/searchSchools", { query, limit: cypherInt(limit) });
    return parseRows(SearchRow, rows, "search/searchSchools");
  }
}
