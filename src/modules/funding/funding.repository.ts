import { randomUUID } from "node:crypto";
import type { Database } from "../../db/driver.js";
import { ConflictError, NotFoundError } from "../../errors/index.js";
import { recordAudit } from "../audit/audit.writer.js";
import { cypherInt } from "../common/params.js";
import {
  asBoolean,
  asDate,
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  requireInt,
  requireString,
} from "../common/values.js";
import type { WriteOrigin } from "../proposals/proposal.repository.js";
import { allocateGrant, type RecipientSchool } from "./allocation.js";
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

/** Maps a Grant node's properties, with its recipient, to a record. */
export function toGrant(value: unknown): GrantRecord {
  const p = asProperties(value) ?? {};
  const id = requireString(p["id"], "Grant.id");
  return {
    id,
    fund: asMember(FUNDS, p["fund"]) ?? "OTHER",
    fundName: asString(p["fundName"]) ?? "",
    amountPence: asInt(p["amountPence"]) ?? 0,
    matchedPence: asInt(p["matchedPence"]) ?? 0,
    matchedBy: asString(p["matchedBy"]),
    funder: asString(p["funder"]) ?? "",
    awardedOn: asDate(p["awardedOn"]) ?? "",
    startsOn: asDate(p["startsOn"]) ?? "",
    endsOn: asDate(p["endsOn"]) ?? "",
    purpose: asString(p["purpose"]) ?? "",
    recipientUrn: asInt(p["recipientUrn"]),
    recipientPartnershipId: asString(p["recipientPartnershipId"]),
    createdBy: asString(p["createdBy"]),
    createdAt: asString(p["createdAt"]),
  };
}

function toFundedSchool(value: unknown): FundedSchool {
  const p = asProperties(value) ?? {};
  return {
    urn: requireInt(p["urn"], "School.urn"),
    laCode: asInt(p["laCode"]),
    regionCode: asString(p["regionCode"]),
    needBand: asInt(p["needBand"]),
    rural: asBoolean(p["rural"]),
    coastal: asBoolean(p["coastal"]),
  };
}

function toLandedShare(value: unknown): LandedShare {
  const p = asProperties(value) ?? {};
  return {
    school: toFundedSchool(p["school"]),
    awardedPence: asInt(p["awardedPence"]) ?? 0,
    matchedPence: asInt(p["matchedPence"]) ?? 0,
  };
}

function toRecipientSchool(value: unknown): RecipientSchool {
  const p = asProperties(value) ?? {};
  return { urn: requireInt(p["urn"], "School.urn"), pupils: asNumber(p["pupils"]) };
}

function strings(value: unknown): string[] {
  return asList(value).flatMap((item) => {
    const text = asString(item);
    return text === null ? [] : [text];
  });
}

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
      const lookup: RecipientLookup = {
        found: row?.["found"] === true,
        regionCodes: [...new Set(strings(row?.["regionCodes"]))],
        schools: asList(row?.["schools"]).map(toRecipientSchool),
      };
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
      const grant = toGrant(created?.["grant"]);
      const landed = asInt(created?.["landed"]) ?? 0;
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
    return rows.map((row) => {
      const grant = asProperties(row["grant"]) ?? {};
      return {
        id: requireString(grant["id"], "Grant.id"),
        fund: asMember(FUNDS, grant["fund"]) ?? "OTHER",
        amountPence: asInt(grant["amountPence"]) ?? 0,
        matchedPence: asInt(grant["matchedPence"]) ?? 0,
        shares: asList(row["shares"]).map(toLandedShare),
      };
    });
  }

  // countAreaSchools
  async areaSchools(area: ReportArea): Promise<AreaSchoolsRow[]> {
    const rows = await this.db.read("funding/countAreaSchools", areaParams(area));
    return rows.map((row) => ({
      laCode: requireInt(row["laCode"], "School.laCode"),
      laName: asString(row["laName"]),
      band: asInt(row["band"]),
      schools: asInt(row["schools"]) ?? 0,
      pupils: asNumber(row["pupils"]) ?? 0,
    }));
  }

  // listGrants
  async list(area: ReportArea, after: GrantKey | null, limit: number): Promise<GrantRecord[]> {
    const rows = await this.db.read("funding/listGrants", {
      ...areaParams(area),
      afterAwardedOn: after?.awardedOn ?? null,
      afterId: after?.id ?? null,
      limit: cypherInt(limit),
    });
    return rows.map((row) => toGrant(row["grant"]));
  }

  // findGrantsBySchoolUrns
  async findBySchoolUrns(urns: readonly number[]): Promise<Map<number, GrantRecord[]>> {
    const rows = await this.db.read("funding/findGrantsBySchoolUrns", {
      urns: urns.map(cypherInt),
    });
    return group(rows, (row) => requireInt(row["urn"], "School.urn"));
  }

  // findGrantsByPartnershipIds
  async findByPartnershipIds(ids: readonly string[]): Promise<Map<string, GrantRecord[]>> {
    const rows = await this.db.read("funding/findGrantsByPartnershipIds", { ids });
    return group(rows, (row) => requireString(row["id"], "Partnership.id"));
  }
}

function group<K>(
  rows: readonly Record<string, unknown>[],
  keyOf: (row: Record<string, unknown>) => K,
): Map<K, GrantRecord[]> {
  const grouped = new Map<K, GrantRecord[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key) ?? [];
    list.push(toGrant(row["grant"]));
    grouped.set(key, list);
  }
  return grouped;
}
