import { z } from "zod";
import type { CypherName } from "../../db/cypher.js";
import type { Database, Params } from "../../db/driver.js";
import {
  cell,
  key,
  listOf,
  nodeProperties,
  parseNode,
  parseRow,
  parseRows,
  point,
  series,
} from "../../db/rows.js";
import { cypherInt } from "../common/params.js";
import { LeadershipMap } from "../leaders/leader.mapping.js";
import type { Leadership } from "../leaders/leader.model.js";
import { SUPPORT_TOPICS } from "../offers/offer.model.js";
import {
  CATEGORIES_OF_CONCERN,
  GOVERNANCES,
  GRADE_BASES,
  INSPECTION_KINDS,
  LOCATION_PRECISIONS,
  PHASES,
  type Area,
  type InspectionRecord,
  type Ks2Year,
  type Ks4Results,
  type EstablishmentLink,
  type Measure,
  type SchoolLinks,
  type SchoolReads,
  type SchoolRecord,
} from "./school.model.js";
import { toLocalAuthority, toRegion } from "../geography/geography.repository.js";
import {
  FirstMembersMap,
  MembershipMap,
  type MembersSliceCells,
} from "../partnerships/partnership.mapping.js";
import type { MembersSlice } from "../partnerships/partnership.model.js";
import {
  projectedProperties,
  wholeSchools,
  type SchoolProperties,
  type SchoolSelection,
} from "./school.projection.js";

/**
 * A cell that also tells whether its property is stored at all: a group of figures (Ofsted,
 * deprivation, KS2, KS4, contact) shows when any of its properties is stored, even one of
 * another type, which then reads as null within the group.
 */
function stored<T>(item: z.ZodType<T>) {
  return z
    .unknown()
    .optional()
    .transform((value) => ({
      stored: value !== null && value !== undefined,
      value: item.parse(value),
    }));
}

/** A figure `name` with its `nameYear` and `nameSource` siblings. */
function measureCells<K extends string>(name: K) {
  return {
    [name]: cell.number,
    [`${name}Year`]: cell.text,
    [`${name}Source`]: cell.string,
  } as { [P in K]: typeof cell.number } & { [P in `${K}Year`]: typeof cell.text } & {
    [P in `${K}Source`]: typeof cell.string;
  };
}

/**
 * A School node's properties (see cypher/README.md), whole or as a projection of them (see
 * school.projection.ts). Search hits read the same cells beside their own.
 */
export const SCHOOL_CELLS = {
  urn: key.int,
  name: key.string,
  laestab: cell.int,
  status: cell.string,
  detailsAsOf: cell.date,
  detailsSource: cell.string,
  phase: cell.member(PHASES),
  establishmentType: cell.string,
  stateFunded: cell.boolean,
  governance: cell.member(GOVERNANCES),
  gender: cell.string,
  religiousCharacter: cell.string,
  statutoryLowAge: cell.int,
  statutoryHighAge: cell.int,

  laCode: cell.int,
  regionCode: cell.string,
  districtCode: cell.string,
  districtName: cell.string,
  wardCode: cell.string,
  wardName: cell.string,
  constituencyCode: cell.string,
  postcode: cell.string,
  town: cell.string,
  location: point,
  locationPrecision: cell.member(LOCATION_PRECISIONS),
  locationSource: cell.string,
  lsoa: cell.string,
  ruralUrbanCode: cell.string,
  ruralUrban: cell.string,
  ruralUrbanSource: cell.string,
  rural: cell.boolean,
  sparse: cell.boolean,
  coastal: cell.boolean,
  coastDistanceKm: cell.number,
  coastalDefinition: cell.string,
  coastalSource: cell.string,

  ...measureCells("pupils"),
  ...measureCells("fsmPercent"),
  ...measureCells("ealPercent"),
  ...measureCells("senPercent"),
  ...measureCells("senSupportPercent"),
  ...measureCells("ehcpPercent"),

  ofstedRating: stored(cell.string),
  ofstedGrade: stored(cell.int),
  ofstedDate: stored(cell.date),
  ofstedGradeBasis: stored(cell.member(GRADE_BASES)),
  ofstedInspectionType: cell.string,
  ofstedUrnAtInspection: cell.int,
  ofstedOverall: cell.int,
  ofstedQualityOfEducation: cell.int,
  ofstedBehaviourAndAttitudes: cell.int,
  ofstedPersonalDevelopment: cell.int,
  ofstedLeadershipAndManagement: cell.int,
  ofstedEarlyYears: cell.int,
  ofstedSixthForm: cell.int,
  ofstedSafeguardingEffective: cell.boolean,
  ofstedCategoryOfConcern: cell.member(CATEGORIES_OF_CONCERN),
  ofstedSource: cell.string,

  imdRank: stored(cell.int),
  imdDecile: stored(cell.int),
  idaciRank: stored(cell.int),
  idaciDecile: stored(cell.int),
  idaciScore: stored(cell.number),
  incomeScore: cell.number,
  deprivationYear: cell.text,
  deprivationSource: cell.string,

  ks2Year: cell.text,
  ks2ReadingProgress: stored(cell.number),
  ks2WritingProgress: stored(cell.number),
  ks2MathsProgress: stored(cell.number),
  ks2Source: cell.string,
  ...measureCells("ks2RwmExpected"),

  ks4Year: cell.text,
  ks4Progress8: stored(cell.number),
  ks4Progress8Lower: cell.number,
  ks4Progress8Upper: cell.number,
  ks4Attainment8: stored(cell.number),
  ks4EnglishMathsGrade5Percent: stored(cell.number),
  ks4Pupils: cell.int,
  ks4Source: cell.string,
  ks4Progress8Band: cell.string,
  ks4Progress8BandYear: cell.text,
  ks4Progress8BandSource: cell.string,

  // Series: parallel lists, one entry a year (NaN, read as null, where a year has no figure).
  ks4SeriesYears: listOf(cell.text),
  ks4SeriesSources: listOf(cell.string),
  ks4SeriesProgress8: series(cell.number),
  ks4SeriesAttainment8: series(cell.number),
  ks4SeriesGrade5: series(cell.number),
  ks2RwmSeriesYears: listOf(cell.text),
  ks2RwmSeriesValues: series(cell.number),
  ks2RwmSeriesUrns: listOf(cell.int),
  ks2RwmSeriesCohorts: series(cell.number),
  ks2RwmSeriesDisadvantaged: series(cell.number),
  ks2RwmSeriesSource: cell.string,

  newSinceCensus: cell.boolean,
  openedOn: cell.date,
  contextFromUrn: cell.int,
  address: stored(cell.string),
  phone: stored(cell.string),
  contactSource: cell.string,
  // Stored lists of support topics; entries outside the vocabulary are dropped.
  offers: cell.list(cell.member(SUPPORT_TOPICS)),
  seeks: cell.list(cell.member(SUPPORT_TOPICS)),
  offerUpdatedAt: cell.string,
  offersFromUrn: cell.int,
};

export type SchoolCells = z.output<z.ZodObject<typeof SCHOOL_CELLS>>;

/** Compiled (see z.compile): a page or a region reads hundreds or thousands of schools. */
export const SchoolNode = z.compile(nodeProperties(SCHOOL_CELLS).transform(toSchoolRecord));

/** An Inspection node's grades: overall effectiveness and the key judgements, 1 to 4. */
export const JUDGEMENT_CELLS = {
  overall: cell.int,
  qualityOfEducation: cell.int,
  behaviourAndAttitudes: cell.int,
  personalDevelopment: cell.int,
  leadershipAndManagement: cell.int,
  earlyYears: cell.int,
  sixthForm: cell.int,
};

const InspectionNode = nodeProperties({
  id: key.string,
  kind: cell.member(INSPECTION_KINDS),
  date: cell.date,
  publishedOn: cell.date,
  type: cell.string,
  outcome: cell.string,
  urnAtInspection: cell.int,
  ...JUDGEMENT_CELLS,
  safeguardingEffective: cell.boolean,
  categoryOfConcern: cell.member(CATEGORIES_OF_CONCERN),
  source: cell.string,
}).transform(({ kind, date, source, ...inspection }): InspectionRecord => ({
  ...inspection,
  kind: kind ?? "GRADED",
  inspectedOn: date ?? "",
  sourceId: source,
}));

const EstablishmentLinkMap = z
  .object({
    urn: key.int,
    name: cell.string,
    open: cell.boolean,
    reason: cell.string,
    on: cell.date,
  })
  .transform((link): EstablishmentLink => ({ ...link, open: link.open === true }));

const LinksRow = z.object({
  urn: key.int,
  predecessors: listOf(EstablishmentLinkMap),
  successors: listOf(EstablishmentLinkMap),
});

const InspectionsRow = z.object({ urn: key.int, inspections: listOf(InspectionNode) });

const LeadersRow = z.object({ urn: key.int, leaders: listOf(LeadershipMap) });

const CountRow = z.object({ total: cell.int });

/**
 * A school statement's one row (_schoolPage). Schools are read as the selection projects them
 * (see toSchoolReads); the LAs and regions as geography maps them.
 */
const SchoolPageRow = z.object({
  schools: listOf(z.unknown()),
  localAuthorities: listOf(z.unknown()),
  regions: listOf(z.unknown()),
  // One list per school, in the schools' order.
  memberships: listOf(listOf(MembershipMap)),
  firstMembers: listOf(FirstMembersMap),
});

/** Filter and position parameters shared by the list and count statements. */
export interface SchoolListParams {
  laCode: number | null;
  regionCode: string | null;
  phase: string | null;
  stateFunded: boolean | null;
  rural: boolean | null;
  coastal: boolean | null;
  /** Already lower-cased: the statements compare against toLower(name). */
  nameContains: string | null;
  afterName: string | null;
  afterUrn: number | null;
  limit: number;
}

export class SchoolRepository {
  constructor(private readonly db: Database) {}

  /**
   * findSchoolsByUrns. `selection` names the node properties to read (see school.projection.ts;
   * the record's other fields are then null or empty) and whether to read each school's LA and
   * region with it. By default, whole records and no areas.
   */
  findByUrns(
    urns: readonly number[],
    selection: SchoolSelection = wholeSchools(),
  ): Promise<SchoolReads> {
    return this.readPage("schools/findSchoolsByUrns", { urns }, selection);
  }

  /**
   * One page in (name, urn) order. The statement is chosen by the most selective indexed
   * filter: a local authority or region seeks its own index, otherwise the name index is
   * walked in order and the scan stops at the limit. `selection` as for findByUrns.
   */
  list(
    params: SchoolListParams,
    selection: SchoolSelection = wholeSchools(),
  ): Promise<SchoolReads> {
    const { laCode, regionCode, limit, ...filters } = params;
    const rest = { ...filters, limit: cypherInt(limit) };
    return laCode !== null
      ? this.readPage("schools/listSchoolsByLaCode", { ...rest, laCode, regionCode }, selection)
      : regionCode !== null
        ? this.readPage("schools/listSchoolsByRegionCode", { ...rest, regionCode }, selection)
        : this.readPage("schools/listSchools", rest, selection);
  }

  /** A school statement: its one row (_schoolPage) read with `selection`. */
  private async readPage(
    statement: CypherName,
    params: Params,
    selection: SchoolSelection,
  ): Promise<SchoolReads> {
    const [row] = await this.db.read(statement, { ...params, ...selectionParams(selection) });
    return toSchoolReads(parseRow(SchoolPageRow, row ?? {}, statement), selection);
  }

  // countSchools
  async count(params: Omit<SchoolListParams, "afterName" | "afterUrn" | "limit">): Promise<number> {
    const [row] = await this.db.read("schools/countSchools", params);
    return parseRow(CountRow, row ?? {}, "schools/countSchools").total ?? 0;
  }

  // findEstablishmentLinksByUrns
  async findLinksByUrns(urns: readonly number[]): Promise<Map<number, SchoolLinks>> {
    const rows = await this.db.read("schools/findEstablishmentLinksByUrns", { urns });
    return new Map(
      parseRows(LinksRow, rows, "schools/findEstablishmentLinksByUrns").map(({ urn, ...links }) => [
        urn,
        links,
      ]),
    );
  }

  // findInspectionsBySchoolUrns
  async findInspectionsByUrns(urns: readonly number[]): Promise<Map<number, InspectionRecord[]>> {
    const rows = await this.db.read("schools/findInspectionsBySchoolUrns", { urns });
    return new Map(
      parseRows(InspectionsRow, rows, "schools/findInspectionsBySchoolUrns").map((row) => [
        row.urn,
        row.inspections,
      ]),
    );
  }

  // findLeadersBySchoolUrns
  async findLeadersByUrns(urns: readonly number[]): Promise<Map<number, Leadership[]>> {
    const rows = await this.db.read("schools/findLeadersBySchoolUrns", { urns });
    return new Map(
      parseRows(LeadersRow, rows, "schools/findLeadersBySchoolUrns").map((row) => [
        row.urn,
        row.leaders,
      ]),
    );
  }
}

/** The parameters of _schoolPage, which every school statement ends with. */
function selectionParams(selection: SchoolSelection) {
  return {
    properties: selection.properties,
    areas: selection.areas,
    memberships: selection.memberships,
    // One more than the page, to tell whether another follows (see toPage).
    memberLimit: selection.memberPage === null ? null : cypherInt(selection.memberPage + 1),
  };
}

/** The schools of a school statement's row, as `selection` projects them, and what came with them. */
function toSchoolReads(
  page: z.output<typeof SchoolPageRow>,
  selection: SchoolSelection,
): SchoolReads {
  const schools = page.schools.map((entry) =>
    toSchool(projectedProperties(entry, selection.properties)),
  );
  return {
    schools,
    localAuthorities: page.localAuthorities.map(toLocalAuthority),
    regions: page.regions.map(toRegion),
    memberships: new Map(page.memberships.map((list, index) => [schools[index]!.urn, list])),
    firstMembers: new Map(
      page.firstMembers.map((slice) => [slice.id, toMembersSlice(slice, selection.properties)]),
    ),
  };
}

/** Maps a School node's properties (see cypher/README.md), or a projection of them, to a SchoolRecord. */
export function toSchool(value: unknown): SchoolRecord {
  return parseNode(SchoolNode, value, "School");
}

/** A partnership's members as SchoolRecords, their schools projected with `properties`. */
export function toMembersSlice(
  slice: MembersSliceCells,
  properties: SchoolProperties,
): MembersSlice {
  return {
    total: slice.total ?? 0,
    members: slice.members.map(({ school, joinedOn }) => ({
      school: toSchool(projectedProperties(school, properties)),
      joinedOn,
    })),
  };
}

function measure(
  value: number | null,
  year: string | null,
  sourceId: string | null,
): Measure | null {
  return value === null ? null : { value, year: year ?? "unknown", sourceId };
}

function area(code: string | null, name: string | null): Area | null {
  return code === null ? null : { code, name };
}

function anyStored(...cells: readonly { stored: boolean }[]): boolean {
  return cells.some((c) => c.stored);
}

export function toSchoolRecord(p: SchoolCells): SchoolRecord {
  return {
    urn: p.urn,
    name: p.name,
    laestab: p.laestab,
    status: p.status,
    detailsAsOf: p.detailsAsOf,
    detailsSourceId: p.detailsSource,
    phase: p.phase,
    establishmentType: p.establishmentType,
    stateFunded: p.stateFunded,
    governance: p.governance,
    gender: p.gender,
    religiousCharacter: p.religiousCharacter,
    statutoryLowAge: p.statutoryLowAge,
    statutoryHighAge: p.statutoryHighAge,

    laCode: p.laCode,
    regionCode: p.regionCode,
    district: area(p.districtCode, p.districtName),
    ward: area(p.wardCode, p.wardName),
    constituencyCode: p.constituencyCode,
    postcode: p.postcode,
    town: p.town,
    location:
      p.location === null || p.location.latitude === null || p.location.longitude === null
        ? null
        : {
            latitude: p.location.latitude,
            longitude: p.location.longitude,
            precision: p.locationPrecision,
            sourceId: p.locationSource,
          },
    lsoa: p.lsoa,
    ruralUrban:
      p.ruralUrbanCode === null
        ? null
        : { code: p.ruralUrbanCode, name: p.ruralUrban, sourceId: p.ruralUrbanSource },
    rural: p.rural,
    sparse: p.sparse,
    coastal: p.coastal,
    coastDistanceKm: p.coastDistanceKm,
    coastalDefinition: p.coastalDefinition,
    coastalSourceId: p.coastalSource,

    pupils: measure(p.pupils, p.pupilsYear, p.pupilsSource),
    fsmPercent: measure(p.fsmPercent, p.fsmPercentYear, p.fsmPercentSource),
    ealPercent: measure(p.ealPercent, p.ealPercentYear, p.ealPercentSource),
    senPercent: measure(p.senPercent, p.senPercentYear, p.senPercentSource),
    senSupportPercent: measure(
      p.senSupportPercent,
      p.senSupportPercentYear,
      p.senSupportPercentSource,
    ),
    ehcpPercent: measure(p.ehcpPercent, p.ehcpPercentYear, p.ehcpPercentSource),
    ofsted: anyStored(p.ofstedRating, p.ofstedGrade, p.ofstedDate)
      ? {
          rating: p.ofstedRating.value,
          grade: p.ofstedGrade.value,
          gradeBasis: p.ofstedGradeBasis.value ?? "OVERALL_EFFECTIVENESS",
          inspectedOn: p.ofstedDate.value,
          inspectionType: p.ofstedInspectionType,
          urnAtInspection: p.ofstedUrnAtInspection,
          // Older sources give only the overall grade.
          overall: p.ofstedGradeBasis.stored ? p.ofstedOverall : p.ofstedGrade.value,
          qualityOfEducation: p.ofstedQualityOfEducation,
          behaviourAndAttitudes: p.ofstedBehaviourAndAttitudes,
          personalDevelopment: p.ofstedPersonalDevelopment,
          leadershipAndManagement: p.ofstedLeadershipAndManagement,
          earlyYears: p.ofstedEarlyYears,
          sixthForm: p.ofstedSixthForm,
          safeguardingEffective: p.ofstedSafeguardingEffective,
          categoryOfConcern: p.ofstedCategoryOfConcern,
          sourceId: p.ofstedSource,
        }
      : null,
    deprivation: anyStored(p.imdRank, p.imdDecile, p.idaciRank, p.idaciDecile, p.idaciScore)
      ? {
          lsoa: p.lsoa,
          imdRank: p.imdRank.value,
          imdDecile: p.imdDecile.value,
          idaciRank: p.idaciRank.value,
          idaciDecile: p.idaciDecile.value,
          idaciScore: p.idaciScore.value,
          incomeScore: p.incomeScore,
          year: p.deprivationYear ?? "unknown",
          sourceId: p.deprivationSource,
        }
      : null,
    ks2: anyStored(p.ks2ReadingProgress, p.ks2WritingProgress, p.ks2MathsProgress)
      ? {
          year: p.ks2Year ?? "unknown",
          readingProgress: p.ks2ReadingProgress.value,
          writingProgress: p.ks2WritingProgress.value,
          mathsProgress: p.ks2MathsProgress.value,
          sourceId: p.ks2Source,
        }
      : null,
    ks2Attainment:
      p.ks2RwmExpected === null
        ? null
        : {
            year: p.ks2RwmExpectedYear ?? "unknown",
            rwmExpected: p.ks2RwmExpected,
            sourceId: p.ks2RwmExpectedSource,
          },
    ks4: anyStored(p.ks4Progress8, p.ks4Attainment8, p.ks4EnglishMathsGrade5Percent)
      ? {
          year: p.ks4Year ?? "unknown",
          progress8: p.ks4Progress8.value,
          progress8Lower: p.ks4Progress8Lower,
          progress8Upper: p.ks4Progress8Upper,
          attainment8: p.ks4Attainment8.value,
          englishMathsGrade5Percent: p.ks4EnglishMathsGrade5Percent.value,
          pupils: p.ks4Pupils,
          sourceId: p.ks4Source,
        }
      : null,
    ks4History: ks4History(p),
    ks2History: ks2History(p),
    newSinceCensus: p.newSinceCensus === true,
    openedOn: p.openedOn,
    contextFromUrn: p.contextFromUrn,
    contact: anyStored(p.address, p.phone)
      ? { address: p.address.value, phone: p.phone.value, sourceId: p.contactSource }
      : null,
    ks4Progress8Band:
      p.ks4Progress8Band === null
        ? null
        : {
            year: p.ks4Progress8BandYear ?? "unknown",
            band: p.ks4Progress8Band,
            sourceId: p.ks4Progress8BandSource,
          },
    offers: p.offers,
    seeks: p.seeks,
    offerUpdatedAt: p.offerUpdatedAt,
    offersFromUrn: p.offersFromUrn,
  };
}

/** The KS2 series by year; a year without a figure is left out. */
function ks2History(p: SchoolCells): Ks2Year[] {
  const values = p.ks2RwmSeriesValues;
  const cohorts = p.ks2RwmSeriesCohorts;
  return p.ks2RwmSeriesYears.flatMap((year, index) => {
    const value = values[index] ?? null;
    if (value === null || year === null) return [];
    const cohort = cohorts[index] ?? null;
    return [
      {
        year,
        rwmExpected: value,
        cohort: cohort === null ? null : Math.round(cohort),
        disadvantagedRwmExpected: p.ks2RwmSeriesDisadvantaged[index] ?? null,
        urn: p.ks2RwmSeriesUrns[index] ?? p.urn,
        sourceId: p.ks2RwmSeriesSource,
      },
    ];
  });
}

/** The KS4 series by year; the interval and pupils are known for the latest year only. */
function ks4History(p: SchoolCells): Ks4Results[] {
  return p.ks4SeriesYears.flatMap((year, index) => {
    if (year === null) return [];
    const latest = year === p.ks4Year;
    return [
      {
        year,
        progress8: p.ks4SeriesProgress8[index] ?? null,
        progress8Lower: latest ? p.ks4Progress8Lower : null,
        progress8Upper: latest ? p.ks4Progress8Upper : null,
        attainment8: p.ks4SeriesAttainment8[index] ?? null,
        englishMathsGrade5Percent: p.ks4SeriesGrade5[index] ?? null,
        pupils: latest ? p.ks4Pupils : null,
        sourceId: p.ks4SeriesSources[index] ?? null,
      },
    ];
  });
}
