/**
 * One plain-words line per figure of an area's gap, so a reader of the answer needs no guide to
 * know what a number means. The definitions behind them are in gap-index.ts and support.rules.ts.
 */
import type { AreaGap } from "./gap.model.js";
import type { GapParameters } from "./gap-index.js";

export interface FigureExplanation {
  figure: string;
  text: string;
}

const SUPPLY_WORDS = {
  REAL: "Teaching School Hubs, real designations and strong schools of their own trusts",
  MODELLED: "hubs, real and synthetic designations and strong schools of their own trusts",
} as const;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function number(value: number, digits = 1): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: digits });
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${number(count, 0)} ${count === 1 ? one : many}`;
}

export function explainGap(
  gap: AreaGap,
  parameters: Pick<GapParameters, "partnershipCredit" | "areaShare" | "coastKm">,
): FigureExplanation[] {
  const bandOne = Math.round(gap.needWeight - gap.needSchools);
  const bandTwo = gap.needSchools - bandOne;
  const where = gap.area.name;
  return [
    {
      figure: "totalSchools",
      text: `${where} has ${plural(gap.totalSchools, "state-funded school")}.`,
    },
    {
      figure: "needSchools",
      text:
        `${number(gap.needSchools, 0)} of them (${percent(gap.totalSchools === 0 ? 0 : gap.needSchools / gap.totalSchools)}) ` +
        `need support (need bands 1 and 2), with ${plural(gap.needPupils, "pupil")} on roll.`,
    },
    {
      figure: "needWeight",
      text: `Their need weighs ${number(gap.needWeight, 0)}: 2 for each of ${plural(bandOne, "band-1 school")} and 1 for each of ${plural(bandTwo, "band-2 school")}.`,
    },
    {
      figure: "supply",
      text:
        `${number(gap.supply)} support places reach them (${gap.supplyMode}: ${SUPPLY_WORDS[gap.supplyMode]}), ` +
        "each leader's free places shared among all the schools in need it reaches.",
    },
    {
      figure: "trustSupply",
      text: `${number(gap.trustSupply)} of those places come from good or outstanding schools of their own multi-academy trusts.`,
    },
    {
      figure: "leadersWithinReach",
      text: `${plural(gap.leadersWithinReach, "person designation")} (NLE, LLE, SLE, NLG${gap.supplyMode === "REAL" ? ", real ones only" : ", synthetic ones included"}) can reach at least one of them.`,
    },
    {
      figure: "hubsWithinReach",
      text: `${plural(gap.hubsWithinReach, "Teaching School Hub")} serve${gap.hubsWithinReach === 1 ? "s" : ""} the area.`,
    },
    {
      figure: "partnershipRate",
      text: `${percent(gap.partnershipRate)} of the area's schools are in a partnership (trust, federation or other).`,
    },
    {
      figure: "coverage",
      text: `${percent(gap.coverage)} of the need is covered, weighted by need; a partnership counts for ${percent(parameters.partnershipCredit)} of a leader's support.`,
    },
    {
      figure: "unmetNeed",
      text: `${number(gap.unmetNeed)} band-2-school equivalents of need have no support within reach.`,
    },
    {
      figure: "gapIndex",
      text: `Gap index ${number(gap.gapIndex)}: that unmet need per 100 schools of the area; lists are ordered by it, highest first.`,
    },
    {
      figure: "rural",
      text: `${gap.rural ? "Rural" : "Not rural"}: ${percent(gap.ruralShare)} of its schools are rural (ONS 2011 rural-urban classes D1-E2); an area is rural when at least ${percent(parameters.areaShare)} are.`,
    },
    {
      figure: "coastal",
      text:
        `${gap.coastal ? "Coastal" : "Not coastal"}: ${percent(gap.coastalShare)} of its schools are coastal ` +
        `(the ONS coastal-towns flag where a school's town is classified, otherwise within ${number(parameters.coastKm)} km of the coastline); ` +
        `an area is coastal when at least ${percent(parameters.areaShare)} are.`,
    },
  ];
}
