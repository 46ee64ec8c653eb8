import type { Database, Row } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import { toLeadership } from "../leaders/leader.mapping.js";
import type { Leadership } from "../leaders/leader.model.js";
import {
  asDate,
  asInt,
  asList,
  asMember,
  asProperties,
  asString,
  asText,
  requireInt,
  requireString,
} from "../common/values.js";
import { toSchool } from "../schools/school.repository.js";
import { projectedProperties, type SchoolProperties } from "../schools/school.projection.js";
import {
  PARTNERSHIP_TYPES,
  type MemberRecord,
  type MembersPageKey,
  type MembersSlice,
  type MembershipRecord,
  type PartnershipRecord,
  type SchoolMemberships,
} from "./partnership.model.js";

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  // findPartnershipsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, PartnershipRecord>> {
    const rows = await this.db.read("partnerships/findPartnershipsByIds", { ids });
    const partnerships = rows.map((row) => toPartnership(row["partnership"]));
    return new Map(partnerships.map((partnership) => [partnership.id, partnership]));
  }

  // findMembershipsBySchoolUrns
  async findMembershipsByUrns(urns: readonly number[]): Promise<Map<number, SchoolMemberships>> {
    const rows = await this.db.read("partnerships/findMembershipsBySchoolUrns", { urns });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "urn"),
        {
          current: asList(row["memberships"]).map(toMembership),
          former: asList(row["former"]).map(toMembership),
        },
      ]),
    );
  }

  /**
   * One slice of members per key, in key order: up to `first + 1` members after the key's
   * position (the extra one tells whether another page follows) and the member total. First
   * pages of one size share a statement; pages after a cursor share another.
   */
  async findMembers(
    keys: readonly MembersPageKey[],
    properties: SchoolProperties = null,
  ): Promise<MembersSlice[]> {
    const slices: MembersSlice[] = keys.map(() => ({ members: [], total: 0 }));
    const slice = (row: Row): MembersSlice => ({
      total: asInt(row["total"]) ?? 0,
      members: asList(row["members"]).map((member) => toMember(member, properties)),
    });
    // First pages, the usual case, by size: each size is one statement cutting inside Cypher.
    const firstPages = new Map<number, number[]>();
    const laterPages: number[] = [];
    keys.forEach((key, index) => {
      if (key.after !== null) laterPages.push(index);
      else firstPages.set(key.first, [...(firstPages.get(key.first) ?? []), index]);
    });
    const reads = [...firstPages].map(async ([first, indexes]) => {
      // findFirstMembersByPartnershipIds
      const rows = await this.db.read("partnerships/findFirstMembersByPartnershipIds", {
        properties,
        ids: indexes.map((index) => keys[index]!.partnershipId),
        limit: cypherInt(first + 1),
      });
      const byId = new Map(rows.map((row) => [requireString(row["id"], "id"), slice(row)]));
      for (const index of indexes) {
        const found = byId.get(keys[index]!.partnershipId);
        if (found) slices[index] = found;
      }
    });
    if (laterPages.length > 0) {
      reads.push(
        (async () => {
          // findMembersByPartnershipIds
          const rows = await this.db.read("partnerships/findMembersByPartnershipIds", {
            properties,
            keys: laterPages.map((index) => {
              const key = keys[index]!;
              return {
                partnershipId: key.partnershipId,
                limit: cypherInt(key.first + 1),
                afterName: key.after?.name ?? null,
                afterUrn: key.after?.urn ?? null,
              };
            }),
          });
          for (const row of rows) {
            slices[laterPages[requireInt(row["i"], "key index")]!] = slice(row);
          }
        })(),
      );
    }
    await Promise.all(reads);
    return slices;
  }

  // findLeadersByPartnershipIds
  async findLeadersByIds(ids: readonly string[]): Promise<Map<string, Leadership[]>> {
    const rows = await this.db.read("partnerships/findLeadersByPartnershipIds", { ids });
    return new Map(
      rows.map((row) => [
        requireString(row["id"], "Partnership.id"),
        asList(row["leaders"]).map(toLeadership),
      ]),
    );
  }
}

function toMembership(value: unknown): MembershipRecord {
  const m = asProperties(value) ?? {};
  return {
    partnership: toPartnership(m["partnership"]),
    joinedOn: asDate(m["joinedOn"]),
    sourceId: asString(m["source"]),
    leftOn: asDate(m["leftOn"]),
    leftBy: asDate(m["leftBy"]),
    endedReason: asString(m["reason"]),
    endedSourceId: asString(m["leftSource"]),
  };
}

function toMember(value: unknown, properties: SchoolProperties): MemberRecord {
  const member = asProperties(value) ?? {};
  return {
    school: toSchool(projectedProperties(member, properties)),
    joinedOn: asDate(member["joinedOn"]),
  };
}

function toPartnership(value: unknown): PartnershipRecord {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "Partnership.id");
  return {
    id,
    name: asString(p["name"]) ?? id,
    type: asMember(PARTNERSHIP_TYPES, p["type"]),
    status: asString(p["status"]),
    giasUid: asText(p["giasUid"]),
    companiesHouseNumber: asText(p["companiesHouseNumber"]),
    openedOn: asDate(p["openedOn"]),
    sourceId: asString(p["source"]),
    memberCount: asInt(p["memberCount"]) ?? 0,
  };
}
