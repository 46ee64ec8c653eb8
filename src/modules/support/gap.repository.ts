import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, parseRow, parseRows, point } from "../../db/rows.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { GOVERNANCES, PHASES } from "../schools/school.model.js";
import { DESIGNATIONS, SPECIALISMS } from "./system-leader.model.js";
import type {
  SnapshotVersion,
  SnapshotEngagement,
  SnapshotLeader,
  SnapshotSchool,
  SupportSnapshot,
} from "./gap.model.js";
import { needBand } from "./need-band.repository.js";

/** Where the support snapshot comes from; a test can hand the store another source. */
export interface SnapshotSource {
  /** Everything the gap detector reads, with the families run it was read under. */
  loadSnapshot(): Promise<SupportSnapshot>;
  loadEngagements(): Promise<SnapshotEngagement[]>;
}

/** Open engagements per system leader id. */
export function openEngagementCounts(
  engagements: readonly SnapshotEngagement[],
): Map<string, number> {
  const open = new Map<string, number>();
  for (const engagement of engagements) {
    if (engagement.open) {
      open.set(engagement.systemLeaderId, (open.get(engagement.systemLeaderId) ?? 0) + 1);
    }
  }
  return open;
}

const FamilyRunRow = z
  .object({ version: cell.int })
  .transform((run): SnapshotVersion => ({ familyVersion: run.version }));

const EngagementRow = z
  .object({ systemLeaderId: key.string, urn: key.int, open: cell.boolean })
  .transform((e): SnapshotEngagement => ({ ...e, open: e.open === true }));

const Specialisms = cell.list(cell.member(SPECIALISMS));

/**
 * A findSnapshotSchools map. Whether the school is in a partnership or a trust comes from the
 * statements read beside it, and is set by loadSnapshot.
 */
const SnapshotSchoolMap = z
  .object({
    urn: key.int,
    name: cell.string,
    phase: cell.member(PHASES),
    governance: cell.member(GOVERNANCES),
    laCode: cell.int,
    regionCode: cell.string,
    districtCode: cell.string,
    districtName: cell.string,
    location: point,
    rural: cell.boolean,
    sparse: cell.boolean,
    coastal: cell.boolean,
    coastDistanceKm: cell.number,
    coastalBasis: cell.member(["ONS_TOWN", "DISTANCE"]),
    pupils: cell.number,
    ofstedGrade: cell.int,
    needBand,
    needReasons: cell.list(cell.string),
    needAreas: Specialisms,
  })
  .transform((s): SnapshotSchool => ({
    urn: s.urn,
    name: s.name,
    phase: s.phase,
    governance: s.governance,
    laCode: s.laCode,
    regionCode: s.regionCode,
    districtCode: s.districtCode,
    districtName: s.districtName,
    latitude: s.location?.latitude ?? null,
    longitude: s.location?.longitude ?? null,
    rural: s.rural,
    sparse: s.sparse,
    coastal: s.coastal,
    coastDistanceKm: s.coastDistanceKm,
    coastalBasis: s.coastalBasis,
    pupils: s.pupils,
    ofstedGrade: s.ofstedGrade,
    needBand: s.needBand,
    needReasons: s.needReasons,
    needAreas: s.needAreas,
    inPartnership: false,
    trustId: null,
  }));

/**
 * A findSnapshotLeaders map; null for a leader of no known designation. Its open engagements
 * are counted from the engagements statement, and set by loadSnapshot.
 */
const SnapshotLeaderMap = z
  .object({
    id: key.string,
    name: cell.string,
    designation: cell.member(DESIGNATIONS),
    phase: cell.member(PHASES),
    specialisms: Specialisms,
    capacity: cell.int,
    baseUrn: cell.int,
    location: point,
    regionCode: cell.string,
    laCode: cell.int,
    synthetic: cell.boolean,
    hubCode: cell.string,
  })
  .transform(({ designation, location, ...l }): SnapshotLeader | null =>
    designation === null
      ? null
      : {
          id: l.id,
          name: l.name ?? l.id,
          designation,
          phase: l.phase,
          specialisms: l.specialisms,
          capacity: l.capacity ?? 0,
          openEngagements: 0,
          baseUrn: l.baseUrn,
          latitude: location?.latitude ?? null,
          longitude: location?.longitude ?? null,
          regionCode: l.regionCode,
          laCode: l.laCode,
          // Anything not marked real is treated as synthetic: REAL must never count a generated one.
          synthetic: l.synthetic !== false,
          hubCode: l.hubCode,
        },
  );

// Compiled (see z.compile): about 22,000 schools are read at once.
const SchoolRow = z.compile(z.object({ school: SnapshotSchoolMap }));
const LeaderRow = z.compile(z.object({ leader: SnapshotLeaderMap }));
const MemberUrnsRow = z.object({ urns: cell.list(cell.int) });
/** Parallel lists: each school's URN and its trust's id. */
const TrustMembershipsRow = z.object({ urns: listOf(cell.int), trustIds: listOf(cell.string) });
const LocalAuthorityRow = z.object({
  code: key.int,
  name: key.string,
  gssCode: cell.string,
  regionCode: cell.string,
  regionName: cell.string,
});

export class GapRepository implements SnapshotSource {
  constructor(private readonly db: Database) {}

  // findSnapshotEngagements
  async loadEngagements(): Promise<SnapshotEngagement[]> {
    const rows = await this.db.read("gaps/findSnapshotEngagements");
    return parseRows(EngagementRow, rows, "gaps/findSnapshotEngagements");
  }

  /**
   * Every state-funded school and system leader. The schools take most of the time, so the other
   * statements run one after another beside them. The caller reads the data version first, so a
   * change made while these run shows as a newer version on the next check.
   */
  async loadSnapshot(): Promise<SupportSnapshot> {
    const [runRow] = await this.db.read("similarity/findCurrentFamilyRun");
    const version = parseRow(FamilyRunRow, runRow ?? {}, "similarity/findCurrentFamilyRun");
    const [schoolRows, [memberRows, trustRows, leaderRows, engagementRows, laRows]] =
      await Promise.all([
        this.db.read("gaps/findSnapshotSchools"),
        (async () => [
          await this.db.read("gaps/findPartnershipMemberUrns"),
          await this.db.read("gaps/findTrustMemberships"),
          await this.db.read("gaps/findSnapshotLeaders"),
          await this.db.read("gaps/findSnapshotEngagements"),
          await this.db.read("gaps/findLocalAuthorities"),
        ])(),
      ]);
    const members = new Set(
      parseRow(MemberUrnsRow, memberRows[0] ?? {}, "gaps/findPartnershipMemberUrns").urns,
    );
    const trustRow = parseRow(TrustMembershipsRow, trustRows[0] ?? {}, "gaps/findTrustMemberships");
    const trusts = new Map<number, string>();
    trustRow.urns.forEach((urn, k) => {
      const id = trustRow.trustIds[k] ?? null;
      if (urn !== null && id !== null) trusts.set(urn, id);
    });
    const schools: SnapshotSchool[] = [];
    for (const { school } of parseRows(SchoolRow, schoolRows, "gaps/findSnapshotSchools")) {
      school.inPartnership = members.has(school.urn);
      school.trustId = trusts.get(school.urn) ?? null;
      schools.push(school);
    }
    const engagements = parseRows(EngagementRow, engagementRows, "gaps/findSnapshotEngagements");
    const open = openEngagementCounts(engagements);
    const leaders: SnapshotLeader[] = [];
    for (const { leader } of parseRows(LeaderRow, leaderRows, "gaps/findSnapshotLeaders")) {
      if (leader === null) continue;
      leader.openEngagements = open.get(leader.id) ?? 0;
      leaders.push(leader);
    }
    const localAuthorities: LocalAuthorityRecord[] = [];
    const regions = new Map<string, RegionRecord>();
    for (const { regionName, ...la } of parseRows(
      LocalAuthorityRow,
      laRows,
      "gaps/findLocalAuthorities",
    )) {
      localAuthorities.push(la);
      if (la.regionCode !== null && regionName !== null) {
        regions.set(la.regionCode, { code: la.regionCode, name: regionName });
      }
    }
    return {
      version,
      schools,
      leaders,
      engagements,
      localAuthorities,
      regions: [...regions.values()].sort((a, b) => a.code.localeCompare(b.code)),
    };
  }
}
