import type { Database } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import {
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  requireInt,
} from "../common/values.js";
import { SUPPORT_TOPICS, type SupportTopic } from "../offers/offer.model.js";
import type { OutcomeFeature } from "../similarity/features.js";
import type {
  PartnerContact,
  PartnerContactReader,
  PartnerTopicReader,
  PartnerTopics,
} from "./matching.service.js";
import type { DatedFigure, PartnerFactsSource, SchoolFacts } from "./partner-facts.js";

/** Partnership types that make a school's trust: the body a partner is reached through. */
export const TRUST_TYPES = ["MULTI_ACADEMY_TRUST", "SINGLE_ACADEMY_TRUST", "TRUST"] as const;

/** Each outcome's figure column and the columns of its year and dataset in findPartnerFacts. */
const FIGURE_COLUMNS: { readonly [F in OutcomeFeature]: readonly [string, string, string] } = {
  ks2ReadingProgress: ["ks2ReadingProgress", "ks2Year", "ks2Source"],
  ks2WritingProgress: ["ks2WritingProgress", "ks2Year", "ks2Source"],
  ks2MathsProgress: ["ks2MathsProgress", "ks2Year", "ks2Source"],
  ks2RwmExpected: ["ks2RwmExpected", "ks2RwmExpectedYear", "ks2RwmExpectedSource"],
  ks4Progress8: ["ks4Progress8", "ks4Year", "ks4Source"],
  ks4Attainment8: ["ks4Attainment8", "ks4Year", "ks4Source"],
  ofstedGrade: ["ofstedGrade", "ofstedDate", "ofstedSource"],
};

export class MatchingRepository
  implements PartnerTopicReader, PartnerContactReader, PartnerFactsSource
{
  constructor(private readonly db: Database) {}

  /**
   * The asker's seeks, the topics sought (seeks, then the focus's topics) and, per candidate
   * offering any of them, the sought topics it offers.
   */
  async partnerTopics(
    askerUrn: number,
    candidateUrns: readonly number[],
    focusTopics: readonly SupportTopic[],
  ): Promise<PartnerTopics> {
    const [row] = await this.db.read("matching/partnerTopics", {
      urn: cypherInt(askerUrn),
      urns: candidateUrns.map(cypherInt),
      focusTopics: [...focusTopics],
    });
    const offered = new Map<number, SupportTopic[]>();
    for (const entry of asList(row?.["offered"])) {
      const properties = asProperties(entry) ?? {};
      offered.set(
        requireInt(properties["urn"], "offered.urn"),
        supportTopics(properties["topics"]),
      );
    }
    return { seeks: supportTopics(row?.["sought"]), offered };
  }

  /** Each school's trust and Teaching School Hub, for the few suggestions returned. */
  async partnerContacts(urns: readonly number[]): Promise<Map<number, PartnerContact>> {
    if (urns.length === 0) return new Map();
    const rows = await this.db.read("matching/findPartnerContacts", {
      urns: urns.map(cypherInt),
      trustTypes: [...TRUST_TYPES],
    });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "School.urn"),
        { trustId: asString(row["trustId"]), hubId: asString(row["hubId"]) },
      ]),
    );
  }

  async findPartnerFacts(): Promise<SchoolFacts[]> {
    const rows = await this.db.read("matching/findPartnerFacts", {});
    return rows.map((row) => {
      const figures: { [F in OutcomeFeature]?: DatedFigure } = {};
      for (const [feature, [valueColumn, yearColumn, sourceColumn]] of Object.entries(
        FIGURE_COLUMNS,
      ) as [OutcomeFeature, readonly [string, string, string]][]) {
        const value = asNumber(row[valueColumn]);
        if (value === null || !Number.isFinite(value)) continue;
        figures[feature] = {
          value,
          year: asString(row[yearColumn]),
          source: asString(row[sourceColumn]),
        };
      }
      return {
        urn: requireInt(row["urn"], "School.urn"),
        needBand: asInt(row["needBand"]),
        highAge: asInt(row["highAge"]),
        figures,
        progress8Lower: asNumber(row["ks4Progress8Lower"]),
        progress8Upper: asNumber(row["ks4Progress8Upper"]),
        offersTopics: row["offersTopics"] === true,
      };
    });
  }

  async findPartnerFactsVersion(): Promise<string> {
    const [row] = await this.db.read("matching/findPartnerFactsVersion", {});
    return asString(row?.["version"]) ?? "";
  }
}

/** Entries outside the vocabulary are dropped, as on school records. */
function supportTopics(value: unknown): SupportTopic[] {
  return asList(value).flatMap((item) => asMember(SUPPORT_TOPICS, item) ?? []);
}
