import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
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

/** Entries outside the vocabulary are dropped, as on school records. */
const SupportTopics = cell.list(cell.member(SUPPORT_TOPICS));

const PartnerTopicsRow = z.object({
  sought: SupportTopics,
  offered: listOf(node(z.object({ urn: key.int, topics: SupportTopics }))),
});

const PartnerContactRow = z.object({ urn: key.int, trustId: cell.string, hubId: cell.string });

/** The outcome figures of findPartnerFacts. */
const FigureValues = z.object({
  ks2ReadingProgress: cell.number,
  ks2WritingProgress: cell.number,
  ks2MathsProgress: cell.number,
  ks2RwmExpected: cell.number,
  ks4Progress8: cell.number,
  ks4Attainment8: cell.number,
  ofstedGrade: cell.number,
});

/** The years and datasets of those figures. */
const FigureLabels = z.object({
  ks2Year: cell.string,
  ks2Source: cell.string,
  ks2RwmExpectedYear: cell.string,
  ks2RwmExpectedSource: cell.string,
  ks4Year: cell.string,
  ks4Source: cell.string,
  ofstedDate: cell.string,
  ofstedSource: cell.string,
});

type FigureColumn = keyof z.output<typeof FigureValues>;
type LabelColumn = keyof z.output<typeof FigureLabels>;

const PartnerFactsRow = z.object({
  urn: key.int,
  needBand: cell.int,
  highAge: cell.int,
  ...FigureValues.shape,
  ...FigureLabels.shape,
  ks4Progress8Lower: cell.number,
  ks4Progress8Upper: cell.number,
  offersTopics: cell.boolean,
});

/** Each outcome's figure column and the columns of its year and dataset in findPartnerFacts. */
const FIGURE_COLUMNS: {
  readonly [F in OutcomeFeature]: readonly [FigureColumn, LabelColumn, LabelColumn];
} = {
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
    const { sought, offered } = parseRow(PartnerTopicsRow, row ?? {}, "matching/partnerTopics");
    return {
      seeks: sought,
      offered: new Map<number, SupportTopic[]>(offered.map((entry) => [entry.urn, entry.topics])),
    };
  }

  /** Each school's trust and Teaching School Hub, for the few suggestions returned. */
  async partnerContacts(urns: readonly number[]): Promise<Map<number, PartnerContact>> {
    if (urns.length === 0) return new Map();
    const rows = await this.db.read("matching/findPartnerContacts", {
      urns: urns.map(cypherInt),
      trustTypes: [...TRUST_TYPES],
    });
    return new Map(
      parseRows(PartnerContactRow, rows, "matching/findPartnerContacts").map((row) => [
        row.urn,
        { trustId: row.trustId, hubId: row.hubId },
      ]),
    );
  }

  async findPartnerFacts(): Promise<SchoolFacts[]> {
    const rows = await this.db.read("matching/findPartnerFacts", {});
    return parseRows(PartnerFactsRow, rows, "matching/findPartnerFacts").map((row) => {
      const figures: { [F in OutcomeFeature]?: DatedFigure } = {};
      for (const [feature, [valueColumn, yearColumn, sourceColumn]] of Object.entries(
        FIGURE_COLUMNS,
      ) as [OutcomeFeature, readonly [FigureColumn, LabelColumn, LabelColumn]][]) {
        const value = row[valueColumn];
        if (value === null) continue;
        figures[feature] = { value, year: row[yearColumn], source: row[sourceColumn] };
      }
      return {
        urn: row.urn,
        needBand: row.needBand,
        highAge: row.highAge,
        figures,
        progress8Lower: row.ks4Progress8Lower,
        progress8Upper: row.ks4Progress8Upper,
        offersTopics: row.offersTopics === true,
      };
    });
  }
}
