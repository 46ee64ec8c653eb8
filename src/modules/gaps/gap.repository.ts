import type { Database } from "../../db/driver.js";
import {
  asBoolean,
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { GOVERNANCES, PHASES } from "../schools/school.model.js";
import {
  DESIGNATIONS,
  SPECIALISMS,
  type Specialism,
} from "../system-leaders/system-leader.model.js";
import type {
  DataVersion,
  SnapshotEngagement,
  SnapshotLeader,
  SnapshotSchool,
  SupportSnapshot,
} from "./gap.model.js";
import { NEED_BANDS } from "./need-bands.js";

/** Where the support snapshot comes from; a test can hand the store another source. */
export interface SnapshotSource {
  findDataVersion(): Promise<DataVersion>;
  loadSnapshot(version: DataVersion): Promise<SupportSnapshot>;
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

function toEngagement(row: Record<string, unknown>): SnapshotEngagement {
  return {
    systemLeaderId: requireString(row["systemLeaderId"], "SystemLeader.id"),
    urn: requireInt(row["urn"], "School.urn"),
    open: row["open"] === true,
  };
}

function specialisms(value: unknown): Specialism[] {
  return asList(value).flatMap((item) => {
    const specialism = asMember(SPECIALISMS, item);
    return specialism === null ? [] : [specialism];
  });
}

function location(value: unknown): { latitude: number | null; longitude: number | null } {
  const point = asProperties(value);
  return { latitude: asNumber(point?.["latitude"]), longitude: asNumber(point?.["longitude"]) };
}

export function toSnapshotSchool(
  value: unknown,
  members: ReadonlySet<number>,
  trusts: ReadonlyMap<number, string> = new Map(),
): SnapshotSchool {
  const p = asProperties(value) ?? {};
  const urn = requireInt(p["urn"], "School.urn");
  const band = asInt(p["needBand"]);
  return {
    urn,
    name: asString(p["name"]),
    phase: asMember(PHASES, p["phase"]),
    governance: asMember(GOVERNANCES, p["governance"]),
    laCode: asInt(p["laCode"]),
    regionCode: asString(p["regionCode"]),
    districtCode: asString(p["districtCode"]),
    districtName: asString(p["districtName"]),
    ...location(p["location"]),
    rural: asBoolean(p["rural"]),
    sparse: asBoolean(p["sparse"]),
    coastal: asBoolean(p["coastal"]),
    coastDistanceKm: asNumber(p["coastDistanceKm"]),
    coastalBasis:
      p["coastalBasis"] === "ONS_TOWN"
        ? "ONS_TOWN"
        : p["coastalBasis"] === "DISTANCE"
          ? "DISTANCE"
          : null,
    pupils: asNumber(p["pupils"]),
    ofstedGrade: asInt(p["ofstedGrade"]),
    needBand: NEED_BANDS.find((b) => b === band) ?? null,
    needReasons: asList(p["needReasons"]).flatMap((code) => {
      const text = asString(code);
      return text === null ? [] : [text];
    }),
    needAreas: specialisms(p["needAreas"]),
    inPartnership: members.has(urn),
    trustId: trusts.get(urn) ?? null,
  };
}

export function toSnapshotLeader(
  value: unknown,
  openEngagements: ReadonlyMap<string, number>,
): SnapshotLeader | null {
  const p = asProperties(value) ?? {};
  const designation = asMember(DESIGNATIONS, p["designation"]);
  if (designation === null) return null;
  return {
    id: requireString(p["id"], "SystemLeader.id"),
    name: asString(p["name"]) ?? requireString(p["id"], "SystemLeader.id"),
    designation,
    phase: asMember(PHASES, p["phase"]),
    specialisms: specialisms(p["specialisms"]),
    capacity: asInt(p["capacity"]) ?? 0,
    openEngagements: openEngagements.get(requireString(p["id"], "SystemLeader.id")) ?? 0,
    baseUrn: asInt(p["baseUrn"]),
    ...location(p["location"]),
    regionCode: asString(p["regionCode"]),
    laCode: asInt(p["laCode"]),
    // Anything not marked real is treated as synthetic: REAL must never count a generated one.
    synthetic: p["synthetic"] !== false,
    hubCode: asString(p["hubCode"]),
  };
}

export class GapRepository implements SnapshotSource {
  constructor(private readonly db: Database) {}

  // findDataVersion
  async findDataVersion(): Promise<DataVersion> {
    const [row] = await this.db.read("gaps/findDataVersion");
    const r = row ?? {};
    return {
      familyVersion: asInt(r["familyVersion"]),
      needComputedAt: asString(r["needComputedAt"]),
      sourcesLoadedAt: asString(r["sourcesLoadedAt"]),
      schools: asInt(r["schools"]) ?? 0,
      leaders: asInt(r["leaders"]) ?? 0,
      engagements: asInt(r["engagements"]) ?? 0,
      openEngagements: asInt(r["openEngagements"]) ?? 0,
      memberships: asInt(r["memberships"]) ?? 0,
    };
  }

  // findSnapshotEngagements
  async loadEngagements(): Promise<SnapshotEngagement[]> {
    return (await this.db.read("gaps/findSnapshotEngagements")).map(toEngagement);
  }

  /**
   * Every state-funded school and system leader. The schools take most of the time, so the other
   * statements run one after another beside them. The caller reads the version first, so a change
   * made while these run shows as a newer version on the next check.
   */
  async loadSnapshot(version: DataVersion): Promise<SupportSnapshot> {
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
      asList(memberRows[0]?.["urns"]).flatMap((urn) => {
        const parsed = asInt(urn);
        return parsed === null ? [] : [parsed];
      }),
    );
    const trustUrns = asList(trustRows[0]?.["urns"]);
    const trustIds = asList(trustRows[0]?.["trustIds"]);
    const trusts = new Map<number, string>();
    trustUrns.forEach((urn, k) => {
      const parsed = asInt(urn);
      const id = asString(trustIds[k]);
      if (parsed !== null && id !== null) trusts.set(parsed, id);
    });
    const schools = schoolRows.map((row) => toSnapshotSchool(row["school"], members, trusts));
    const engagements = engagementRows.map(toEngagement);
    const open = openEngagementCounts(engagements);
    const leaders = leaderRows.flatMap((row) => {
      const leader = toSnapshotLeader(row["leader"], open);
      return leader === null ? [] : [leader];
    });
    const localAuthorities: LocalAuthorityRecord[] = laRows.map((row) => ({
      code: requireInt(row["code"], "LocalAuthority.code"),
      name: requireString(row["name"], "LocalAuthority.name"),
      gssCode: asString(row["gssCode"]),
      regionCode: asString(row["regionCode"]),
    }));
    const regions = new Map<string, RegionRecord>();
    for (const row of laRows) {
      const code = asString(row["regionCode"]);
      const name = asString(row["regionName"]);
      if (code !== null && name !== null) regions.set(code, { code, name });
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
