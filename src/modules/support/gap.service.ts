/**
 * The gap detector's queries: areas ranked by gap, isolated schools, how robust the ranking is,
 * and whether convertor academies support other schools. Everything is computed from the shared
 * in-memory snapshot (gap.store.ts) and memoised on it.
 */
import type { Governance, Phase, SchoolRecord } from "../schools/school.model.js";
import type { Designation } from "./system-leader.model.js";
import type { GapLoaders } from "./gap.loaders.js";
import type { SchoolNeedRecord } from "./need-band.repository.js";
import type { AreaGap, AreaLevel, GapKind } from "./gap.model.js";
import { hasLeaderInReach, nearestLeader, rankGaps, type GapFilter } from "./gap-index.js";
import {
  countsAsSupply,
  DEFAULT_GAP_PARAMETERS,
  DEFAULT_SENSITIVITY_CHANGE,
  DEFAULT_SUPPLY_MODE,
  MAX_SENSITIVITY_CHANGE,
  SENSITIVITY_PARAMETERS,
  type NeedBand,
  type SupplyMode,
} from "./support.rules.js";
import type { PreparedSnapshot, SupportDataStore } from "./gap.store.js";
import {
  areaKey,
  sensitivityScenarios,
  topChanges,
  type SensitivityParameter,
} from "./sensitivity.js";
import { checkNumberInRange, checkWholeNumber } from "../common/checks.js";
import { checkRegion } from "./validation.js";
import { DataNotReadyError } from "../../errors/index.js";

export const DEFAULT_GAPS = 20;
/** Enough for every LA and district of England in one list. */
export const MAX_GAPS = 500;
export const DEFAULT_TOP = 10;
export const MAX_TOP = 100;
export const DEFAULT_LIST = 20;
export const MAX_LIST = 100;
/** Schools listed under an area by default. */
export const DEFAULT_AREA_SCHOOLS = 10;

export interface GapQuery {
  regionCode?: string | null;
  kind?: GapKind | null;
  level?: AreaLevel | null;
  first?: number | null;
  supply?: SupplyMode | null;
}

export function supplyModeOf(mode: SupplyMode | null | undefined): SupplyMode {
  return mode ?? DEFAULT_SUPPLY_MODE;
}

export interface IsolatedSchool {
  supplyMode: SupplyMode;
  urn: number;
  needBand: NeedBand | null;
  /** Distance to the nearest system leader serving its phase; null when there is none at all. */
  nearestLeaderKm: number | null;
  nearestLeaderId: string | null;
}

export interface MapSchool {
  urn: number;
  name: string;
  phase: Phase | null;
  localAuthorityCode: number | null;
  latitude: number;
  longitude: number;
  needBand: number | null;
}

export interface MapLeader {
  id: string;
  name: string;
  designation: Designation;
  latitude: number;
  longitude: number;
  synthetic: boolean;
}

export interface SupportMap {
  supplyMode: SupplyMode;
  schools: MapSchool[];
  withoutLocation: number;
  leaders: MapLeader[];
}

export interface SensitivityScenario {
  parameter: SensitivityParameter;
  factor: number;
  value: number;
  entering: AreaGap[];
  leaving: AreaGap[];
}

export interface GapSensitivity {
  supplyMode: SupplyMode;
  top: number;
  change: number;
  baseline: AreaGap[];
  scenarios: SensitivityScenario[];
  /** Areas in the top under the baseline and every scenario. */
  robust: AreaGap[];
}

export interface ConvertorAcademy {
  urn: number;
  ofstedGrade: number | null;
  /** System leaders based at the academy. */
  systemLeaderIds: string[];
  /** Engagements of those leaders with other schools, still open. */
  openEngagements: number;
  /** Engagements of those leaders with other schools, ended. */
  pastEngagements: number;
  supporting: boolean;
}

export interface ConvertorAcademiesSupport {
  supplyMode: SupplyMode;
  regionCode: string | null;
  convertors: number;
  /** Convertors hosting at least one system leader. */
  withSystemLeader: number;
  /** Convertors whose leaders support another school now. */
  supporting: number;
  supportingShare: number;
  academies: ConvertorAcademy[];
}

const CONVERTOR: Governance = "ACADEMY_CONVERTER";

/** The current snapshot, refusing when there is nothing to weigh need with. */
export function requireNeedBands(prepared: PreparedSnapshot): PreparedSnapshot {
  if (prepared.hasNeedBands) return prepared;
  throw new DataNotReadyError(
    prepared.snapshot.version.familyVersion === null
      ? "No need bands yet: they compare schools with their families, and there are none. " +
          "Run `npm run families`, then `npm run need-bands`."
      : "No need bands yet for the current families: run `npm run need-bands`.",
  );
}

export class GapService {
  /** One version check per request, however many fields ask. */
  private prepared: Promise<PreparedSnapshot> | null = null;

  constructor(
    private readonly store: SupportDataStore,
    private readonly loaders: GapLoaders,
  ) {}

  /** The school's stored need band; null before `npm run need-bands` has run. */
  need(urn: number): Promise<SchoolNeedRecord | null> {
    return this.loaders.needByUrn.load(urn);
  }

  snapshot(): Promise<PreparedSnapshot> {
    this.prepared ??= this.store.current();
    return this.prepared;
  }

  private filter(prepared: PreparedSnapshot, query: GapQuery): GapFilter {
    return {
      regionCode: checkRegion(prepared, query.regionCode),
      kind: query.kind ?? "ALL",
      level: query.level ?? null,
    };
  }

  /**
   * The first `first` of these schools (an area's schools in need, already ordered), read through
   * the request's school loader so a list of areas costs one batch.
   */
  async schoolsOf(
    urns: readonly number[],
    first: number | null | undefined,
    schools: { byUrn(urn: number): Promise<SchoolRecord | null> },
  ): Promise<SchoolRecord[]> {
    const size = checkWholeNumber(first ?? DEFAULT_AREA_SCHOOLS, 1, MAX_LIST, "first");
    const found = await Promise.all(urns.slice(0, size).map((urn) => schools.byUrn(urn)));
    return found.filter((school): school is SchoolRecord => school !== null);
  }

  /** A convertor list's academies, optionally only those (not) supporting another school. */
  academies(
    support: ConvertorAcademiesSupport,
    first?: number | null,
    supporting?: boolean | null,
  ): ConvertorAcademy[] {
    const size = checkWholeNumber(first ?? DEFAULT_LIST, 1, MAX_LIST, "first");
    const matching =
      supporting === null || supporting === undefined
        ? support.academies
        : support.academies.filter((academy) => academy.supporting === supporting);
    return matching.slice(0, size);
  }

  /** Areas by gap index, highest first; see gap-index.ts for every figure. */
  async supportGaps(query: GapQuery): Promise<AreaGap[]> {
    const first = checkWholeNumber(query.first ?? DEFAULT_GAPS, 1, MAX_GAPS, "first");
    const prepared = requireNeedBands(await this.snapshot());
    const filter = this.filter(prepared, query);
    const supply = supplyModeOf(query.supply);
    return prepared
      .memoize(`supportGaps:${JSON.stringify([filter, supply])}`, () =>
        rankGaps(prepared.gaps({ ...DEFAULT_GAP_PARAMETERS, supply }).areas, filter),
      )
      .slice(0, first);
  }

  /**
   * Schools in no partnership with no person designation (NLE, LLE, SLE, NLG) counting under the
   * supply mode and serving their phase within reach, neediest first, then the furthest from
   * one. Hubs do not count: every LA has one.
   */
  async isolatedSchools(
    regionCode: string | null | undefined,
    first?: number | null,
    supplyMode?: SupplyMode | null,
  ): Promise<IsolatedSchool[]> {
    const size = checkWholeNumber(first ?? DEFAULT_LIST, 1, MAX_LIST, "first");
    const supply = supplyModeOf(supplyMode);
    const prepared = await this.snapshot();
    const region = checkRegion(prepared, regionCode);
    const all = prepared.memoize(`isolated:${region}:${supply}`, () => {
      const { schools, leaders } = prepared.snapshot;
      const isolated: IsolatedSchool[] = [];
      schools.forEach((school) => {
        if (region !== null && school.regionCode !== region) return;
        if (school.inPartnership || school.latitude === null) return;
        if (hasLeaderInReach(prepared.grid, prepared.snapshot, school, supply)) return;
        const nearest = nearestLeader(prepared.snapshot, school, supply);
        isolated.push({
          supplyMode: supply,
          urn: school.urn,
          needBand: school.needBand,
          nearestLeaderKm: nearest?.distanceKm ?? null,
          nearestLeaderId: nearest === null ? null : leaders[nearest.index]!.id,
        });
      });
      return isolated.sort(
        (a, b) =>
          (a.needBand ?? 5) - (b.needBand ?? 5) ||
          (b.nearestLeaderKm ?? Infinity) - (a.nearestLeaderKm ?? Infinity) ||
          a.urn - b.urn,
      );
    });
    return all.slice(0, size);
  }

  /**
   * An area's state-funded schools as map points with their need band, how many have no
   * location, and the located system leaders and hubs counting under the supply. Read from the
   * same snapshot as supportGaps, so the map and the table agree.
   */
  async supportMap(
    regionCode: string | null | undefined,
    supplyMode?: SupplyMode | null,
  ): Promise<SupportMap> {
    const supply = supplyModeOf(supplyMode);
    const prepared = await this.snapshot();
    const region = checkRegion(prepared, regionCode);
    return prepared.memoize(`map:${region}:${supply}`, () => {
      const inRegion = (place: { regionCode: string | null }) =>
        region === null || place.regionCode === region;
      const schools: MapSchool[] = [];
      let withoutLocation = 0;
      for (const school of prepared.snapshot.schools) {
        if (!inRegion(school)) continue;
        if (school.latitude === null || school.longitude === null) {
          withoutLocation += 1;
          continue;
        }
        schools.push({
          urn: school.urn,
          name: school.name ?? `URN ${school.urn}`,
          phase: school.phase,
          localAuthorityCode: school.laCode,
          latitude: school.latitude,
          longitude: school.longitude,
          needBand: school.needBand,
        });
      }
      const leaders: MapLeader[] = [];
      for (const leader of prepared.snapshot.leaders) {
        if (!inRegion(leader) || !countsAsSupply(leader, supply)) continue;
        if (leader.latitude === null || leader.longitude === null) continue;
        leaders.push({
          id: leader.id,
          name: leader.name,
          designation: leader.designation,
          latitude: leader.latitude,
          longitude: leader.longitude,
          synthetic: leader.synthetic,
        });
      }
      schools.sort((a, b) => a.urn - b.urn);
      leaders.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { supplyMode: supply, schools, withoutLocation, leaders };
    });
  }

  /** Which areas enter or leave the top `top` when each threshold moves by ±`change`. */
  async gapSensitivity(
    query: Omit<GapQuery, "first"> & { top?: number | null; change?: number | null },
  ): Promise<GapSensitivity> {
    const top = checkWholeNumber(query.top ?? DEFAULT_TOP, 1, MAX_TOP, "top");
    const change = checkNumberInRange(
      query.change ?? DEFAULT_SENSITIVITY_CHANGE,
      0,
      MAX_SENSITIVITY_CHANGE,
      "change",
    );
    const prepared = requireNeedBands(await this.snapshot());
    const filter = this.filter(prepared, query);
    const supply = supplyModeOf(query.supply);
    const base = { ...DEFAULT_GAP_PARAMETERS, supply };
    return prepared.memoize(
      `sensitivity:${JSON.stringify({ filter, top, change, supply })}`,
      () => {
        const baseline = rankGaps(prepared.gaps(base).areas, filter).slice(0, top);
        const robustKeys = new Set(baseline.map(areaKey));
        const scenarios = sensitivityScenarios(base, change).map((scenario) => {
          const ranked = rankGaps(prepared.gaps(scenario.parameters).areas, filter).slice(0, top);
          const keys = new Set(ranked.map(areaKey));
          for (const key of robustKeys) if (!keys.has(key)) robustKeys.delete(key);
          return {
            parameter: scenario.parameter,
            factor: scenario.factor,
            value: scenario.value,
            ...topChanges(baseline, ranked),
          };
        });
        scenarios.sort(
          (a, b) =>
            SENSITIVITY_PARAMETERS.indexOf(a.parameter) -
              SENSITIVITY_PARAMETERS.indexOf(b.parameter) || a.factor - b.factor,
        );
        return {
          supplyMode: supply,
          top,
          change,
          baseline,
          scenarios,
          robust: baseline.filter((gap) => robustKeys.has(areaKey(gap))),
        };
      },
    );
  }

  /**
   * Convertor academies and whether a system leader based at each supports another school. The
   * Committee found the expectation that convertors support others unmonitored; this is the
   * monitoring the graph allows.
   */
  async convertorAcademiesSupport(
    regionCode: string | null | undefined,
    supplyMode?: SupplyMode | null,
  ): Promise<ConvertorAcademiesSupport> {
    const supply = supplyModeOf(supplyMode);
    const prepared = await this.snapshot();
    const region = checkRegion(prepared, regionCode);
    return prepared.memoize(`convertors:${region}:${supply}`, () => {
      const { schools, engagements } = prepared.snapshot;
      const leaders = prepared.snapshot.leaders.filter((leader) => countsAsSupply(leader, supply));
      const leadersAt = new Map<number, string[]>();
      for (const leader of leaders) {
        if (leader.baseUrn === null) continue;
        const list = leadersAt.get(leader.baseUrn) ?? [];
        list.push(leader.id);
        leadersAt.set(leader.baseUrn, list);
      }
      const baseOf = new Map(leaders.map((leader) => [leader.id, leader.baseUrn]));
      const open = new Map<number, number>();
      const past = new Map<number, number>();
      for (const engagement of engagements) {
        const base = baseOf.get(engagement.systemLeaderId);
        if (base === null || base === undefined || base === engagement.urn) continue;
        const counts = engagement.open ? open : past;
        counts.set(base, (counts.get(base) ?? 0) + 1);
      }
      const academies: ConvertorAcademy[] = schools
        .filter(
          (school) =>
            school.governance === CONVERTOR && (region === null || school.regionCode === region),
        )
        .map((school) => ({
          urn: school.urn,
          ofstedGrade: school.ofstedGrade,
          systemLeaderIds: leadersAt.get(school.urn) ?? [],
          openEngagements: open.get(school.urn) ?? 0,
          pastEngagements: past.get(school.urn) ?? 0,
          supporting: (open.get(school.urn) ?? 0) > 0,
        }))
        .sort(
          (a, b) =>
            Number(b.supporting) - Number(a.supporting) ||
            (a.ofstedGrade ?? 5) - (b.ofstedGrade ?? 5) ||
            a.urn - b.urn,
        );
      const supporting = academies.filter((a) => a.supporting).length;
      return {
        supplyMode: supply,
        regionCode: region,
        convertors: academies.length,
        withSystemLeader: academies.filter((a) => a.systemLeaderIds.length > 0).length,
        supporting,
        supportingShare: academies.length === 0 ? 0 : supporting / academies.length,
        academies,
      };
    });
  }
}
