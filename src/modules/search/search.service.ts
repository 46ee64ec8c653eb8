import { ValidationError } from "../../errors/index.js";
import type { SchoolSearchHitRecord } from "./search.model.js";
import { DEFAULT_SEARCH_RESULTS } from "./search.rules.js";
import type { SearchRepository } from "./search.repository.js";
import { isEmptySearch, matchedOn, schoolSearchQuery, searchTerms } from "./search-text.js";

export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  /**
   * Open schools by what people call them: name, town, local authority, postcode or a former
   * name or URN, misspellings tolerated, best match first. `first` (null: the default) is
   * checked by the caller (SearchSchoolsArgs); text with no letter or digit left once normalised
   * is refused here.
   */
  async searchSchools(text: string, first: number | null = null): Promise<SchoolSearchHitRecord[]> {
    const terms = searchTerms(text);
    if (isEmptySearch(terms)) {
      throw new ValidationError("`text`: must contain a letter or a digit", "text");
    }
    const rows = await this.repository.searchSchools(
      schoolSearchQuery(terms),
      first ?? DEFAULT_SEARCH_RESULTS,
    );
    return rows.map((row) => ({
      school: row.school,
      score: row.score,
      matchedOn: matchedOn(terms, row.fields, row.school.urn),
    }));
  }
}
