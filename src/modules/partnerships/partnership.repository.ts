import type { Database, Row } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import { toLeadership } from "../leaders/leader.mapping.js";
import type { Leadership } from "../leaders/leader.model.js";
import { asList, requireInt, requireString } from "../common/values.js";
import type { SchoolProperties } from "../schools/school.projection.js";
import { toMembership, toMembersSlice, toPartnership } from "./partnership.mapping.js";
import {
  type MembersPageKey,
  type MembersSlice,
  type MembershipRecord,
  type PartnershipRecord,
} from "./partnership.model.js";
import type { CypherName } from "../../db/cypher.js";

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  // findPartnershipsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, PartnershipRecord>> {
    const rows = await this.db.read("partnerships/findPartnershipsByIds", { ids });
    const partnerships = rows.map((row) => toPartnership(row["partnership"]));
    return new Map(partnerships.map((partnership) => [partnership.id, partnership]));
  }

  // findMembershipsBySchoolUrns
  findMembershipsByUrns(urns: readonly number[]): Promise<Map<number, MembershipRecord[]>> {
    return this.membershipsByUrn("partnerships/findMembershipsBySchoolUrns", urns);
  }

  // findFormerMembershipsBySchoolUrns
  findFormerMembershipsByUrns(urns: readonly number[]): Promise<Map<number, MembershipRecord[]>> {
    return this.membershipsByUrn("partnerships/findFormerMembershipsBySchoolUrns", urns);
  }

  private async membershipsByUrn(
    statement: CypherName,
    urns: readonly number[],
  ): Promise<Map<number, MembershipRecord[]>> {
    const rows = await this.db.read(statement, { urns });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "urn"),
        asList(row["memberships"]).map(toMembership),
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
    const slice = (row: Row): MembersSlice => toMembersSlice(row, properties);
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
