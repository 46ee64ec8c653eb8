/**
 * How robust the top gaps are: each threshold of the gap detector is moved down and up by a
 * fraction (10 % by default), one at a time, and the areas that enter or leave the top N are
 * listed. An area in the top N under every scenario is robust: no reasonable choice of
 * threshold would take it off the list.
 *
 * | parameter            | baseline | what moves                                               |
 * |----------------------|----------|----------------------------------------------------------|
 * | REACH_KM             | ×1       | every leader's reach (reach.ts)                          |
 * | LEADER_CAPACITY      | ×1       | every leader's capacity                                  |
 * | PARTNERSHIP_CREDIT   | 0.5      | how much support a partnership counts for               |
 * | AREA_SHARE           | 0.5      | the share of rural (coastal) schools making an area so   |
 * | COAST_DISTANCE_KM    | 5 km     | the coastline distance making a school coastal, for schools whose town the ONS does not classify |
 *
 * AREA_SHARE and COAST_DISTANCE_KM only decide which areas count as rural or coastal, so they
 * change the top N of RURAL and COASTAL lists only.
 */
import type { AreaGap } from "./gap.model.js";
import type { GapParameters } from "./gap-index.js";
import { SENSITIVITY_PARAMETERS } from "./support.rules.js";

export type SensitivityParameter = (typeof SENSITIVITY_PARAMETERS)[number];

export interface Scenario {
  parameter: SensitivityParameter;
  /** The multiplier applied, e.g. 0.9 or 1.1. */
  factor: number;
  /** The parameter's value under the scenario, in its own units. */
  value: number;
  parameters: GapParameters;
}

function withFactor(
  base: GapParameters,
  parameter: SensitivityParameter,
  factor: number,
): { value: number; parameters: GapParameters } {
  switch (parameter) {
    case "REACH_KM":
      return {
        value: base.reachFactor * factor,
        parameters: { ...base, reachFactor: base.reachFactor * factor },
      };
    case "LEADER_CAPACITY":
      return {
        value: base.capacityFactor * factor,
        parameters: { ...base, capacityFactor: base.capacityFactor * factor },
      };
    case "PARTNERSHIP_CREDIT": {
      const credit = Math.min(1, base.partnershipCredit * factor);
      return { value: credit, parameters: { ...base, partnershipCredit: credit } };
    }
    case "AREA_SHARE": {
      const share = Math.min(1, base.areaShare * factor);
      return { value: share, parameters: { ...base, areaShare: share } };
    }
    case "COAST_DISTANCE_KM":
      return {
        value: base.coastKm * factor,
        parameters: { ...base, coastKm: base.coastKm * factor },
      };
  }
}

/** Every parameter moved down and up by `change` (a fraction, e.g. 0.1), down first. */
export function sensitivityScenarios(base: GapParameters, change: number): Scenario[] {
  return SENSITIVITY_PARAMETERS.flatMap((parameter) =>
    [1 - change, 1 + change].map((factor) => ({
      parameter,
      factor,
      ...withFactor(base, parameter, factor),
    })),
  );
}

export function areaKey(gap: AreaGap): string {
  return `${gap.area.level}:${gap.area.code}`;
}

/** Areas in the scenario's top N but not the baseline's, and the reverse, each in rank order. */
export function topChanges(
  baselineTop: readonly AreaGap[],
  scenarioTop: readonly AreaGap[],
): { entering: AreaGap[]; leaving: AreaGap[] } {
  const baseKeys = new Set(baselineTop.map(areaKey));
  const scenarioKeys = new Set(scenarioTop.map(areaKey));
  return {
    entering: scenarioTop.filter((gap) => !baseKeys.has(areaKey(gap))),
    leaving: baselineTop.filter((gap) => !scenarioKeys.has(areaKey(gap))),
  };
}
