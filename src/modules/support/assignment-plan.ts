/**
 * `supportAssignments`: the region's system leaders assigned to the region's schools in need,
 * optimally (assignment.ts), with the need left over listed by area.
 *
 * - Leaders: those based in the region with a free place (capacity less open engagements) and a
 *   location, counting under the supply mode (REAL: no synthetic designation). A hub reaches
 *   the schools of the LAs it serves (support.rules.ts).
 * - Schools: the region's schools in need bands 1 and 2 (weight 2 and 1, gap-index.ts) with a
 *   location and no open support engagement.
 * - Allowed pairs: the leader serves the school's phase and reaches it (reach.ts).
 * - Tie-break among assignments covering the same need: a leader whose specialism matches the
 *   school's weakest area (FIT_TIE_COST saved), then the shorter journey (10 per km).
 * - Unmet need: the schools left without a leader, grouped by district (or by LA for schools with
 *   no district), most unmet need first.
 */
import type { AreaRef, SnapshotSchool } from "./gap.model.js";
import { needWeight } from "./gap-index.js";
import type { PreparedSnapshot } from "./gap.store.js";
import { countsAsSupply, type NeedBand, type SupplyMode } from "./support.rules.js";
import { solveAssignment, type AssignmentEdge } from "./assignment.js";
import { specialismFit } from "./candidates.js";
import { availableCapacity } from "./reach.js";

export const FIT_TIE_COST = 1_000;
export const TIE_COST_PER_KM = 10;
/** Reaches are at most 100 km, so distance alone stays below the fit's weight. */
const MAX_DISTANCE_TIE_COST = FIT_TIE_COST - 1;

export const ASSIGNMENT_METHOD =
  "Minimum-cost flow (successive shortest paths): maximises the need weight covered, then " +
  "prefers matching specialisms and shorter journeys; every leader within capacity, every " +
  "school at most one leader.";

export interface PlannedAssignment {
  systemLeaderId: string;
  urn: number;
  needBand: NeedBand;
  distanceKm: number;
  fitsWeakestArea: boolean;
}

export interface UnmetArea {
  area: AreaRef;
  laCode: number | null;
  needSchools: number;
  needPupils: number;
  needWeight: number;
  /** The schools left without a leader, neediest first. */
  urns: number[];
}

export interface AssignmentPlan {
  /** Which leaders took part (support.rules.ts); support within trusts is not assigned. */
  supplyMode: SupplyMode;
  regionCode: string;
  method: string;
  /** Leaders based in the region with at least one free place. */
  leaders: number;
  availableCapacity: number;
  needSchools: number;
  needWeight: number;
  assignedSchools: number;
  coveredWeight: number;
  assignments: PlannedAssignment[];
  unmet: UnmetArea[];
}

/**
 * The area an unassigned school is listed under: its district, except that a unitary authority
 * (whose one district has the LA's own ONS code) is listed once, as the LA, whether or not the
 * school carries a district code.
 */
function unmetAreaOf(
  school: SnapshotSchool,
  las: ReadonlyMap<number, { name: string; gssCode: string | null }>,
): AreaRef {
  const la = school.laCode === null ? undefined : las.get(school.laCode);
  if (
    school.districtCode !== null &&
    (la === undefined || la.gssCode === null || school.districtCode !== la.gssCode)
  ) {
    return {
      level: "DISTRICT",
      code: school.districtCode,
      name: school.districtName ?? school.districtCode,
    };
  }
  return {
    level: "LOCAL_AUTHORITY",
    code: la?.gssCode ?? String(school.laCode ?? "unknown"),
    name: la?.name ?? "Unknown local authority",
  };
}

export function planAssignments(
  prepared: PreparedSnapshot,
  regionCode: string,
  supply: SupplyMode,
): AssignmentPlan {
  const { snapshot, index, supportedUrns } = prepared;
  const { schools, leaders } = snapshot;

  const leaderSlot = new Map<number, number>();
  const problemLeaders: { capacity: number }[] = [];
  const slotLeader: number[] = [];
  leaders.forEach((leader, j) => {
    if (leader.regionCode !== regionCode || leader.latitude === null) return;
    if (!countsAsSupply(leader, supply)) return;
    const free = availableCapacity(leader.capacity, leader.openEngagements);
    if (free <= 0) return;
    leaderSlot.set(j, problemLeaders.length);
    problemLeaders.push({ capacity: free });
    slotLeader.push(j);
  });

  const problemSchools: { weight: number }[] = [];
  const slotSchool: number[] = [];
  const edges: AssignmentEdge[] = [];
  const edgeInfo: { distanceKm: number; fits: boolean }[] = [];
  let needWeightTotal = 0;
  schools.forEach((school, i) => {
    if (school.regionCode !== regionCode || supportedUrns.has(school.urn)) return;
    const weight = needWeight(school.needBand);
    if (weight === 0) return;
    needWeightTotal += weight;
    const slot = problemSchools.length;
    problemSchools.push({ weight });
    slotSchool.push(i);
    for (let p = index.offsets[i] as number; p < (index.offsets[i + 1] as number); p++) {
      const distanceKm = index.distances[p] as number;
      if (distanceKm > (index.reaches[p] as number)) continue;
      const leaderIndex = leaderSlot.get(index.leaders[p] as number);
      if (leaderIndex === undefined) continue;
      const fit = specialismFit(leaders[index.leaders[p] as number]!, school.needAreas);
      edges.push({
        leader: leaderIndex,
        school: slot,
        tieCost:
          (fit.fitsWeakestArea ? 0 : FIT_TIE_COST) +
          Math.min(MAX_DISTANCE_TIE_COST, Math.round(distanceKm * TIE_COST_PER_KM)),
      });
      edgeInfo.push({ distanceKm, fits: fit.fitsWeakestArea });
    }
  });

  const solution = solveAssignment({ leaders: problemLeaders, schools: problemSchools, edges });
  const assignedSlots = new Set<number>();
  const assignments: PlannedAssignment[] = solution.assigned.map((e) => {
    const edge = edges[e]!;
    const school = schools[slotSchool[edge.school]!]!;
    assignedSlots.add(edge.school);
    return {
      systemLeaderId: leaders[slotLeader[edge.leader]!]!.id,
      urn: school.urn,
      needBand: school.needBand as NeedBand,
      distanceKm: edgeInfo[e]!.distanceKm,
      fitsWeakestArea: edgeInfo[e]!.fits,
    };
  });
  assignments.sort(
    (a, b) =>
      a.needBand - b.needBand || a.systemLeaderId.localeCompare(b.systemLeaderId) || a.urn - b.urn,
  );

  const laNames = new Map(snapshot.localAuthorities.map((la) => [la.code, la]));
  const unmetByArea = new Map<string, UnmetArea>();
  slotSchool.forEach((i, slot) => {
    if (assignedSlots.has(slot)) return;
    const school = schools[i]!;
    const area = unmetAreaOf(school, laNames);
    const key = `${area.level}:${area.code}`;
    let entry = unmetByArea.get(key);
    if (!entry) {
      entry = {
        area,
        laCode: school.laCode,
        needSchools: 0,
        needPupils: 0,
        needWeight: 0,
        urns: [],
      };
      unmetByArea.set(key, entry);
    }
    entry.needSchools += 1;
    entry.needPupils += school.pupils ?? 0;
    entry.needWeight += needWeight(school.needBand);
    entry.urns.push(school.urn);
  });
  const bandOf = (urn: number) =>
    schools[prepared.schoolPosition.get(urn) as number]?.needBand ?? 5;
  const unmet = [...unmetByArea.values()]
    .map((entry) => ({ ...entry, urns: entry.urns.sort((a, b) => bandOf(a) - bandOf(b) || a - b) }))
    .sort((a, b) => b.needWeight - a.needWeight || a.area.code.localeCompare(b.area.code));

  return {
    supplyMode: supply,
    regionCode,
    method: ASSIGNMENT_METHOD,
    leaders: problemLeaders.length,
    availableCapacity: problemLeaders.reduce((sum, leader) => sum + leader.capacity, 0),
    needSchools: problemSchools.length,
    needWeight: needWeightTotal,
    assignedSchools: assignments.length,
    coveredWeight: solution.coveredWeight,
    assignments,
    unmet,
  };
}
