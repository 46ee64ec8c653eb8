/**
 * How well an area's state-funded schools are covered by advisers, weighted by need with the
 * coverage weights of adviser.rules.ts.
 */
import type { BandCount } from "./adviser.model.js";
import { coverageWeight } from "./adviser.rules.js";

export interface BandCoverage {
  /** 1..4, or null for schools without a need band. */
  band: number | null;
  weight: number;
  schools: number;
  advised: number;
  unadvised: number;
}

export interface CoverageFigures {
  schools: number;
  advised: number;
  unadvised: number;
  /** Bands 1..4, then unbanded; every row present, zero when the area has none. */
  byNeedBand: BandCoverage[];
  totalWeight: number;
  advisedWeight: number;
  /** advisedWeight / totalWeight, 0..1; 0 for an area with no schools. */
  weightedCoverage: number;
  /** advised / schools, 0..1; 0 for an area with no schools. */
  coverage: number;
}

const BANDS: readonly (number | null)[] = [1, 2, 3, 4, null];

/** Coverage figures from per-band counts (bands missing from the counts have no schools). */
export function coverageFrom(counts: readonly BandCount[]): CoverageFigures {
  const byNeedBand = BANDS.map((band) => {
    const rows = counts.filter((row) => needBandKey(row.band) === band);
    const schools = rows.reduce((sum, row) => sum + row.schools, 0);
    const advised = rows.reduce((sum, row) => sum + row.advised, 0);
    return { band, weight: coverageWeight(band), schools, advised, unadvised: schools - advised };
  });
  const schools = byNeedBand.reduce((sum, row) => sum + row.schools, 0);
  const advised = byNeedBand.reduce((sum, row) => sum + row.advised, 0);
  const totalWeight = byNeedBand.reduce((sum, row) => sum + row.weight * row.schools, 0);
  const advisedWeight = byNeedBand.reduce((sum, row) => sum + row.weight * row.advised, 0);
  return {
    schools,
    advised,
    unadvised: schools - advised,
    byNeedBand,
    totalWeight,
    advisedWeight,
    weightedCoverage: totalWeight === 0 ? 0 : advisedWeight / totalWeight,
    coverage: schools === 0 ? 0 : advised / schools,
  };
}

/** A band outside 1..4 is treated as no band. */
function needBandKey(band: number | null): number | null {
  return band === 1 || band === 2 || band === 3 || band === 4 ? band : null;
}
