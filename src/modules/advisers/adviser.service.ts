import { authorize, type Operation } from "../../auth/policy.js";
import { actorOf, type Principal } from "../../auth/principal.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import { inputPath, type ArgumentPath } from "../../hardening/input-validation.js";
import { decodeKeysetCursor, encodeCursorTuple, invalidCursorMessage } from "../common/cursor.js";
import { decodeCursor, pageSize, toPage, type Page } from "../common/pagination.js";
import { checkLocalAuthorityCode } from "../geography/geography.service.js";
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import type { WriteOrigin } from "../audit/audit.model.js";
import type { SchoolRecord } from "../schools/school.model.js";
import type { AdviserLoaders } from "./adviser.loaders.js";
import {
  MAX_ASSIGN_URNS,
  type AdviserKind,
  type AdviserRecord,
  type AssignAdviserRequest,
  type NeedKey,
  type RegisterAdviserRequest,
  type UnassignAdviserRequest,
} from "./adviser.model.js";
import type { AdviserRepository, SchoolAdviser } from "./adviser.repository.js";
import { coverageWeight } from "./adviser.rules.js";
import { coverageFrom, type CoverageFigures } from "./coverage.js";

/** An area's adviser coverage; `unadvisedSchools` pages through it. */
export interface AdviserCoverageRecord extends CoverageFigures {
  /** Null for all of England. */
  localAuthority: LocalAuthorityRecord | null;
  kind: AdviserKind | null;
}

export interface UnadvisedSchoolEdge {
  cursor: string;
  node: SchoolRecord;
  needBand: number | null;
  weight: number;
}

export interface UnadvisedPage {
  edges: UnadvisedSchoolEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function encodeNeedCursor(key: NeedKey): string {
  return encodeCursorTuple([key.bandRank, key.needPoints, key.urn]);
}

/** The position a need-order cursor points at; anything this API did not issue names the argument. */
export function decodeNeedCursor(
  cursor: string | null | undefined,
  argument = "after",
): NeedKey | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = decodeKeysetCursor(cursor, ["integer", "integer", "integer"]);
  if (!decoded) throw new ValidationError(invalidCursorMessage(argument), argument);
  const [bandRank, needPoints, urn] = decoded as number[];
  return { bandRank: bandRank!, needPoints: needPoints!, urn: urn! };
}

/**
 * Who an adviser may work for: a council (by a valid code) or a partnership, not both; a council
 * improvement officer needs the council and a trust lead the trust. Shared by registerAdviser
 * and the advisers import, which names the columns instead of `input` fields.
 */
export function checkAdviserRegistration(
  request: RegisterAdviserRequest,
  path: ArgumentPath = inputPath,
): void {
  if (request.localAuthorityCode !== null) {
    checkLocalAuthorityCode(request.localAuthorityCode, path("localAuthorityCode"));
  }
  if (request.localAuthorityCode !== null && request.partnershipId !== null) {
    throw new ValidationError(
      `\`${path()}\`: give the council (localAuthorityCode) or the partnership (partnershipId) the adviser works for, not both.`,
      path(),
    );
  }
  if (request.kind === "COUNCIL_IMPROVEMENT_OFFICER" && request.localAuthorityCode === null) {
    throw new ValidationError(
      `\`${path("localAuthorityCode")}\`: a council improvement officer works for a council; give its code.`,
      path("localAuthorityCode"),
    );
  }
  if (request.kind === "TRUST_SCHOOL_IMPROVEMENT_LEAD" && request.partnershipId === null) {
    throw new ValidationError(
      `\`${path("partnershipId")}\`: a trust school improvement lead works for a trust; give its id.`,
      path("partnershipId"),
    );
  }
}

/** Looks up local authorities by code (the geography repository). */
export interface LocalAuthorityLookup {
  findLocalAuthoritiesByCodes(codes: readonly number[]): Promise<Map<number, LocalAuthorityRecord>>;
}

/** Registering and assigning advisers, and how well an area's schools are covered by them. */
export class AdviserService {
  constructor(
    private readonly repository: AdviserRepository,
    private readonly loaders: AdviserLoaders,
    private readonly localAuthorities: LocalAuthorityLookup,
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  /**
   * Refuses roles that may never do `operation` before anything is read; oversight is checked
   * again once the regions concerned are known, and must oversee every one of them.
   */
  private guard(operation: Operation): {
    origin: WriteOrigin;
    authorizeRegions: (regionCodes: string[]) => void;
  } {
    const principal = this.principal;
    authorize(principal, operation, {
      regionCodes: principal.role === "OVERSIGHT" ? principal.regionCodes : [],
    });
    if (principal.role === "ANONYMOUS") throw new Error("unreachable: no anonymous writes");
    return {
      origin: { actor: actorOf(principal), requestId: this.requestId },
      authorizeRegions: (regionCodes) => {
        if (principal.role === "OVERSIGHT") authorize(principal, operation, { regionCodes });
      },
    };
  }

  register(request: RegisterAdviserRequest): Promise<AdviserRecord> {
    const { origin, authorizeRegions } = this.guard("registerAdviser");
    checkAdviserRegistration(request);
    return this.repository.register(request, origin, authorizeRegions);
  }

  assign(request: AssignAdviserRequest): Promise<AdviserRecord> {
    const { origin, authorizeRegions } = this.guard("assignAdviser");
    const urns = [...new Set(request.urns)];
    if (urns.length === 0 || urns.length > MAX_ASSIGN_URNS) {
      throw new ValidationError(
        `\`input.urns\`: must name 1 to ${MAX_ASSIGN_URNS} schools (got ${urns.length}).`,
        "input.urns",
      );
    }
    return this.repository.assign({ ...request, urns }, origin, authorizeRegions);
  }

  unassign(request: UnassignAdviserRequest): Promise<AdviserRecord> {
    const { origin, authorizeRegions } = this.guard("unassignAdviser");
    return this.repository.unassign(request, origin, authorizeRegions);
  }

  byId(id: string): Promise<AdviserRecord | null> {
    return this.loaders.adviserById.load(id);
  }

  ofSchool(urn: number): Promise<SchoolAdviser[]> {
    return this.loaders.advisersByUrn.load(urn);
  }

  /** A page of the schools an adviser advises, in (name, urn) order. */
  async schools(
    adviserId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<SchoolRecord>> {
    const size = pageSize(first, "first");
    const position = decodeCursor(after, "after");
    const slice = await this.loaders.schoolsPage.load({ adviserId, first: size, after: position });
    return toPage(slice.schools, size, (school) => school, slice.total);
  }

  /** Coverage of an LA's (or England's) open state-funded schools; NOT_FOUND for an unknown LA. */
  async coverage(
    localAuthorityCode: number | null | undefined,
    kind: AdviserKind | null | undefined,
  ): Promise<AdviserCoverageRecord> {
    let localAuthority: LocalAuthorityRecord | null = null;
    if (localAuthorityCode !== null && localAuthorityCode !== undefined) {
      const code = checkLocalAuthorityCode(localAuthorityCode, "localAuthorityCode");
      localAuthority =
        (await this.localAuthorities.findLocalAuthoritiesByCodes([code])).get(code) ?? null;
      if (localAuthority === null) {
        throw new NotFoundError(`No local authority has code ${code}.`, "localAuthorityCode");
      }
    }
    const counts = await this.repository.coverage(localAuthority?.code ?? null, kind ?? null);
    return { ...coverageFrom(counts), localAuthority, kind: kind ?? null };
  }

  /** Unadvised schools of a coverage, neediest first (band 1, then need points, then URN). */
  async unadvised(
    coverage: AdviserCoverageRecord,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<UnadvisedPage> {
    const size = pageSize(first, "first");
    const position = decodeNeedCursor(after, "after");
    const rows = await this.repository.unadvised({
      laCode: coverage.localAuthority?.code ?? null,
      kind: coverage.kind,
      after: position,
      limit: size + 1,
    });
    const edges = rows.slice(0, size).map(({ school, key }) => {
      const band = key.bandRank >= 1 && key.bandRank <= 4 ? key.bandRank : null;
      return {
        cursor: encodeNeedCursor(key),
        node: school,
        needBand: band,
        weight: coverageWeight(band),
      };
    });
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: coverage.unadvised,
    };
  }
}
