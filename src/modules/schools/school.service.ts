import { ValidationError } from "../../errors/index.js";
import { afterParams, decodeCursor, pageSize, toPage, type Page } from "../common/pagination.js";
import { checkLocalAuthorityCode, checkRegionCode } from "../geography/geography.service.js";
import type { Leadership } from "../leaders/leader.model.js";
import type { SchoolLoaders } from "./school.loaders.js";
import type {
  EstablishmentLink,
  InspectionRecord,
  SchoolFilter,
  SchoolRecord,
} from "./school.model.js";
import { wholeSchools, type SchoolSelection } from "./school.projection.js";
import type { SchoolListParams, SchoolRepository } from "./school.repository.js";

export const MAX_NAME_FILTER_LENGTH = 100;

export type SchoolFilterParams = Omit<SchoolListParams, "afterName" | "afterUrn" | "limit">;

/**
 * Statement parameters for a filter, checked field by field: codes must be well formed,
 * `nameContains` is trimmed, lower-cased (matching ignores case) and 1..100 characters.
 * Absent fields become nulls, which the statements read as "any".
 */
export function schoolFilterParams(
  filter: SchoolFilter | null | undefined,
  argument = "filter",
): SchoolFilterParams {
  const f = filter ?? {};
  const name = f.nameContains?.trim();
  if (name !== undefined && (name.length === 0 || name.length > MAX_NAME_FILTER_LENGTH)) {
    throw new ValidationError(
      `\`${argument}.nameContains\` must be 1 to ${MAX_NAME_FILTER_LENGTH} characters.`,
      `${argument}.nameContains`,
    );
  }
  return {
    laCode:
      f.localAuthorityCode == null
        ? null
        : checkLocalAuthorityCode(f.localAuthorityCode, `${argument}.localAuthorityCode`),
    regionCode:
      f.regionCode == null ? null : checkRegionCode(f.regionCode, `${argument}.regionCode`),
    phase: f.phase ?? null,
    stateFunded: f.stateFunded ?? null,
    rural: f.rural ?? null,
    coastal: f.coastal ?? null,
    nameContains: name === undefined ? null : name.toLowerCase(),
  };
}

/** Whether the areas a filter names exist; each throws NOT_FOUND naming the argument if not. */
export interface AreaChecks {
  requireLocalAuthority(code: number, argument: string): Promise<void>;
  requireRegion(code: string, argument: string): Promise<void>;
}

export interface SchoolListRequest {
  filter?: SchoolFilter | null;
  first?: number | null;
  after?: string | null;
  /** Count every match too; a second statement, so only when the client selected it. */
  includeTotal: boolean;
}

export class SchoolService {
  constructor(
    private readonly repository: SchoolRepository,
    private readonly loaders: SchoolLoaders,
    private readonly areas: AreaChecks,
    private readonly selection: SchoolSelection = wholeSchools(),
  ) {}

  /**
   * The open school, read with the properties the request's operation needs (see
   * school.projection.ts): a field no School selection in the operation asks for is left null
   * or empty. For the API's answers only; rules read their own statements.
   */
  byUrn(urn: number): Promise<SchoolRecord | null> {
    return this.loaders.schoolByUrn.load(urn);
  }

  /** Every inspection held, graded and ungraded, newest first. */
  inspections(urn: number): Promise<InspectionRecord[]> {
    return this.loaders.inspectionsByUrn.load(urn);
  }

  /** The open school behind a predecessor or successor link; null for a closed one. */
  async linked(link: EstablishmentLink): Promise<SchoolRecord | null> {
    return link.open ? this.loaders.schoolByUrn.load(link.urn) : null;
  }

  /**
   * A page of schools in (name, urn) order; see pagination.ts for the cursor. A filter naming a
   * local authority or region that does not exist is NOT_FOUND, not an empty page; the check is
   * only needed (and only made) when the page is empty.
   */
  async list(request: SchoolListRequest): Promise<Page<SchoolRecord>> {
    const size = pageSize(request.first, "first");
    const position = decodeCursor(request.after, "after");
    const filter = schoolFilterParams(request.filter);
    const [read, total] = await Promise.all([
      this.repository.list(
        { ...filter, ...afterParams(position), limit: size + 1 },
        this.selection,
      ),
      request.includeTotal ? this.repository.count(filter) : Promise.resolve(null),
    ]);
    this.loaders.keep(read);
    const rows = read.schools;
    if (rows.length === 0) {
      await Promise.all([
        filter.laCode === null
          ? null
          : this.areas.requireLocalAuthority(filter.laCode, "filter.localAuthorityCode"),
        filter.regionCode === null
          ? null
          : this.areas.requireRegion(filter.regionCode, "filter.regionCode"),
      ]);
    }
    return toPage(rows, size, (school) => school, total);
  }

  async predecessors(urn: number): Promise<EstablishmentLink[]> {
    return (await this.loaders.linksByUrn.load(urn)).predecessors;
  }

  async successors(urn: number): Promise<EstablishmentLink[]> {
    return (await this.loaders.linksByUrn.load(urn)).successors;
  }

  leaders(urn: number): Promise<Leadership[]> {
    return this.loaders.leadersByUrn.load(urn);
  }
}
