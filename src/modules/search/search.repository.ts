import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import { asNumber, asProperties, asString } from "../common/values.js";
import { toSchool } from "../schools/school.repository.js";
import type { SchoolSearchRow } from "./search.model.js";

export class SearchRepository {
  constructor(private readonly db: Database) {}

  // searchSchools
  /** `query` is Lucene syntax built by schoolSearchQuery from escaped words, never raw input. */
  async searchSchools(query: string, limit: number): Promise<SchoolSearchRow[]> {
    const rows = await this.db.read("search/searchSchools", { query, limit: cypherInt(limit) });
    return rows.map((row) => {
      const p = asProperties(row["school"]) ?? {};
      return {
        school: toSchool(p),
        score: asNumber(row["score"]) ?? 0,
        fields: {
          searchName: asString(p["searchName"]),
          searchPlace: asString(p["searchPlace"]),
          searchPostcode: asString(p["searchPostcode"]),
          searchFormer: asString(p["searchFormer"]),
        },
      };
    });
  }
}
