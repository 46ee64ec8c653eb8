import type { Database, Row } from "../../db/driver.js";
import { cypherInt } from "../common/params.js";
import { toLeadership } from "../leaders/leader.mapping.js";
import type { Leadership } from "../leaders/leader.model.js";
import {
  asBoolean,
  asDate,
  asInt,
  asList,
  asMember,
  asNumber,
  asProperties,
  asString,
  asText,
  requireInt,
  requireString,
  type Properties,
} from "../common/values.js";
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
import { toMembership, toMembersSlice } from "../partnerships/partnership.mapping.js";
import { projectedProperties, wholeSchools, type SchoolSelection } from "./school.projection.js";

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
  async findByUrns(
    urns: readonly number[],
    selection: SchoolSelection = wholeSchools(),
  ): Promise<SchoolReads> {
    const [row] = await this.db.read("schools/findSchoolsByUrns", {
      urns,
      ...selectionParams(selection),
    });
    return toSchoolReads(row, selection);
  }

  /**
   * One page in (name, urn) order. The statement is chosen by the most selective indexed
   * filter: a local authority or region seeks its own index, otherwise the name index is
   * walked in order and the scan stops at the limit. `selection` as for findByUrns.
   */
  async list(
    params: SchoolListParams,
    selection: SchoolSelection = wholeSchools(),
  ): Promise<SchoolReads> {
    const { laCode, regionCode, limit, ...filters } = params;
    const rest = { ...filters, limit: cypherInt(limit), ...selectionParams(selection) };
    const [row] =
      laCode !== null
        ? await this.db.read("schools/listSchoolsByLaCode", { ...rest, laCode, regionCode })
        : regionCode !== null
          ? await this.db.read("schools/listSchoolsByRegionCode", { ...rest, regionCode })
          : await this.db.read("schools/listSchools", rest);
    return toSchoolReads(row, selection);
  }

  // countSchools
  async count(params: Omit<SchoolListParams, "afterName" | "afterUrn" | "limit">): Promise<number> {
    const rows = await this.db.read("schools/countSchools", params);
    return asInt(rows[0]?.["total"]) ?? 0;
  }

  // findEstablishmentLinksByUrns
  async findLinksByUrns(urns: readonly number[]): Promise<Map<number, SchoolLinks>> {
    const rows = await this.db.read("schools/findEstablishmentLinksByUrns", { urns });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "urn"),
        {
          predecessors: asList(row["predecessors"]).map(toEstablishmentLink),
          successors: asList(row["successors"]).map(toEstablishmentLink),
        },
      ]),
    );
  }

  // findInspectionsBySchoolUrns
  async findInspectionsByUrns(urns: readonly number[]): Promise<Map<number, InspectionRecord[]>> {
    const rows = await this.db.read("schools/findInspectionsBySchoolUrns", { urns });
    return new Map(
      rows.map((row) => [
        requireInt(row["urn"], "urn"),
        asList(row["inspections"]).map(toInspection),
      ]),
    );
  }

  // findLeadersBySchoolUrns
  async findLeadersByUrns(urns: readonly number[]): Promise<Map<number, Leadership[]>> {
    const rows = await this.db.read("schools/findLeadersBySchoolUrns", { urns });
    return new Map(
      rows.map((row) => [requireInt(row["urn"], "urn"), asList(row["leaders"]).map(toLeadership)]),
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

/** A school statement's one row (_schoolPage): the schools and what was read with them. */
function toSchoolReads(row: Row | undefined, selection: SchoolSelection): SchoolReads {
  const schools = asList(row?.["schools"]).map((entry) =>
    toSchool(projectedProperties(entry, selection.properties)),
  );
  const memberships = asList(row?.["memberships"]);
  return {
    schools,
    localAuthorities: asList(row?.["localAuthorities"]).map(toLocalAuthority),
    regions: asList(row?.["regions"]).map(toRegion),
    // One list per school, in the schools' order.
    memberships: new Map(
      memberships.map((list, index) => [schools[index]!.urn, asList(list).map(toMembership)]),
    ),
    firstMembers: new Map(
      asList(row?.["firstMembers"]).map((entry) => [
        requireString(asProperties(entry)?.["id"], "Partnership.id"),
        toMembersSlice(entry, selection.properties),
      ]),
    ),
  };
}

/** A figure `key` with its `keyYear` and `keySource` siblings; absent figures stay null. */
function measure(p: Properties, key: string): Measure | null {
  const value = asNumber(p[key]);
  if (value === null) return null;
  return {
    value,
    year: asText(p[`${key}Year`]) ?? "unknown",
    sourceId: asString(p[`${key}Source`]),
  };
}

function area(code: unknown, name: unknown): Area | null {
  const parsedCode = asString(code);
  return parsedCode === null ? null : { code: parsedCode, name: asString(name) };
}

function anyPresent(p: Properties, keys: readonly string[]): boolean {
  for (const key of keys) if (p[key] !== null && p[key] !== undefined) return true;
  return false;
}

/** The properties whose presence means a school has each group of figures. */
const OFSTED_KEYS = ["ofstedRating", "ofstedGrade", "ofstedDate"];
const DEPRIVATION_KEYS = ["imdRank", "imdDecile", "idaciRank", "idaciDecile", "idaciScore"];
const KS2_KEYS = ["ks2ReadingProgress", "ks2WritingProgress", "ks2MathsProgress"];
const KS4_KEYS = ["ks4Progress8", "ks4Attainment8", "ks4EnglishMathsGrade5Percent"];
const CONTACT_KEYS = ["address", "phone"];

/** Maps a School node's properties (see cypher/README.md) to a SchoolRecord. */
export function toSchool(value: unknown): SchoolRecord {
  const p = asProperties(value) ?? {};
  const point = asProperties(p["location"]);
  const latitude = asNumber(point?.["latitude"]);
  const longitude = asNumber(point?.["longitude"]);
  const ruralUrbanCode = asString(p["ruralUrbanCode"]);
  const ks2RwmExpected = asNumber(p["ks2RwmExpected"]);
  const ks4Band = asString(p["ks4Progress8Band"]);

  return {
    urn: requireInt(p["urn"], "School.urn"),
    name: requireString(p["name"], "School.name"),
    laestab: asInt(p["laestab"]),
    status: asString(p["status"]),
    detailsAsOf: asDate(p["detailsAsOf"]),
    detailsSourceId: asString(p["detailsSource"]),
    phase: asMember(PHASES, p["phase"]),
    establishmentType: asString(p["establishmentType"]),
    stateFunded: asBoolean(p["stateFunded"]),
    governance: asMember(GOVERNANCES, p["governance"]),
    gender: asString(p["gender"]),
    religiousCharacter: asString(p["religiousCharacter"]),
    statutoryLowAge: asInt(p["statutoryLowAge"]),
    statutoryHighAge: asInt(p["statutoryHighAge"]),

    laCode: asInt(p["laCode"]),
    regionCode: asString(p["regionCode"]),
    district: area(p["districtCode"], p["districtName"]),
    ward: area(p["wardCode"], p["wardName"]),
    constituencyCode: asString(p["constituencyCode"]),
    postcode: asString(p["postcode"]),
    town: asString(p["town"]),
    location:
      latitude === null || longitude === null
        ? null
        : {
            latitude,
            longitude,
            precision: asMember(LOCATION_PRECISIONS, p["locationPrecision"]),
            sourceId: asString(p["locationSource"]),
          },
    lsoa: asString(p["lsoa"]),
    ruralUrban:
      ruralUrbanCode === null
        ? null
        : {
            code: ruralUrbanCode,
            name: asString(p["ruralUrban"]),
            sourceId: asString(p["ruralUrbanSource"]),
          },
    rural: asBoolean(p["rural"]),
    sparse: asBoolean(p["sparse"]),
    coastal: asBoolean(p["coastal"]),
    coastDistanceKm: asNumber(p["coastDistanceKm"]),
    coastalDefinition: asString(p["coastalDefinition"]),
    coastalSourceId: asString(p["coastalSource"]),

    pupils: measure(p, "pupils"),
    fsmPercent: measure(p, "fsmPercent"),
    ealPercent: measure(p, "ealPercent"),
    senPercent: measure(p, "senPercent"),
    senSupportPercent: measure(p, "senSupportPercent"),
    ehcpPercent: measure(p, "ehcpPercent"),
    ofsted: anyPresent(p, OFSTED_KEYS)
      ? {
          rating: asString(p["ofstedRating"]),
          grade: asInt(p["ofstedGrade"]),
          gradeBasis: asMember(GRADE_BASES, p["ofstedGradeBasis"]) ?? "OVERALL_EFFECTIVENESS",
          inspectedOn: asDate(p["ofstedDate"]),
          inspectionType: asString(p["ofstedInspectionType"]),
          urnAtInspection: asInt(p["ofstedUrnAtInspection"]),
          // Older sources give only the overall grade.
          overall:
            p["ofstedGradeBasis"] === undefined || p["ofstedGradeBasis"] === null
              ? asInt(p["ofstedGrade"])
              : asInt(p["ofstedOverall"]),
          qualityOfEducation: asInt(p["ofstedQualityOfEducation"]),
          behaviourAndAttitudes: asInt(p["ofstedBehaviourAndAttitudes"]),
          personalDevelopment: asInt(p["ofstedPersonalDevelopment"]),
          leadershipAndManagement: asInt(p["ofstedLeadershipAndManagement"]),
          earlyYears: asInt(p["ofstedEarlyYears"]),
          sixthForm: asInt(p["ofstedSixthForm"]),
          safeguardingEffective: asBoolean(p["ofstedSafeguardingEffective"]),
          categoryOfConcern: asMember(CATEGORIES_OF_CONCERN, p["ofstedCategoryOfConcern"]),
          sourceId: asString(p["ofstedSource"]),
        }
      : null,
    deprivation: anyPresent(p, DEPRIVATION_KEYS)
      ? {
          lsoa: asString(p["lsoa"]),
          imdRank: asInt(p["imdRank"]),
          imdDecile: asInt(p["imdDecile"]),
          idaciRank: asInt(p["idaciRank"]),
          idaciDecile: asInt(p["idaciDecile"]),
          idaciScore: asNumber(p["idaciScore"]),
          incomeScore: asNumber(p["incomeScore"]),
          year: asText(p["deprivationYear"]) ?? "unknown",
          sourceId: asString(p["deprivationSource"]),
        }
      : null,
    ks2: anyPresent(p, KS2_KEYS)
      ? {
          year: asText(p["ks2Year"]) ?? "unknown",
          readingProgress: asNumber(p["ks2ReadingProgress"]),
          writingProgress: asNumber(p["ks2WritingProgress"]),
          mathsProgress: asNumber(p["ks2MathsProgress"]),
          sourceId: asString(p["ks2Source"]),
        }
      : null,
    ks2Attainment:
      ks2RwmExpected === null
        ? null
        : {
            year: asText(p["ks2RwmExpectedYear"]) ?? "unknown",
            rwmExpected: ks2RwmExpected,
            sourceId: asString(p["ks2RwmExpectedSource"]),
          },
    ks4: anyPresent(p, KS4_KEYS)
      ? {
          year: asText(p["ks4Year"]) ?? "unknown",
          progress8: asNumber(p["ks4Progress8"]),
          progress8Lower: asNumber(p["ks4Progress8Lower"]),
          progress8Upper: asNumber(p["ks4Progress8Upper"]),
          attainment8: asNumber(p["ks4Attainment8"]),
          englishMathsGrade5Percent: asNumber(p["ks4EnglishMathsGrade5Percent"]),
          pupils: asInt(p["ks4Pupils"]),
          sourceId: asString(p["ks4Source"]),
        }
      : null,
    ks4History: ks4History(p),
    ks2History: ks2History(p),
    newSinceCensus: p["newSinceCensus"] === true,
    openedOn: asDate(p["openedOn"]),
    contextFromUrn: asInt(p["contextFromUrn"]),
    contact: anyPresent(p, CONTACT_KEYS)
      ? {
          address: asString(p["address"]),
          phone: asString(p["phone"]),
          sourceId: asString(p["contactSource"]),
        }
      : null,
    ks4Progress8Band:
      ks4Band === null
        ? null
        : {
            year: asText(p["ks4Progress8BandYear"]) ?? "unknown",
            band: ks4Band,
            sourceId: asString(p["ks4Progress8BandSource"]),
          },
    offers: supportTopics(p["offers"]),
    seeks: supportTopics(p["seeks"]),
    offerUpdatedAt: asString(p["offerUpdatedAt"]),
    offersFromUrn: asInt(p["offersFromUrn"]),
  };
}

/** A stored number list entry: NaN marks a year with no figure (lists cannot hold nulls). */
function figureAt(list: unknown[], index: number): number | null {
  const value = asNumber(list[index]);
  return value === null || Number.isNaN(value) ? null : value;
}

function ks2History(p: Properties): Ks2Year[] {
  // Most reads project no series, and most schools have none: no lists to build then.
  if (!Array.isArray(p["ks2RwmSeriesYears"])) return [];
  const years = asList(p["ks2RwmSeriesYears"]);
  const values = asList(p["ks2RwmSeriesValues"]);
  const urns = asList(p["ks2RwmSeriesUrns"]);
  const cohorts = asList(p["ks2RwmSeriesCohorts"]);
  const disadvantaged = asList(p["ks2RwmSeriesDisadvantaged"]);
  const source = asString(p["ks2RwmSeriesSource"]);
  return years.flatMap((year, index) => {
    const value = figureAt(values, index);
    const text = asText(year);
    if (value === null || text === null) return [];
    const cohort = figureAt(cohorts, index);
    return [
      {
        year: text,
        rwmExpected: value,
        cohort: cohort === null ? null : Math.round(cohort),
        disadvantagedRwmExpected: figureAt(disadvantaged, index),
        urn: asInt(urns[index]) ?? requireInt(p["urn"], "School.urn"),
        sourceId: source,
      },
    ];
  });
}

function ks4History(p: Properties): Ks4Results[] {
  if (!Array.isArray(p["ks4SeriesYears"])) return [];
  const years = asList(p["ks4SeriesYears"]);
  const sources = asList(p["ks4SeriesSources"]);
  const progress8 = asList(p["ks4SeriesProgress8"]);
  const attainment8 = asList(p["ks4SeriesAttainment8"]);
  const grade5 = asList(p["ks4SeriesGrade5"]);
  const latestYear = asText(p["ks4Year"]);
  return years.flatMap((year, index) => {
    const text = asText(year);
    if (text === null) return [];
    const latest = text === latestYear;
    return [
      {
        year: text,
        progress8: figureAt(progress8, index),
        progress8Lower: latest ? asNumber(p["ks4Progress8Lower"]) : null,
        progress8Upper: latest ? asNumber(p["ks4Progress8Upper"]) : null,
        attainment8: figureAt(attainment8, index),
        englishMathsGrade5Percent: figureAt(grade5, index),
        pupils: latest ? asInt(p["ks4Pupils"]) : null,
        sourceId: asString(sources[index]),
      },
    ];
  });
}

/** Maps an Inspection node (see cypher/README.md). */
export function toInspection(value: unknown): InspectionRecord {
  const p = asProperties(value) ?? {};
  return {
    id: requireString(p["id"], "Inspection.id"),
    kind: asMember(INSPECTION_KINDS, p["kind"]) ?? "GRADED",
    inspectedOn: asDate(p["date"]) ?? "",
    publishedOn: asDate(p["publishedOn"]),
    type: asString(p["type"]),
    outcome: asString(p["outcome"]),
    urnAtInspection: asInt(p["urnAtInspection"]),
    overall: asInt(p["overall"]),
    qualityOfEducation: asInt(p["qualityOfEducation"]),
    behaviourAndAttitudes: asInt(p["behaviourAndAttitudes"]),
    personalDevelopment: asInt(p["personalDevelopment"]),
    leadershipAndManagement: asInt(p["leadershipAndManagement"]),
    earlyYears: asInt(p["earlyYears"]),
    sixthForm: asInt(p["sixthForm"]),
    safeguardingEffective: asBoolean(p["safeguardingEffective"]),
    categoryOfConcern: asMember(CATEGORIES_OF_CONCERN, p["categoryOfConcern"]),
    sourceId: asString(p["source"]),
  };
}

/** A stored list of support topics; entries outside the vocabulary are dropped. */
function supportTopics(value: unknown) {
  return asList(value).flatMap((item) => asMember(SUPPORT_TOPICS, item) ?? []);
}

function toEstablishmentLink(value: unknown): EstablishmentLink {
  const p = asProperties(value) ?? {};
  return {
    urn: requireInt(p["urn"], "Establishment.urn"),
    name: asString(p["name"]),
    open: p["open"] === true,
    reason: asString(p["reason"]),
    on: asDate(p["on"]),
  };
}
