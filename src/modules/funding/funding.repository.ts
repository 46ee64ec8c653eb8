import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "../../db/driver.js";
import { cell, key, listOf, node, or, parseRow, parseRows } from "../../db/rows.js";
import { ConflictError, NotFoundError } from "../../errors/index.js";
import { recordAudit } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import { allocateGrant } from "./allocation.js";
import {
  FUNDS,
  type AreaSchoolsRow,
  type FundedSchool,
  type GrantKey,
  type GrantRecord,
  type LandedShare,
  type RecipientLookup,
  type RecordGrantRequest,
  type ReportArea,
  type ReportGrant,
} from "./funding.model.js";

/** A Grant node's own properties, as recorded (the import also reads them). */
export const GrantFields = z.object({
  id: key.string,
  fund: cell.member(FUNDS),
  fundName: or(cell.string, ""),
  amountPence: or(cell.int, 0),
  matchedPence: or(cell.int, 0),
  matchedBy: cell.string,
  funder: or(cell.string, ""),
  awardedOn: cell.date,
  startsOn: cell.date,
  endsOn: cell.date,
  purpose: or(cell.string, ""),
  recipientUrn: cell.int,
  recipientPartnershipId: cell.string,
});

/** A Grant node's properties, with its recipient. */
const GrantNode = node(
  GrantFields.extend({ createdBy: cell.string, createdAt: cell.string }).transform(
    (grant): GrantRecord => ({
      ...grant,
      fund: grant.fund ?? "OTHER",
      awardedOn: grant.awardedOn ?? "",
      startsOn: grant.startsOn ?? "",
      endsOn: grant.endsOn ?? "",
    }),
  ),
);

const FundedSchoolNode = node(
  z.object({
    urn: key.int,
    laCode: cell.int,
    regionCode: cell.string,
    needBand: cell.int,
    rural: cell.boolean,
    coastal: cell.boolean,
  }),
) satisfies z.ZodType<FundedSchool>;

const LandedShareNode = node(
  z
    .object({ school: FundedSchoolNode, awardedPence: cell.int, matchedPence: cell.int })
    .transform((share): LandedShare => ({
      ...share,
      awardedPence: share.awardedPence ?? 0,
      matchedPence: share.matchedPence ?? 0,
    })),
);

const RecipientRow = z
  .object({
    found: cell.boolean,
    regionCodes: cell.list(cell.string),
    schools: listOf(node(z.object({ urn: key.int, pupils: cell.number }))),
  })
  .transform(({ found, regionCodes, schools }): RecipientLookup => ({
    found: found === true,
    regionCodes: [...new Set(regionCodes)],
    schools,
  }));

const CreatedGrantRow = z
  .object({ grant: GrantNode, landed: cell.int })
  .transform(({ grant, landed }) => ({ grant, landed: landed ?? 0 }));

const ReportGrantRow = z
  .object({ grant: GrantNode, shares: listOf(LandedShareNode) })
  .transform(({ grant, shares }): ReportGrant => ({
    id: grant.id,
    fund: grant.fund,
    amountPence: grant.amountPence,
    matchedPence: grant.matchedPence,
    shares,
  }));

const AreaSchoolsCountRow = z
  .object({
    laCode: key.int,
    laName: cell.string,
    band: cell.int,
    schools: cell.int,
    pupils: cell.number,
  })
  .transform((row): AreaSchoolsRow => ({
    ...row,
    schools: row.schools ?? 0,
    pupils: row.pupils ?? 0,
  }));

const GrantRow = z.object({ grant: GrantNode });
const SchoolGrantRow = z.object({ urn: key.int, grant: GrantNode });
const PartnershipGrantRow = z.object({ id: key.string, grant: GrantNode });

function areaParams(area: ReportArea) {
  return {
    laCode: area.laCode === null ? null : cypherInt(area.laCode),
    regionCode: area.regionCode,
  };
}

/** Grants: recording one (with its audit event, in one transaction) and reading them back. */
export class FundingRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records a grant to an existing recipient. `authorizeRegions` is handed the regions the
   * recipient concerns inside the transaction, before anything is written.
   */
  async record(
    request: RecordGrantRequest,
    fundName: string,
    origin: WriteOrigin,
    authorizeRegions: (regionCodes: string[]) => void,
  ): Promise<GrantRecord> {
    return this.db.writeTransaction(async (run) => {
      const recipient = {
        urn: request.recipientUrn === null ? null : cypherInt(request.recipientUrn),
        partnershipId: request.recipientPartnershipId,
      };
      const [row] = await run("funding/findRecipient", recipient);
      const lookup = parseRow(RecipientRow, row ?? {}, "funding/findRecipient");
      if (!lookup.found) {
        throw request.recipientUrn !== null
          ? new NotFoundError(
              `No open school has URN ${request.recipientUrn}.`,
              "input.recipientUrn",
            )
          : new NotFoundError(
              `No partnership has id ${request.recipientPartnershipId}.`,
              "input.recipientPartnershipId",
            );
      }
      authorizeRegions(lookup.regionCodes);
      if (request.recipientPartnershipId !== null && lookup.schools.length === 0) {
        throw new ConflictError(
          `Partnership ${request.recipientPartnershipId} has no member schools now, so a grant to it would land nowhere.`,
          { argument: "input.recipientPartnershipId" },
        );
      }
      // Cut here, inside the transaction that read the members, and stored: reports read these
      // shares and never recut them, so the money stays where it went when it was awarded.
      const shares = allocateGrant(request, lookup.schools);
      const pupilsOf = new Map(lookup.schools.map((school) => [school.urn, school.pupils]));
      const id = `svc-${randomUUID()}`;
      const [created] = await run("funding/createGrant", {
        grant: {
          id,
          fund: request.fund,
          fundName,
          amountPence: cypherInt(request.amountPence),
          matchedPence: cypherInt(request.matchedPence),
          matchedBy: request.matchedBy,
          funder: request.funder,
          purpose: request.purpose,
          createdBy: origin.actor.sub,
        },
        awardedOn: request.awardedOn,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        urn: recipient.urn,
        partnershipId: recipient.partnershipId,
        shares: shares.map((share) => {
          const pupils = pupilsOf.get(share.urn) ?? null;
          return {
            urn: cypherInt(share.urn),
            awardedPence: cypherInt(share.awardedPence),
            matchedPence: cypherInt(share.matchedPence),
            pupils: pupils === null ? null : cypherInt(Math.round(pupils)),
          };
        }),
      });
      const { grant, landed } = parseRow(CreatedGrantRow, created ?? {}, "funding/createGrant");
      if (landed !== shares.length) {
        throw new Error(`Grant ${id}: ${landed} of ${shares.length} shares found their school.`);
      }
      await recordAudit(run, {
        ...origin,
        action: "recordGrant",
        targetType: "Grant",
        targetId: id,
        urns: shares.map((share) => share.urn),
        regionCodes: lookup.regionCodes,
        before: null,
        after: { ...grant, shares },
      });
      return grant;
    });
  }

  // findReportGrants
  async reportGrants(
    area: ReportArea,
    window: { from: string | null; to: string | null },
    limit: number,
  ): Promise<ReportGrant[]> {
    const rows = await this.db.read("funding/findReportGrants", {
      ...areaParams(area),
      from: window.from,
      to: window.to,
      limit: cypherInt(limit),
    });
    return parseRows(ReportGrantRow, rows, "funding/findReportGrants");
  }

  // countAreaSchools
  async areaSchools(area: ReportArea): Promise<AreaSchoolsRow[]> {
    const rows = await this.db.read("funding/countAreaSchools", areaParams(area));
    return parseRows(AreaSchoolsCountRow, rows, "funding/countAreaSchools");
  }

  // listGrants
  async list(area: ReportArea, after: GrantKey | null, limit: number): Promise<GrantRecord[]> {
    const rows = await this.db.read("funding/listGrants", {
      ...areaParams(area),
      afterAwardedOn: after?.awardedOn ?? null,
      afterId: after?.id ?? null,
      limit: cypherInt(limit),
    });
    return parseRows(GrantRow, rows, "funding/listGrants").map((row) => row.grant);
  }

  // findGrantsBySchoolUrns
  async findBySchoolUrns(urns: readonly number[]): Promise<Map<number, GrantRecord[]>> {
    const rows = await this.db.read("funding/findGrantsBySchoolUrns", {
      urns: urns.map(cypherInt),
    });
    return group(
      parseRows(SchoolGrantRow, rows, "funding/findGrantsBySchoolUrns").map((row) => [
        row.urn,
        row.grant,
      ]),
    );
  }

  // findGrantsByPartnershipIds
  async findByPartnershipIds(ids: readonly string[]): Promise<Map<string, GrantRecord[]>> {
    const rows = await this.db.read("funding/findGrantsByPartnershipIds", { ids });
    return group(
      parseRows(PartnershipGrantRow, rows, "funding/findGrantsByPartnershipIds").map((row) => [
        row.id,
        row.grant,
      ]),
    );
  }
}

/** Grants by what they went to, in row order. */
function group<K>(pairs: readonly (readonly [K, GrantRecord])[]): Map<K, GrantRecord[]> {
  const grouped = new Map<K, GrantRecord[]>();
  for (const [owner, grant] of pairs) {
    const list = grouped.get(owner) ?? [];
    list.push(grant);
    grouped.set(owner, list);
  }
  return grouped;
}
