/**
 * Schools a system leader could support, ranked by need × fit × reach.
 *
 * ## Who is a candidate
 *
 * A state-funded school with a location, in need band 1, 2 or 3, whose phase the leader serves
 * (reach.ts), within reach (reach.ts: wider for rural and sparse schools) or within
 * `maxDistanceKm` when the caller gives one, and with no open support engagement from anyone:
 * a school already being supported is not offered again. The leader's own base school is not a
 * candidate.
 *
 * ## Score
 *
 * `score = need × fit × reach`, each factor in 0..1, so the score is too:
 *
 * | factor | value                                                                            |
 * |--------|----------------------------------------------------------------------------------|
 * | NEED   | band 1: 1, band 2: 0.75, band 3: 0.4                                             |
 * | FIT    | 1 when a specialism matches the school's weakest area, 0.8 when one matches     |
 * |        | another of its areas of need, 0.6 otherwise                                      |
 * | REACH  | 1 − 0.5 × distance / radius: 1 next door, 0.5 at the edge of reach              |
 *
 * A Teaching School Hub reaches the schools of the local authorities it serves instead
 * (support.rules.ts), with REACH 1 for each.
 *
 * Need leads: within half its radius, a band-1 school outranks every band-3 school whatever the
 * fit (1 × 0.6 × 0.75 = 0.45 > 0.4 × 1 × 1). Fit and reach never zero a school, because an
 * imperfect match can still help. Ties go to the nearer school, then the lower URN.
 */
import { boundingBox, haversineKm, inBox } from "../matching/geo.js";
import type { SnapshotLeader, SnapshotSchool } from "./gap.model.js";
import {
  FIT_NONE,
  FIT_OTHER_AREA,
  FIT_WEAKEST_AREA,
  NEED_FACTOR,
  REACH_AT_EDGE,
  REACH_KM,
  SPARSE_FACTOR,
  type NeedBand,
} from "./support.rules.js";
import { reachKm, servesPhase, settingFactor } from "./reach.js";

export const SUPPORT_FACTORS = ["NEED", "FIT", "REACH"] as const;
export type SupportFactor = (typeof SUPPORT_FACTORS)[number];

export interface SupportReason {
  factor: SupportFactor;
  value: number;
  detail: string;
}

export interface SupportCandidate {
  urn: number;
  name: string | null;
  needBand: NeedBand;
  distanceKm: number;
  score: number;
  /** Whether a specialism matches the school's weakest area. */
  fitsWeakestArea: boolean;
  reasons: SupportReason[];
}

export interface CandidateOptions {
  first: number;
  /** Overrides the reach rule when given. */
  maxDistanceKm: number | null;
  /** URNs with an open support engagement. */
  supported: ReadonlySet<number>;
  /**
   * For a Teaching School Hub: the LAs it serves (support.rules.ts). Its candidates are their
   * schools, however far (or within `maxDistanceKm` when given), and REACH is 1 for each.
   */
  servedLaCodes?: ReadonlySet<number> | null;
}

/** "KS2_MATHS_PROGRESS_WELL_BELOW_FAMILY" → "KS2 maths progress well below family". */
export function describeReasonCode(code: string): string {
  const text = code.toLowerCase().replace(/_/g, " ");
  return text
    .replace(/\bks([24])\b/g, "KS$1")
    .replace(/\brwm\b/g, "RWM")
    .replace(/\bofsted\b/g, "Ofsted")
    .replace(/^./, (first) => first.toUpperCase());
}

export interface Fit {
  value: number;
  fitsWeakestArea: boolean;
  detail: string;
}

/** How well a leader's specialisms match a school's areas of need, weakest first. */
export function specialismFit(
  leader: Pick<SnapshotLeader, "specialisms">,
  areas: readonly string[],
): Fit {
  const weakest = areas[0];
  if (weakest !== undefined && leader.specialisms.some((s) => s === weakest)) {
    return {
      value: FIT_WEAKEST_AREA,
      fitsWeakestArea: true,
      detail: `Specialism ${weakest} matches the school's weakest area`,
    };
  }
  const other = leader.specialisms.find((s) => areas.includes(s));
  if (other !== undefined) {
    return {
      value: FIT_OTHER_AREA,
      fitsWeakestArea: false,
      detail: `Specialism ${other} matches one of the school's areas of need (${areas.join(", ")})`,
    };
  }
  return {
    value: FIT_NONE,
    fitsWeakestArea: false,
    detail:
      areas.length > 0
        ? `No specialism matches the school's areas of need (${areas.join(", ")})`
        : "The school's need names no particular area",
  };
}

function settingName(school: SnapshotSchool): string {
  const factor = settingFactor(school);
  if (factor === 1) return "an urban school";
  return school.sparse === true ? "a school in a sparse setting" : "a rural school";
}

/** 1 next door, REACH_AT_EDGE at the edge; 1 throughout a hub's area. */
function reachFactor(distanceKm: number, radius: number, byArea: boolean): number {
  if (byArea && !Number.isFinite(radius)) return 1;
  return 1 - (1 - REACH_AT_EDGE) * (distanceKm / radius);
}

/** The best `first` candidates for one leader; see the file comment. */
export function rankSupportCandidates(
  leader: SnapshotLeader,
  schools: readonly SnapshotSchool[],
  options: CandidateOptions,
): SupportCandidate[] {
  if (leader.latitude === null || leader.longitude === null) return [];
  const served = options.servedLaCodes ?? null;
  // Reach is widest for sparse schools; the box skips the rest of England cheaply.
  const box = boundingBox(
    { latitude: leader.latitude, longitude: leader.longitude },
    options.maxDistanceKm ?? (served === null ? REACH_KM[leader.designation] * SPARSE_FACTOR : 1e4),
  );
  // Scored cheaply first; reasons are written only for the few returned.
  const scored: {
    school: SnapshotSchool;
    band: NeedBand;
    distanceKm: number;
    radius: number;
    score: number;
  }[] = [];
  for (const school of schools) {
    const band = school.needBand;
    if (band === null || NEED_FACTOR[band] === 0) continue;
    if (school.latitude === null || school.longitude === null) continue;
    if (!inBox(box, school.latitude, school.longitude)) continue;
    if (school.urn === leader.baseUrn || options.supported.has(school.urn)) continue;
    if (!servesPhase(leader.phase, school.phase)) continue;
    if (served !== null && (school.laCode === null || !served.has(school.laCode))) continue;
    const radius =
      options.maxDistanceKm ?? (served === null ? reachKm(leader.designation, school) : Infinity);
    const distanceKm = haversineKm(
      leader.latitude,
      leader.longitude,
      school.latitude,
      school.longitude,
    );
    if (distanceKm > radius) continue;
    const reach = reachFactor(distanceKm, radius, served !== null);
    const score = NEED_FACTOR[band] * specialismFit(leader, school.needAreas).value * reach;
    scored.push({ school, band, distanceKm, radius, score });
  }
  scored.sort(
    (a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.school.urn - b.school.urn,
  );
  return scored.slice(0, options.first).map(({ school, band, distanceKm, radius, score }) => {
    const need = NEED_FACTOR[band];
    const fit = specialismFit(leader, school.needAreas);
    const reasons = school.needReasons.filter((code) => code !== "NO_FAMILY");
    return {
      urn: school.urn,
      name: school.name ?? null,
      needBand: band,
      distanceKm,
      score,
      fitsWeakestArea: fit.fitsWeakestArea,
      reasons: [
        {
          factor: "NEED",
          value: need,
          detail:
            `Need band ${band}` +
            (reasons.length > 0 ? `: ${reasons.map(describeReasonCode).join("; ")}` : ""),
        },
        { factor: "FIT", value: fit.value, detail: fit.detail },
        {
          factor: "REACH",
          value: reachFactor(distanceKm, radius, served !== null),
          detail:
            `${distanceKm.toFixed(1)} km away; ` +
            (served !== null
              ? "in a local authority the hub serves"
              : options.maxDistanceKm === null
                ? `reach ${radius.toFixed(1)} km for ${settingName(school)}`
                : `within the ${radius} km asked for`),
        },
      ],
    };
  });
}
