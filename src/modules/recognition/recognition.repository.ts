import type { Database } from "../../db/driver.js";
import {
  asBoolean,
  asDate,
  asInt,
  asList,
  asNumber,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
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
export function toKs2Series(years: unknown, values: unknown): Ks2RwmSeries | null {
  const yearList = asList(years);
  const valueList = asList(values);
  if (yearList.length === 0 || yearList.length !== valueList.length) return null;
  const series: Ks2RwmSeries = { years: [], values: [] };
  yearList.forEach((year, index) => {
    const label = asString(year);
    const value = asNumber(valueList[index]);
    if (label === null || value === null) return;
    series.years.push(label);
    series.values.push(value);
  });
  return series.years.length === 0 ? null : series;
}

export function toRecognitionEngagement(value: unknown): RecognitionEngagement {
  const p = asProperties(value) ?? {};
  return {
    id: requireString(p["id"], "SUPPORTS.id"),
    systemLeaderId: requireString(p["systemLeaderId"], "SystemLeader.id"),
    baseUrn: asInt(p["baseUrn"]),
    urn: requireInt(p["urn"], "School.urn"),
    regionCode: asString(p["regionCode"]),
    start: asDate(p["start"]),
    end: asDate(p["end"]),
    needBand: asInt(p["needBand"]),
    idaciDecile: asInt(p["idaciDecile"]),
    fsmPercent: asNumber(p["fsmPercent"]),
    ks2: toKs2Series(p["ks2Years"], p["ks2Values"]),
  };
}

export class RecognitionRepository {
  constructor(private readonly db: Database) {}

  // findEngagementsForRecognition
  async engagements(regionCode: string | null): Promise<RecognitionData> {
    const [row] = await this.db.read("recognition/findEngagementsForRecognition", { regionCode });
    return {
      regionKnown: asBoolean(row?.["regionKnown"]) ?? false,
      regionName: asString(row?.["regionName"]),
      engagements: asList(row?.["engagements"]).map(toRecognitionEngagement),
    };
  }

  // findNationalKs2RwmChanges
  /** Mean change per pair, keyed by yearPairKey; pairs no school has both years of are absent. */
  async nationalChanges(pairs: readonly YearPair[]): Promise<Map<string, number>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.db.read("recognition/findNationalKs2RwmChanges", {
      pairs: pairs.map((pair) => ({ before: pair.before, after: pair.after })),
    });
    const changes = new Map<string, number>();
    for (const row of rows) {
      const mean = asNumber(row["meanChange"]);
      const before = asString(row["before"]);
      const after = asString(row["after"]);
      if (mean !== null && before !== null && after !== null)
        changes.set(yearPairKey({ before, after }), mean);
    }
    return changes;
  }
}
