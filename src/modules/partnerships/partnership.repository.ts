import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { key, listOf, parseRows } from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { LeadershipMap } from "../leaders/leader.mapping.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { SchoolProperties } from "../schools/school.projection.js";
import { toMembersSlice } from "../schools/school.repository.js";
import {
  FirstMembersMap,
  MEMBERS_SLICE_CELLS,
  MembershipMap,
  PartnershipNode,
} from "./partnership.mapping.js";
import {
  type MembersPageKey,
  type MembersSlice,
  type MembershipRecord,
  type PartnershipRecord,
} from "./partnership.model.js";
import type { CypherName } from "../../db/cypher.js";

const PartnershipRow = z.object({ partnership: PartnershipNode });

const MembershipsRow = z.object({ urn: key.int, memberships: listOf(MembershipMap) });

const LaterMembersRow = z.object({ i: key.int, ...MEMBERS_SLICE_CELLS });

const LeadersRow = z.object({ id: key.string, leaders: listOf(LeadershipMap) });

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  // findPartnershipsByIds
  async findByIds(ids: readonly string[]): Promise<Map<string, PartnershipRecord>> {
    const rows = await this.db.read("partnerships/findPartnershipsByIds", { ids });
    const partnerships = parseRows(PartnershipRow, rows, "partnerships/findPartnershipsByIds").map(
      (row) => row.partnership,
    );
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
      parseRows(MembershipsRow, rows, statement).map((row) => [row.urn, row.memberships]),
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
      const byId = new Map(
        parseRows(FirstMembersMap, rows, "partnerships/findFirstMembersByPartnershipIds").map(
          (row) => [row.id, toMembersSlice(row, properties)],
        ),
      );
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
          for (const row of parseRows(
            LaterMembersRow,
            rows,
            "partnerships/findMembersByPartnershipIds",
          )) {
            slices[laterPages[row.i]!] = toMembersSlice(row, properties);
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
      parseRows(LeadersRow, rows, "partnerships/findLeadersByPartnershipIds").map((row) => [
        row.id,
        row.leaders,
      ]),
    );
  }
}
