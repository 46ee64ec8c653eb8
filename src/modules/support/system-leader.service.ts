import { decide } from "../../auth/policy.js";
import type { Principal } from "../../auth/principal.js";
import { decodeKeysetCursor, encodeCursorTuple, invalidCursorMessage } from "../common/cursor.js";
import type { Page } from "../common/pagination.js";
import { NotFoundError, ValidationError } from "../../errors/index.js";
import { requireNeedBands, supplyModeOf, type GapService } from "./gap.service.js";
import type { SupplyMode } from "./support.rules.js";
import { checkNumberInRange, checkWholeNumber } from "../common/checks.js";
import { checkRegion } from "./validation.js";
import { planAssignments, type AssignmentPlan } from "./assignment-plan.js";
import { rankSupportCandidates, type SupportCandidate } from "./candidates.js";
import type { SystemLeaderLoaders } from "./system-leader.loaders.js";
import type {
  Designation,
  LeaderKey,
  SupportEngagementRecord,
  SystemLeaderRecord,
} from "./system-leader.model.js";
import type { SystemLeaderRepository } from "./system-leader.repository.js";

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
export const DEFAULT_CANDIDATES = 10;
/** Further than any reach (reach.ts), and than a day's return journey for a visit. */
export const MAX_DISTANCE_KM = 200;
const REGION_CODE = /^E12\d{6}$/;

export function encodeLeaderCursor(key: LeaderKey): string {
  return encodeCursorTuple([key.name, key.id]);
}

/** The position a cursor points at; anything this API did not issue names the argument. */
export function decodeLeaderCursor(
  cursor: string | null | undefined,
  argument = "after",
): LeaderKey | null {
  if (cursor === null || cursor === undefined) return null;
  const decoded = decodeKeysetCursor(cursor, ["string", "string"]);
  if (!decoded) throw new ValidationError(invalidCursorMessage(argument), argument);
  return { name: decoded[0] as string, id: decoded[1] as string };
}

/**
 * The engagements `principal` may read (readSupportEngagement): a school those it receives, a
 * system leader its own, oversight those with schools in its regions, an admin all, an
 * anonymous caller none. Which schools receive support reveals their weakness, so a list shows
 * what may be read and drops the rest rather than refusing the whole list. A school's list
 * carries the engagements of the closed schools it replaced as its history: the school, and
 * oversight of its region, read those as they read its own (`listedForUrn`, `regionCode`).
 */
export function readableEngagements(
  principal: Principal,
  engagements: readonly SupportEngagementRecord[],
): SupportEngagementRecord[] {
  return engagements.filter(
    (engagement) =>
      decide(principal, "readSupportEngagement", {
        urns:
          engagement.listedForUrn === null || engagement.listedForUrn === engagement.urn
            ? [engagement.urn]
            : [engagement.urn, engagement.listedForUrn],
        regionCodes: [engagement.regionCode],
        systemLeaderId: engagement.systemLeaderId,
      }).allowed,
  );
}

export interface SystemLeaderListRequest {
  regionCode?: string | null;
  designation?: Designation | null;
  /** Part of the leader's name, or its base school's name, town or LA; 2 to 100 characters. */
  nameContains?: string | null;
  first?: number | null;
  after?: string | null;
  includeTotal: boolean;
}

export class SystemLeaderService {
  constructor(
    private readonly repository: SystemLeaderRepository,
    private readonly loaders: SystemLeaderLoaders,
    private readonly gaps: GapService,
    private readonly principal: Principal,
  ) {}

  byId(id: string): Promise<SystemLeaderRecord | null> {
    return this.loaders.systemLeaderById.load(id);
  }

  /** A page of system leaders in (name, id) order; an unknown region has none. */
  async list(request: SystemLeaderListRequest): Promise<Page<SystemLeaderRecord>> {
    const size = checkWholeNumber(request.first ?? DEFAULT_PAGE, 1, MAX_PAGE, "first");
    const position = decodeLeaderCursor(request.after);
    const regionCode = request.regionCode ?? null;
    if (regionCode !== null && !REGION_CODE.test(regionCode)) {
      throw new ValidationError(
        `\`regionCode\` must be an ONS region code such as E12000007 (got "${regionCode.slice(0, 20)}").`,
        "regionCode",
      );
    }
    const text = request.nameContains?.trim() ?? "";
    if (request.nameContains != null && (text.length < 2 || text.length > 100)) {
      throw new ValidationError(
        "`nameContains` must be 2 to 100 characters (part of a leader's or its school's name, town or local authority).",
        "nameContains",
      );
    }
    const filters = {
      regionCode,
      designation: request.designation ?? null,
      nameContains: text === "" ? null : text.toLowerCase(),
    };
    const [rows, total] = await Promise.all([
      this.repository.list({
        ...filters,
        afterName: position?.name ?? null,
        afterId: position?.id ?? null,
        limit: size + 1,
      }),
      request.includeTotal ? this.repository.count(filters) : Promise.resolve(null),
    ]);
    const edges = rows
      .slice(0, size)
      .map((node) => ({ cursor: encodeLeaderCursor({ name: node.name, id: node.id }), node }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  basedAt(urn: number): Promise<SystemLeaderRecord[]> {
    return this.loaders.systemLeadersByBaseUrn.load(urn);
  }

  /** The leader's engagements the caller may read; see readableEngagements. */
  async engagements(leaderId: string, openOnly: boolean): Promise<SupportEngagementRecord[]> {
    const all = await this.loaders.engagementsByLeaderId.load(leaderId);
    const readable = readableEngagements(this.principal, all);
    return openOnly ? readable.filter((engagement) => engagement.open) : readable;
  }

  /** The school's engagements the caller may read; see readableEngagements. */
  async engagementsOfSchool(urn: number): Promise<SupportEngagementRecord[]> {
    return readableEngagements(this.principal, await this.loaders.engagementsBySchoolUrn.load(urn));
  }

  /** Schools the leader could support, best first; see candidates.ts for the ranking. */
  async schoolsToSupport(
    systemLeaderId: string,
    first?: number | null,
    maxDistanceKm?: number | null,
    supplyMode?: SupplyMode | null,
  ): Promise<(SupportCandidate & { supplyMode: SupplyMode })[]> {
    const supply = supplyModeOf(supplyMode);
    const size = checkWholeNumber(first ?? DEFAULT_CANDIDATES, 1, MAX_PAGE, "first");
    const distance =
      maxDistanceKm == null
        ? null
        : checkNumberInRange(maxDistanceKm, 0, MAX_DISTANCE_KM, "maxDistanceKm");
    const prepared = requireNeedBands(await this.gaps.snapshot());
    const position = prepared.leaderPosition.get(systemLeaderId);
    if (position === undefined) {
      throw new NotFoundError(
        `No system leader with id "${systemLeaderId.slice(0, 100)}": list them with systemLeaders.`,
        "systemLeaderId",
      );
    }
    const leader = prepared.snapshot.leaders[position]!;
    if (leader.synthetic && supply === "REAL") {
      throw new ValidationError(
        `System leader "${systemLeaderId.slice(0, 100)}" is synthetic (generated from DfE's criteria, ` +
          "not a real designation), so it is no real supply: ask with `supply: MODELLED` for the what-if.",
        "supply",
      );
    }
    const hub = prepared.hubAreas.byHub.get(position);
    const servedLaCodes = hub === undefined ? null : new Set(hub.served.map((area) => area.laCode));
    return prepared.memoize(`candidates:${JSON.stringify([systemLeaderId, size, distance])}`, () =>
      rankSupportCandidates(leader, prepared.snapshot.schools, {
        first: size,
        maxDistanceKm: distance,
        supported: prepared.supportedUrns,
        servedLaCodes,
      }).map((candidate) => ({ ...candidate, supplyMode: supply })),
    );
  }

  /** The optimal assignment of the region's leaders; see assignment-plan.ts. */
  async supportAssignments(
    regionCode: string,
    supplyMode?: SupplyMode | null,
  ): Promise<AssignmentPlan> {
    const supply = supplyModeOf(supplyMode);
    const prepared = requireNeedBands(await this.gaps.snapshot());
    const region = checkRegion(prepared, regionCode) as string;
    return prepared.memoize(`assignments:${region}:${supply}`, () =>
      planAssignments(prepared, region, supply),
    );
  }
}
