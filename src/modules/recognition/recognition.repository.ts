import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, parseRow, parseRows } from "../../db/rows.js";
import type {
  Ks2RwmSeries,
  RecognitionData,
  RecognitionEngagement,
  YearPair,
} from "./recognition.model.js";
import { yearPairKey } from "./recognition.rules.js";

/**
 * The parallel year and value lists, kept only where both are present and line up: a series
 * loaded half-way, or not yet loaded, reads as no series (outcome not measurable).
 */
function toKs2Series(
  years: readonly (string | null)[],
  values: readonly (number | null)[],
): Ks2RwmSeries | null {
  if (years.length === 0 || years.length !== values.length) return null;
  const series: Ks2RwmSeries = { years: [], values: [] };
  years.forEach((label, index) => {
    const value = values[index] ?? null;
    if (label === null || value === null) return;
    series.years.push(label);
    series.values.push(value);
  });
  return series.years.length === 0 ? null : series;
}

/** A SUPPORTS relationship with what the recognition rule needs about the school supported. */
const RecognitionEngagementNode = node(
  z
    .object({
      id: key.string,
      systemLeaderId: key.string,
      baseUrn: cell.int,
      urn: key.int,
      regionCode: cell.string,
      start: cell.date,
      end: cell.date,
      needBand: cell.int,
      idaciDecile: cell.int,
      fsmPercent: cell.number,
      ks2Years: listOf(cell.string),
      ks2Values: listOf(cell.number),
    })
    .transform(({ ks2Years, ks2Values, ...engagement }): RecognitionEngagement => ({
      ...engagement,
      ks2: toKs2Series(ks2Years, ks2Values),
    })),
);

const RecognitionRow = z
  .object({
    regionKnown: cell.boolean,
    regionName: cell.string,
    engagements: listOf(RecognitionEngagementNode),
  })
  .transform((row): RecognitionData => ({ ...row, regionKnown: row.regionKnown ?? false }));

const NationalChangeRow = z.object({
  meanChange: cell.number,
  before: cell.string,
  after: cell.string,
});

export class RecognitionRepository {
  constructor(private readonly db: Database) {}

  // findEngagementsForRecognition
  async engagements(regionCode: string | null): Promise<RecognitionData> {
    const [row] = await this.db.read("recognition/findEngagementsForRecognition", { regionCode });
    return parseRow(RecognitionRow, row ?? {}, "recognition/findEngagementsForRecognition");
  }

  // findNationalKs2RwmChanges
  /** Mean change per pair, keyed by yearPairKey; pairs no school has both years of are absent. */
  async nationalChanges(pairs: readonly YearPair[]): Promise<Map<string, number>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.db.read("recognition/findNationalKs2RwmChanges", {
      pairs: pairs.map((pair) => ({ before: pair.before, after: pair.after })),
    });
    const changes = new Map<string, number>();
    const parsed = parseRows(NationalChangeRow, rows, "recognition/findNationalKs2RwmChanges");
    for (const { meanChange, before, after } of parsed) {
      if (meanChange !== null && before !== null && after !== null)
        changes.set(yearPairKey({ before, after }), meanChange);
    }
    return changes;
  }
}
