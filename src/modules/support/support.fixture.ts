/**
 * Small hand-made snapshots for unit tests: schools and leaders placed by kilometres north of a
 * point in Lincolnshire, so distances can be read off the test.
 */
import { EARTH_RADIUS_KM } from "../matching/geo.js";
import type { SnapshotLeader, SnapshotSchool, SupportSnapshot } from "./gap.model.js";

const ORIGIN = { latitude: 53, longitude: -0.5 };
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/** The latitude `km` north of the fixture's origin. */
export function north(km: number): number {
  return ORIGIN.latitude + km / KM_PER_DEGREE;
}

export function fixtureSchool(
  overrides: Partial<SnapshotSchool> & { urn: number },
): SnapshotSchool {
  return {
    phase: "PRIMARY",
    governance: "MAINTAINED",
    laCode: 925,
    regionCode: "E12000004",
    districtCode: "E07000142",
    districtName: "West Lindsey",
    latitude: ORIGIN.latitude,
    longitude: ORIGIN.longitude,
    rural: false,
    sparse: false,
    coastal: false,
    coastDistanceKm: 40,
    coastalBasis: "DISTANCE",
    pupils: 200,
    ofstedGrade: 2,
    needBand: 4,
    needReasons: [],
    needAreas: [],
    inPartnership: false,
    trustId: null,
    ...overrides,
  };
}

export function fixtureLeader(overrides: Partial<SnapshotLeader> & { id: string }): SnapshotLeader {
  return {
    name: overrides.id,
    designation: "LLE",
    phase: "PRIMARY",
    specialisms: ["LEADERSHIP"],
    capacity: 1,
    openEngagements: 0,
    baseUrn: null,
    latitude: ORIGIN.latitude,
    longitude: ORIGIN.longitude,
    regionCode: "E12000004",
    laCode: 925,
    synthetic: false,
    hubCode: null,
    ...overrides,
  };
}

export function fixtureSnapshot(
  schools: SnapshotSchool[],
  leaders: SnapshotLeader[],
  engagements: SupportSnapshot["engagements"] = [],
): SupportSnapshot {
  return {
    version: { familyVersion: 1 },
    schools,
    leaders,
    engagements,
    localAuthorities: [
      { code: 925, name: "Lincolnshire", gssCode: "E10000019", regionCode: "E12000004" },
      { code: 926, name: "Norfolk", gssCode: "E10000020", regionCode: "E12000006" },
    ],
    regions: [
      { code: "E12000004", name: "East Midlands" },
      { code: "E12000006", name: "East of England" },
    ],
  };
}
