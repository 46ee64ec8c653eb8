import { authorize } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import { inputPath, type ArgumentPath } from "../../hardening/input-validation.js";
import { decodeKeysetCursor, encodeCursorTuple, invalidCursorMessage } from "../common/cursor.js";
import { pageSize, type Page } from "../common/pagination.js";
import type { LocalAuthorityRecord, RegionRecord } from "../geography/geography.model.js";
import { checkLocalAuthorityCode, checkRegionCode } from "../geography/geography.service.js";
import { buildFundingReport, type FundingReportFigures } from "./funding-report.js";
import type { FundingLoaders } from "./funding.loaders.js";
import {
  FUND_NAMES,
  type GrantKey,
  type GrantRecord,
  type RecordGrantRequest,
  type ReportArea,
} from "./funding.model.js";
import type { FundingRepository } from "./funding.repository.js";

/** Most grants one report reads; a window holding more must be narrowed. */
export const MAX_REPORT_GRANTS = 10_000;

export interface FundingReportRecord extends FundingReportFigures {
  region: RegionRecord | null;
  localAuthority: LocalAuthorityRecord | null;
  from: string | null;
  to: string | null;
}

export interface FundingReportRequest {
  regionCode?: string | null;
  localAuthorityCode?: number | null;
  from?: string | null;
  to?: string | null;
}

/** Looks up regions and local authorities by code (the geography repository). */
export interface AreaLookup {
  findRegionsByCodes(codes: readonly string[]): Promise<Map<string, RegionRecord>>;
  findLocalAuthoritiesByCodes(codes: readonly number[]): Promise<Map<number, LocalAuthorityRecord>>;
}

export function encodeGrantCursor(key: GrantKey): string {
  return encodeCursorTuple([key.awardedOn, key.id]);
}

export function decodeGrantCursor(
  cursor: string | null | undefined,
  argument = "after",
): GrantKey | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = decodeKeysetCursor(cursor, ["date", "string"]);
  if (!decoded) throw new ValidationError(invalidCursorMessage(argument), argument);
  return { awardedOn: decoded[0] as string, id: decoded[1] as string };
}

/**
 * A grant's own consistency: exactly one recipient, an end not before its start, who matched
 * any matched money, and a fund name (the fund's usual one unless it is OTHER). Returns the fund
 * name to store. Shared by recordGrant and the grants import, which names columns instead.
 */
export function checkGrantRequest(
  request: RecordGrantRequest,
  path: ArgumentPath = inputPath,
): string {
  if ((request.recipientUrn === null) === (request.recipientPartnershipId === null)) {
    throw new ValidationError(
      `\`${path()}\`: give exactly one recipient, recipientUrn (a school) or recipientPartnershipId.`,
      path(),
    );
  }
  if (request.endsOn < request.startsOn) {
    throw new ValidationError(
      `\`${path("endsOn")}\`: must not be before startsOn (${request.startsOn}).`,
      path("endsOn"),
    );
  }
  if (request.matchedPence > 0 && request.matchedBy === null) {
    throw new ValidationError(
      `\`${path("matchedBy")}\`: say who matched the money (e.g. the council).`,
      path("matchedBy"),
    );
  }
  const fundName = request.fundName ?? (request.fund === "OTHER" ? null : FUND_NAMES[request.fund]);
  if (fundName === null) {
    throw new ValidationError(
      `\`${path("fundName")}\`: name the fund when it is OTHER.`,
      path("fundName"),
    );
  }
  return fundName;
}

/** Recording improvement grants and reporting where their money lands. */
export class FundingService {
  constructor(
    private readonly repository: FundingRepository,
    private readonly loaders: FundingLoaders,
    private readonly areas: AreaLookup,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  record(request: RecordGrantRequest): Promise<GrantRecord> {
    const principal = this.principal;
    // Roles that may never record are refused before anything is read; oversight is checked
    // against the recipient's regions once they are known, and must oversee every one of them:
    // a trust's grant lands on all its members, so oversight of one region must not be able to
    // put money into another region's figures.
    authorize(principal, "recordGrant", {
      regionCodes: principal.role === "OVERSIGHT" ? principal.regionCodes : [],
    });
    if (principal.role === "ANONYMOUS") throw new Error("unreachable: no anonymous writes");
    const fundName = checkGrantRequest(request);
    return this.repository.record(
      request,
      fundName,
      { actor: actorOf(principal), requestId: this.requestId },
      (regionCodes) => authorize(principal, "recordGrant", { regionCodes }),
    );
  }

  /** The area asked for: an LA (inside the region, when both are given), a region, or England. */
  private async area(
    regionCode: string | null | undefined,
    localAuthorityCode: number | null | undefined,
  ): Promise<{ region: RegionRecord | null; localAuthority: LocalAuthorityRecord | null }> {
    let region: RegionRecord | null = null;
    let localAuthority: LocalAuthorityRecord | null = null;
    if (regionCode !== null && regionCode !== undefined) {
      const code = checkRegionCode(regionCode, "regionCode");
      region = (await this.areas.findRegionsByCodes([code])).get(code) ?? null;
      if (region === null) throw new NotFoundError(`No region has code ${code}.`, "regionCode");
    }
    if (localAuthorityCode !== null && localAuthorityCode !== undefined) {
      const code = checkLocalAuthorityCode(localAuthorityCode, "localAuthorityCode");
      localAuthority = (await this.areas.findLocalAuthoritiesByCodes([code])).get(code) ?? null;
      if (localAuthority === null) {
        throw new NotFoundError(`No local authority has code ${code}.`, "localAuthorityCode");
      }
      if (region !== null && localAuthority.regionCode !== region.code) {
        throw new ValidationError(
          `\`localAuthorityCode\`: ${localAuthority.name} (${code}) is not in ${region.name} (${region.code}).`,
          "localAuthorityCode",
        );
      }
    }
    return { region, localAuthority };
  }

  /**
   * Where the money of grants awarded between `from` and `to` (inclusive; open when absent)
   * lands in the area; see allocation.ts for the rule and funding-report.ts for the figures.
   */
  async report(request: FundingReportRequest): Promise<FundingReportRecord> {
    const from = request.from ?? null;
    const to = request.to ?? null;
    if (from !== null && to !== null && to < from) {
      throw new ValidationError(`\`to\`: must not be before from (${from}).`, "to");
    }
    const { region, localAuthority } = await this.area(
      request.regionCode,
      request.localAuthorityCode,
    );
    const area: ReportArea = {
      laCode: localAuthority?.code ?? null,
      regionCode: localAuthority === null ? (region?.code ?? null) : null,
    };
    const [grants, schools] = await Promise.all([
      this.repository.reportGrants(area, { from, to }, MAX_REPORT_GRANTS + 1),
      this.repository.areaSchools(area),
    ]);
    if (grants.length > MAX_REPORT_GRANTS) {
      throw new ValidationError(
        `More than ${MAX_REPORT_GRANTS} grants fall in this window; narrow it with from and to.`,
        "from",
      );
    }
    return { ...buildFundingReport(area, grants, schools), region, localAuthority, from, to };
  }

  /** A page of grants with a recipient school in the area, newest award first. */
  async list(request: {
    regionCode?: string | null;
    localAuthorityCode?: number | null;
    first?: number | null;
    after?: string | null;
  }): Promise<Page<GrantRecord>> {
    const size = pageSize(request.first, "first");
    const position = decodeGrantCursor(request.after, "after");
    const { region, localAuthority } = await this.area(
      request.regionCode,
      request.localAuthorityCode,
    );
    const rows = await this.repository.list(
      {
        laCode: localAuthority?.code ?? null,
        regionCode: localAuthority === null ? (region?.code ?? null) : null,
      },
      position,
      size + 1,
    );
    const edges = rows.slice(0, size).map((node) => ({
      cursor: encodeGrantCursor({ awardedOn: node.awardedOn, id: node.id }),
      node,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: null,
    };
  }

  ofSchool(urn: number): Promise<GrantRecord[]> {
    return this.loaders.grantsByUrn.load(urn);
  }

  ofPartnership(id: string): Promise<GrantRecord[]> {
    return this.loaders.grantsByPartnershipId.load(id);
  }
}
