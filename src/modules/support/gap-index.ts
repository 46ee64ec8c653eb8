/**
 * The gap detector: per local authority and per district, the need for support weighed against
 * the support within reach.
 *
 * ## Figures
 *
 * Every state-funded school counts; bands come from need-bands.ts, reach and capacity from
 * reach.ts.
 *
 * - **needSchools**: schools in need bands 1 and 2. **needPupils**: their pupils.
 * - **need weight** of a school: 2 in band 1, 1 in band 2, 0 otherwise (a band-1 school has
 *   twice the claim on nearby support).
 * - **supply**: support places within reach of the area's need schools, by the two-step
 *   floating catchment area method (Luo and Wang, 2003) used for access to GPs:
 *   1. each leader's free places (capacity less open engagements) are shared among the need
 *      schools within its reach, in proportion to their need weight:
 *      `ratio_L = free_L / Σ weight of need schools L reaches`;
 *   2. a school's places are `weight_s × Σ ratio_L` over the leaders that reach it;
 *   3. an area's supply is the sum over its need schools. Every free place is counted once in
 *      England, so areas compete for the leaders they share.
 * - **coverage** of a need school: `1 − (1 − min(1, places)) × (1 − credit × member)` where
 *   `member` is 1 when the school is in any partnership (trust, federation ...) and `credit` is
 *   0.5: a partnership gives a school some of the support a system leader would, not all.
 *   An area's coverage is the need-weighted mean.
 * - **unmetNeed**: `Σ weight × (1 − coverage)` over the area's need schools: band-2-school
 *   equivalents with no support in reach.
 * - **gapIndex**: `100 × unmetNeed / schools`: unmet need per 100 schools of the area, so a
 *   small area with concentrated, unsupported need ranks alongside a large one. Areas are
 *   ordered by it, highest first (ties: more unmet need, then code).
 * - **supply mode** (support.rules.ts): REAL counts no synthetic designation; MODELLED adds them.
 *   Both count Teaching School Hubs by the LAs they serve (hub-areas.ts: a hub reaches every
 *   school of its LAs) and the support a strong school gives its own trust's schools in need
 *   (`trustSupply`: each trust's places shared among its members in need like a leader's).
 * - **leadersWithinReach**, **hubsWithinReach**: distinct person designations and hubs reaching
 *   at least one need school of the area. **partnershipRate**: share of the area's schools in a
 *   partnership.
 * - **rural**: at least half the area's schools are rural (RUC2011 D1-E2). **coastal**: at least
 *   half are coastal: by the ONS coastal-towns flag where a school's town is classified (it stops
 *   at estuary mouths), otherwise within 5 km of the Natural Earth 1:10m coastline
 *   (seed/geo/coastal-towns.ts). `ruralShare` and `coastalShare` give the shares.
 *
 * Areas: local authorities by their 3-digit code (named by their ONS code), and districts by
 * the ONS district code schools carry (`School.districtCode`): a county's districts, or the
 * unitary authority itself, which is then the same area as its LA.
 *
 * ## Speed
 *
 * buildReachIndex finds every (school in need, leader) pair within reach once per snapshot, on a
 * grid of leaders per designation, for reaches up to `maxFactor` times the rule's (so the ±10 %
 * sensitivity runs reuse it); computeGaps is then two passes over those pairs.
 */
import { boundingBox, haversineKm, inBox } from "../matching/geo.js";
import { availableCapacity, servesPhase, settingFactor } from "./reach.js";
import {
  countsAsSupply,
  DEFAULT_GAP_PARAMETERS,
  NEED_WEIGHT,
  REACH_KM,
  STRONG_EXCLUDED_NEED_BANDS,
  STRONG_OFSTED_GRADES,
  TRUST_PLACES_PER_STRONG_SCHOOL,
  type NeedBand,
  type SupplyMode,
} from "./support.rules.js";
import { DESIGNATIONS, type Designation } from "./system-leader.model.js";
import type {
  AreaGap,
  AreaLevel,
  GapKind,
  SnapshotLeader,
  SnapshotSchool,
  SupportSnapshot,
} from "./gap.model.js";
import type { HubAreas } from "./hub-areas.js";

export function needWeight(band: NeedBand | null): number {
  return band === null ? 0 : NEED_WEIGHT[band];
}

export interface GapParameters {
  /** Multiplies every reach. */
  reachFactor: number;
  /** Multiplies every leader's capacity (before open engagements are taken off). */
  capacityFactor: number;
  /** How much of the support a leader gives, a partnership gives its member school. */
  partnershipCredit: number;
  /** Share of an area's schools that must be rural (or coastal) for the area to be. */
  areaShare: number;
  /** Distance to the coastline within which a school is coastal. */
  coastKm: number;
  /** Which supply counts (support.rules.ts). */
  supply: SupplyMode;
}

/** Grid cell size in degrees: about 28 km north-south, 27 km east-west at England's latitude. */
const CELL_DEGREES = 0.25;
const LONGITUDE_CELL_DEGREES = 0.4;
/** England's coordinates keep cell rows and columns well within ±OFFSET. */
const OFFSET = 2000;

function cellKey(designation: number, row: number, column: number): number {
  return (designation * 2 * OFFSET + row + OFFSET) * 2 * OFFSET + column + OFFSET;
}

/**
 * System leaders on a latitude/longitude grid, one per designation, so a search for leaders of
 * one designation within its reach looks at a few cells near the school and nothing else.
 */
export class LeaderGrid {
  private readonly cells = new Map<number, number[]>();

  constructor(private readonly leaders: readonly SnapshotLeader[]) {
    leaders.forEach((leader, j) => {
      if (leader.latitude === null || leader.longitude === null) return;
      const key = cellKey(
        DESIGNATIONS.indexOf(leader.designation),
        Math.floor(leader.latitude / CELL_DEGREES),
        Math.floor(leader.longitude / LONGITUDE_CELL_DEGREES),
      );
      const cell = this.cells.get(key);
      if (cell) cell.push(j);
      else this.cells.set(key, [j]);
    });
  }

  /**
   * Calls `visit(j, km)` for each leader of `designation` within `radiusKm` of the point, in no
   * particular order; `visit` returns true to stop the search.
   */
  forEachWithin(
    designation: Designation,
    latitude: number,
    longitude: number,
    radiusKm: number,
    visit: (leader: number, distanceKm: number) => boolean | void,
  ): void {
    const box = boundingBox({ latitude, longitude }, radiusKm);
    const d = DESIGNATIONS.indexOf(designation);
    const lastRow = Math.floor(box.maxLatitude / CELL_DEGREES);
    const lastColumn = Math.floor(box.maxLongitude / LONGITUDE_CELL_DEGREES);
    for (let row = Math.floor(box.minLatitude / CELL_DEGREES); row <= lastRow; row++) {
      for (
        let column = Math.floor(box.minLongitude / LONGITUDE_CELL_DEGREES);
        column <= lastColumn;
        column++
      ) {
        const cell = this.cells.get(cellKey(d, row, column));
        if (!cell) continue;
        for (const j of cell) {
          const leader = this.leaders[j]!;
          const leaderLatitude = leader.latitude as number;
          const leaderLongitude = leader.longitude as number;
          if (!inBox(box, leaderLatitude, leaderLongitude)) continue;
          const distance = haversineKm(latitude, longitude, leaderLatitude, leaderLongitude);
          if (distance <= radiusKm && visit(j, distance) === true) return;
        }
      }
    }
  }
}

/**
 * The (school, leader) pairs of the schools in need where the leader serves the school's phase
 * and is within `maxFactor` × reach, as compressed rows: the pairs of school i are `offsets[i]`
 * to `offsets[i + 1]` in `leaders`, `distances` (km) and `reaches` (the rule's reach, km).
 * Schools not in need have none: supply, assignment and the area counts only look at need.
 */
export interface ReachIndex {
  maxFactor: number;
  offsets: Int32Array;
  leaders: Int32Array;
  distances: Float64Array;
  reaches: Float64Array;
}

/**
 * Hubs are paired by area, not distance: a need school's pair with the hub serving its LA has
 * an unlimited reach (and the real distance, for tie-breaks and display).
 */
export function buildReachIndex(
  snapshot: SupportSnapshot,
  grid: LeaderGrid,
  maxFactor: number,
  hubAreas: HubAreas | null = null,
): ReachIndex {
  const { schools, leaders } = snapshot;
  const offsets = new Int32Array(schools.length + 1);
  const pairLeaders: number[] = [];
  const pairDistances: number[] = [];
  const pairReaches: number[] = [];
  schools.forEach((school, i) => {
    offsets[i] = pairLeaders.length;
    if (school.latitude === null || school.longitude === null) return;
    if (needWeight(school.needBand) === 0) return;
    const setting = settingFactor(school);
    const hub = school.laCode === null ? undefined : hubAreas?.hubOfLa.get(school.laCode);
    if (hub !== undefined) {
      const leader = leaders[hub.hub]!;
      pairLeaders.push(hub.hub);
      pairDistances.push(
        leader.latitude === null || leader.longitude === null
          ? 0
          : haversineKm(school.latitude, school.longitude, leader.latitude, leader.longitude),
      );
      pairReaches.push(Infinity);
    }
    for (const designation of DESIGNATIONS) {
      if (hubAreas !== null && designation === "TEACHING_SCHOOL_HUB") continue;
      const reach = REACH_KM[designation] * setting;
      grid.forEachWithin(
        designation,
        school.latitude,
        school.longitude,
        reach * maxFactor,
        (j, km) => {
          if (!servesPhase(leaders[j]!.phase, school.phase)) return;
          pairLeaders.push(j);
          pairDistances.push(km);
          pairReaches.push(reach);
        },
      );
    }
  });
  offsets[schools.length] = pairLeaders.length;
  return {
    maxFactor,
    offsets,
    leaders: Int32Array.from(pairLeaders),
    distances: Float64Array.from(pairDistances),
    reaches: Float64Array.from(pairReaches),
  };
}

/**
 * Whether any person designation (NLE, LLE, SLE, NLG) counting under `mode` and serving the
 * school's phase reaches it, under the rule's reach. Hubs are left out: every LA has one
 * (support.rules.ts), so a hub tells nothing about whether a school is isolated.
 */
export function hasLeaderInReach(
  grid: LeaderGrid,
  snapshot: SupportSnapshot,
  school: SnapshotSchool,
  mode: SupplyMode,
): boolean {
  if (school.latitude === null || school.longitude === null) return false;
  const setting = settingFactor(school);
  let found = false;
  for (const designation of DESIGNATIONS) {
    if (designation === "TEACHING_SCHOOL_HUB") continue;
    grid.forEachWithin(
      designation,
      school.latitude,
      school.longitude,
      REACH_KM[designation] * setting,
      (j) => {
        const leader = snapshot.leaders[j]!;
        found = countsAsSupply(leader, mode) && servesPhase(leader.phase, school.phase);
        return found;
      },
    );
    if (found) return true;
  }
  return false;
}

/** A trust's strong members and its members in need, as snapshot positions. */
export interface TrustSupport {
  trustId: string;
  strongSchools: number;
  needSchools: readonly number[];
}

/** Whether a school can support others in its trust; see support.rules.ts. */
export function isStrongSchool(school: SnapshotSchool): boolean {
  return (
    school.ofstedGrade !== null &&
    STRONG_OFSTED_GRADES.includes(school.ofstedGrade) &&
    (school.needBand === null || !STRONG_EXCLUDED_NEED_BANDS.includes(school.needBand))
  );
}

/** Trusts with at least one strong member and one member in need. */
export function trustSupports(snapshot: SupportSnapshot): TrustSupport[] {
  const trusts = new Map<string, { strong: number; need: number[] }>();
  snapshot.schools.forEach((school, i) => {
    if (school.trustId === null) return;
    let trust = trusts.get(school.trustId);
    if (!trust) {
      trust = { strong: 0, need: [] };
      trusts.set(school.trustId, trust);
    }
    if (isStrongSchool(school)) trust.strong++;
    if (needWeight(school.needBand) > 0) trust.need.push(i);
  });
  return [...trusts.entries()]
    .filter(([, trust]) => trust.strong > 0 && trust.need.length > 0)
    .map(([trustId, trust]) => ({
      trustId,
      strongSchools: trust.strong,
      needSchools: trust.need,
    }));
}

/** Per school (in snapshot order): what reaches it under one set of parameters. */
export interface SchoolSupply {
  /** Support places apportioned to the school (0 for schools not in need). */
  places: Float64Array;
  /** The part of `places` from strong schools of the school's own trust. */
  trustPlaces: Float64Array;
  /** 0..1 for need schools; 1 for the rest. */
  coverage: Float64Array;
}

export interface GapResult {
  parameters: GapParameters;
  areas: AreaGap[];
  supply: SchoolSupply;
}

function within(index: ReachIndex, pair: number, reachFactor: number): boolean {
  return (index.distances[pair] as number) <= (index.reaches[pair] as number) * reachFactor;
}

/** Places and coverage of every school; steps 1-2 of the file comment. */
export function schoolSupply(
  snapshot: SupportSnapshot,
  index: ReachIndex,
  parameters: GapParameters,
  trusts: readonly TrustSupport[] = [],
): SchoolSupply {
  if (parameters.reachFactor > index.maxFactor + 1e-9) {
    throw new RangeError(
      `reach factor ${parameters.reachFactor} exceeds the index's ${index.maxFactor}`,
    );
  }
  const { schools, leaders } = snapshot;
  const active = activeLeaders(snapshot, parameters.supply);
  const demand = new Float64Array(leaders.length);
  const weights = new Float64Array(schools.length);
  schools.forEach((school, i) => {
    const weight = needWeight(school.needBand);
    weights[i] = weight;
    for (let p = index.offsets[i] as number; p < (index.offsets[i + 1] as number); p++) {
      if (!within(index, p, parameters.reachFactor)) continue;
      const j = index.leaders[p] as number;
      if (active[j] === 0) continue;
      demand[j] = (demand[j] as number) + weight;
    }
  });
  const ratio = new Float64Array(leaders.length);
  leaders.forEach((leader, j) => {
    if (active[j] === 0) return;
    const free = availableCapacity(
      leader.capacity * parameters.capacityFactor,
      leader.openEngagements,
    );
    const wanted = demand[j] as number;
    ratio[j] = wanted > 0 ? free / wanted : 0;
  });
  const trustPlaces = new Float64Array(schools.length);
  for (const trust of trusts) {
    let wanted = 0;
    for (const i of trust.needSchools) wanted += weights[i] as number;
    // A trust's places go no further than its own need: at most the school's weight each.
    const trustRatio = Math.min(
      1,
      (trust.strongSchools * TRUST_PLACES_PER_STRONG_SCHOOL * parameters.capacityFactor) / wanted,
    );
    for (const i of trust.needSchools) trustPlaces[i] = (weights[i] as number) * trustRatio;
  }
  const places = new Float64Array(schools.length);
  const coverage = new Float64Array(schools.length).fill(1);
  schools.forEach((school, i) => {
    const weight = weights[i] as number;
    if (weight === 0) return;
    let sum = 0;
    for (let p = index.offsets[i] as number; p < (index.offsets[i + 1] as number); p++) {
      if (within(index, p, parameters.reachFactor)) {
        sum += ratio[index.leaders[p] as number] as number;
      }
    }
    sum += (trustPlaces[i] as number) / weight;
    places[i] = weight * sum;
    const member = school.inPartnership ? 1 : 0;
    coverage[i] = 1 - (1 - Math.min(1, weight * sum)) * (1 - parameters.partnershipCredit * member);
  });
  return { places, trustPlaces, coverage };
}

/** 1 for each leader counting as supply under the mode, 0 for the rest. */
export function activeLeaders(snapshot: SupportSnapshot, mode: SupplyMode): Uint8Array {
  return Uint8Array.from(snapshot.leaders, (leader) => (countsAsSupply(leader, mode) ? 1 : 0));
}

/**
 * The ONS coastal-towns flag where it classifies the school's town (it stops at estuary mouths);
 * otherwise within `coastKm` of the coastline. Only the distance moves with `coastKm`.
 */
export function isCoastal(school: SnapshotSchool, coastKm: number): boolean {
  if (school.coastalBasis === "ONS_TOWN") return school.coastal === true;
  return school.coastDistanceKm !== null
    ? school.coastDistanceKm <= coastKm
    : school.coastal === true;
}

interface AreaAccumulator {
  area: AreaGap["area"];
  laCode: number;
  regionVotes: Map<string, number>;
  schools: number[];
}

function groupAreas(snapshot: SupportSnapshot): AreaAccumulator[] {
  const laByCode = new Map(snapshot.localAuthorities.map((la) => [la.code, la]));
  const las = new Map<number, AreaAccumulator>();
  const districts = new Map<string, AreaAccumulator & { laVotes: Map<number, number> }>();
  snapshot.schools.forEach((school, i) => {
    if (school.laCode === null) return;
    let la = las.get(school.laCode);
    if (!la) {
      const record = laByCode.get(school.laCode);
      la = {
        area: {
          level: "LOCAL_AUTHORITY",
          code: record?.gssCode ?? String(school.laCode),
          name: record?.name ?? `Local authority ${school.laCode}`,
        },
        laCode: school.laCode,
        regionVotes: new Map(),
        schools: [],
      };
      las.set(school.laCode, la);
    }
    la.schools.push(i);
    if (school.regionCode) {
      la.regionVotes.set(school.regionCode, (la.regionVotes.get(school.regionCode) ?? 0) + 1);
    }
    if (school.districtCode === null) return;
    let district = districts.get(school.districtCode);
    if (!district) {
      district = {
        area: {
          level: "DISTRICT",
          code: school.districtCode,
          name: school.districtName ?? school.districtCode,
        },
        laCode: school.laCode,
        regionVotes: new Map(),
        laVotes: new Map(),
        schools: [],
      };
      districts.set(school.districtCode, district);
    }
    district.schools.push(i);
    district.laVotes.set(school.laCode, (district.laVotes.get(school.laCode) ?? 0) + 1);
    if (school.regionCode) {
      district.regionVotes.set(
        school.regionCode,
        (district.regionVotes.get(school.regionCode) ?? 0) + 1,
      );
    }
  });
  // A district straddling a boundary change belongs to the LA most of its schools are in.
  for (const district of districts.values())
    district.laCode = mostVoted(district.laVotes) ?? district.laCode;
  return [...las.values(), ...districts.values()];
}

function mostVoted<K>(votes: Map<K, number>): K | null {
  let best: K | null = null;
  let bestCount = -1;
  for (const [key, count] of votes) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

export function computeGaps(
  snapshot: SupportSnapshot,
  index: ReachIndex,
  parameters: GapParameters = DEFAULT_GAP_PARAMETERS,
  groups: readonly AreaGroup[] = areaGroups(snapshot),
  trusts: readonly TrustSupport[] = trustSupports(snapshot),
): GapResult {
  const supply = schoolSupply(snapshot, index, parameters, trusts);
  const active = activeLeaders(snapshot, parameters.supply);
  const { schools, leaders } = snapshot;
  const seenBy = new Int32Array(leaders.length).fill(-1);
  const laSchoolCount = new Map<number, number>();
  const laAreaCode = new Map<number, string>();
  for (const group of groups) {
    if (group.area.level === "LOCAL_AUTHORITY") {
      laSchoolCount.set(group.laCode, group.schools.length);
      laAreaCode.set(group.laCode, group.area.code);
    }
  }
  const areas = groups.map((group, g): AreaGap => {
    let needSchools = 0;
    let needPupils = 0;
    let needTotal = 0;
    let places = 0;
    let trustPlaces = 0;
    let unmet = 0;
    let members = 0;
    let rural = 0;
    let coastal = 0;
    let persons = 0;
    let hubs = 0;
    const needUrns: number[] = [];
    for (const i of group.schools) {
      const school = schools[i]!;
      if (school.inPartnership) members++;
      if (school.rural === true) rural++;
      if (isCoastal(school, parameters.coastKm)) coastal++;
      const weight = needWeight(school.needBand);
      if (weight === 0) continue;
      needSchools++;
      needPupils += school.pupils ?? 0;
      needTotal += weight;
      places += supply.places[i] as number;
      trustPlaces += supply.trustPlaces[i] as number;
      unmet += weight * (1 - (supply.coverage[i] as number));
      needUrns.push(i);
      for (let p = index.offsets[i] as number; p < (index.offsets[i + 1] as number); p++) {
        if (!within(index, p, parameters.reachFactor)) continue;
        const j = index.leaders[p] as number;
        if (active[j] === 0 || seenBy[j] === g) continue;
        seenBy[j] = g;
        if (leaders[j]!.designation === "TEACHING_SCHOOL_HUB") hubs++;
        else persons++;
      }
    }
    needUrns.sort(
      (a, b) =>
        (schools[a]!.needBand ?? 5) - (schools[b]!.needBand ?? 5) ||
        (supply.coverage[a] as number) - (supply.coverage[b] as number) ||
        (schools[b]!.pupils ?? 0) - (schools[a]!.pupils ?? 0) ||
        schools[a]!.urn - schools[b]!.urn,
    );
    const count = group.schools.length;
    const ruralShare = count === 0 ? 0 : rural / count;
    const coastalShare = count === 0 ? 0 : coastal / count;
    return {
      area: group.area,
      supplyMode: parameters.supply,
      laCode: group.laCode,
      regionCode: group.regionCode,
      totalSchools: count,
      needSchools,
      needPupils,
      needWeight: needTotal,
      supply: places,
      trustSupply: trustPlaces,
      leadersWithinReach: persons,
      hubsWithinReach: hubs,
      partnershipRate: count === 0 ? 0 : members / count,
      coverage: needTotal === 0 ? 1 : 1 - unmet / needTotal,
      unmetNeed: unmet,
      gapIndex: count === 0 ? 0 : (100 * unmet) / count,
      ruralShare,
      coastalShare,
      rural: count > 0 && ruralShare >= parameters.areaShare,
      coastal: count > 0 && coastalShare >= parameters.areaShare,
      // A unitary authority's district has the LA's own ONS code; a few schools filed under a
      // neighbouring district must not make it a second row.
      sameAsLocalAuthority:
        group.area.level === "DISTRICT" &&
        (laAreaCode.get(group.laCode) === group.area.code ||
          laSchoolCount.get(group.laCode) === count),
      needUrns: needUrns.map((i) => schools[i]!.urn),
    };
  });
  return { parameters, areas, supply };
}

/** Areas and the snapshot positions of their schools; fixed for a snapshot, so computed once. */
export interface AreaGroup {
  area: AreaGap["area"];
  laCode: number;
  regionCode: string | null;
  schools: readonly number[];
}

export function areaGroups(snapshot: SupportSnapshot): AreaGroup[] {
  return groupAreas(snapshot).map((group) => ({
    area: group.area,
    laCode: group.laCode,
    regionCode: mostVoted(group.regionVotes),
    schools: group.schools,
  }));
}

export interface GapFilter {
  regionCode: string | null;
  kind: GapKind;
  /** Null lists both levels, leaving out districts that are a whole LA. */
  level: AreaLevel | null;
}

export function matchesFilter(area: AreaGap, filter: GapFilter): boolean {
  if (filter.regionCode !== null && area.regionCode !== filter.regionCode) return false;
  if (filter.kind === "RURAL" && !area.rural) return false;
  if (filter.kind === "COASTAL" && !area.coastal) return false;
  if (filter.level === null) return !area.sameAsLocalAuthority;
  return area.area.level === filter.level;
}

/** Highest gap first; ties by more unmet need, then code, so the order is stable. */
export function compareGaps(a: AreaGap, b: AreaGap): number {
  return (
    b.gapIndex - a.gapIndex ||
    b.unmetNeed - a.unmetNeed ||
    a.area.level.localeCompare(b.area.level) ||
    a.area.code.localeCompare(b.area.code)
  );
}

export function rankGaps(areas: readonly AreaGap[], filter: GapFilter): AreaGap[] {
  return areas.filter((area) => matchesFilter(area, filter)).sort(compareGaps);
}

/**
 * The nearest person designation counting under `mode` and serving the school's phase, however
 * far; null when the school has no location or there is none.
 */
export function nearestLeader(
  snapshot: SupportSnapshot,
  school: SnapshotSchool,
  mode: SupplyMode,
): { index: number; distanceKm: number } | null {
  if (school.latitude === null || school.longitude === null) return null;
  let best: { index: number; distanceKm: number } | null = null;
  snapshot.leaders.forEach((leader, index) => {
    if (leader.latitude === null || leader.longitude === null) return;
    if (!countsAsSupply(leader, mode) || leader.designation === "TEACHING_SCHOOL_HUB") return;
    if (!servesPhase(leader.phase, school.phase)) return;
    const distanceKm = haversineKm(
      school.latitude as number,
      school.longitude as number,
      leader.latitude,
      leader.longitude,
    );
    if (best === null || distanceKm < best.distanceKm) best = { index, distanceKm };
  });
  return best;
}
