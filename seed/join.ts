/**
 * Joins the bundle's sources into one record per school. Pure: no files, no database.
 */
import { DATASETS } from "./datasets.js";
import { ofstedRatingOf, ruralUrbanFromCensusText, type RuralUrban } from "./domain/classify.js";
import type { BundleProperties, OfstedJudgement, SchoolRecord } from "./domain/school.js";
import { COASTAL_DEFINITION, type CoastalFacts } from "./geo/coast.js";
import { buildPostcodeCentroids, locateSchool, type KnownPoint } from "./geo/location.js";
import { SkipCounter } from "./rejections.js";
import type { CensusFigures } from "./sources/census.js";
import type { Deprivation } from "./sources/geography.js";
import { combineSeries, latestFigure, type YearFigure } from "./sources/outcomes.js";
import type { Inspection, Ks2Row, Ks4Row } from "./sources/performance.js";
import { NO_JUDGEMENTS, type InspectionRecord } from "./sources/ofsted2025.js";
import type { SpcSchool } from "./sources/spc.js";

/** Census day of the 2022/23 school census, the date the base list describes. */
export const SPC_CENSUS_DAY = "2023-01-19";

export interface JoinInputs {
  spc: readonly SpcSchool[];
  census: ReadonlyMap<number, CensusFigures>;
  ks2: ReadonlyMap<number, Ks2Row>;
  ks4: ReadonlyMap<number, Ks4Row>;
  ofsted: ReadonlyMap<number, Inspection>;
  ks2History: ReadonlyMap<number, readonly YearFigure<number>[]>;
  /** Predecessor URNs of each URN (GIAS establishment links), for series across a change of URN. */
  predecessorsOf: ReadonlyMap<number, readonly number[]>;
  ks4Bands: ReadonlyMap<number, YearFigure<string>>;
  /** The KS4 cohort's average KS2 scaled score (2023/24 KS4 school information). */
  ks4PriorAttainment: ReadonlyMap<number, YearFigure<number>>;
  deprivation: ReadonlyMap<string, Deprivation>;
  ruralUrban: ReadonlyMap<string, RuralUrban>;
  regionOfLa: ReadonlyMap<number, string>;
  coastal: (latitude: number, longitude: number) => CoastalFacts | null;
}

export interface JoinResult {
  schools: SchoolRecord[];
  skipped: SkipCounter;
}

/** The most recent of several inspections; figures from different files disagree only in age. */
export function latestInspection(
  ...inspections: (Inspection | null | undefined)[]
): OfstedJudgement | null {
  let latest: Inspection | null = null;
  for (const inspection of inspections) {
    if (inspection && (latest === null || inspection.date > latest.date)) latest = inspection;
  }
  return latest && { rating: ofstedRatingOf(latest.grade), ...latest };
}

/** Judgements the older sources give (grade and date only), one per date, newest first. */
function olderInspections(
  urn: number,
  inspections: (Inspection | null | undefined)[],
): InspectionRecord[] {
  const byDate = new Map<string, InspectionRecord>();
  for (const inspection of inspections) {
    if (!inspection || byDate.has(inspection.date)) continue;
    byDate.set(inspection.date, {
      id: `${inspection.source}:${urn}:${inspection.date}`,
      urn,
      urnAtInspection: urn,
      kind: "GRADED",
      date: inspection.date,
      publishedOn: null,
      type: null,
      ...NO_JUDGEMENTS,
      overall: inspection.grade,
      outcome: null,
      source: inspection.source,
    });
  }
  return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
}

function figure<T>(value: T | null | undefined, year: string, source: string) {
  return value === null || value === undefined
    ? { value: null, year: null, source: null }
    : { value, year, source };
}

function countUnmatched(
  map: ReadonlyMap<number, unknown>,
  schools: ReadonlySet<number>,
  what: string,
  skipped: SkipCounter,
): void {
  let unmatched = 0;
  for (const urn of map.keys()) if (!schools.has(urn)) unmatched += 1;
  skipped.add(`${what}: URNs not in the 2022/23 school list (closed or not schools)`, unmatched);
}

export function joinSchools(inputs: JoinInputs): JoinResult {
  const skipped = new SkipCounter();
  const urns = new Set(inputs.spc.map((school) => school.urn));
  countUnmatched(inputs.census, urns, "census 2020/21", skipped);
  countUnmatched(inputs.ks2, urns, "KS2 2018/19", skipped);
  countUnmatched(inputs.ks4, urns, "KS4 2018/19", skipped);
  countUnmatched(inputs.ofsted, urns, "Ofsted management information", skipped);
  countUnmatched(inputs.ks4Bands, urns, "KS4 2023/24 information", skipped);

  const known: KnownPoint[] = [];
  for (const row of [...inputs.ks2.values(), ...inputs.ks4.values()]) {
    if (row.location && row.postcode) known.push({ postcode: row.postcode, ...row.location });
  }
  const centroids = buildPostcodeCentroids(known);

  const schools = inputs.spc.map((school) => joinSchool(school, inputs, centroids, skipped));
  countKs2HistoryUse(schools, inputs.ks2History, skipped);
  return { schools, skipped };
}

/**
 * History rows count as used when they reach a school directly or through its predecessors, so
 * only URNs that are neither count as skipped.
 */
function countKs2HistoryUse(
  schools: readonly SchoolRecord[],
  history: ReadonlyMap<number, readonly YearFigure<number>[]>,
  skipped: SkipCounter,
): void {
  const used = new Set<number>();
  for (const school of schools) {
    used.add(school.urn);
    for (const urn of school.properties.ks2RwmSeriesUrns ?? []) used.add(urn);
  }
  let unmatched = 0;
  for (const urn of history.keys()) {
    if (!used.has(urn)) unmatched += 1;
  }
  skipped.add(
    "KS2 history: URNs whose figures reach no school in the 2022/23 list, directly or as a predecessor",
    unmatched,
  );
}

function joinSchool(
  school: SpcSchool,
  inputs: JoinInputs,
  centroids: ReturnType<typeof buildPostcodeCentroids>,
  skipped: SkipCounter,
): SchoolRecord {
  const { urn } = school;
  const ks2 = inputs.ks2.get(urn);
  const ks4 = inputs.ks4.get(urn);
  const census = inputs.census.get(urn);
  const spcSource = DATASETS.spc.id;

  const exact = ks2?.location
    ? { ...ks2.location, source: DATASETS.ks2.id }
    : ks4?.location
      ? { ...ks4.location, source: DATASETS.ks4.id }
      : null;
  const location = locateSchool(exact, school.postcode, centroids);
  const coast = location ? inputs.coastal(location.latitude, location.longitude) : null;

  const deprivation = school.postcode ? inputs.deprivation.get(school.postcode) : undefined;
  const lsoaClass = deprivation ? inputs.ruralUrban.get(deprivation.lsoa) : undefined;
  const censusClass = school.urbanRuralText
    ? ruralUrbanFromCensusText(school.urbanRuralText)
    : null;
  const ruralUrban = lsoaClass ?? censusClass;
  const ruralUrbanSource = lsoaClass ? DATASETS.ruralUrban.id : censusClass ? spcSource : null;

  const eal = figure(school.ealPercent, school.year, spcSource);
  const census2021 = DATASETS.census;
  const sen = figure(census?.senPercent, census2021.period, census2021.id);
  const senSupport = figure(census?.senSupportPercent, census2021.period, census2021.id);
  const ehcp = figure(census?.ehcpPercent, census2021.period, census2021.id);

  const hasKs2Progress =
    ks2 !== undefined &&
    [ks2.readingProgress, ks2.writingProgress, ks2.mathsProgress].some((v) => v !== null);
  const hasKs4 =
    ks4 !== undefined &&
    [ks4.progress8, ks4.attainment8, ks4.englishMathsGrade5Percent].some((v) => v !== null);
  const rwm = latestFigure(inputs.ks2History.get(urn));
  const series = combineSeries(urn, inputs.ks2History, inputs.predecessorsOf);
  const hasSeries = series.points.length > 0;
  skipped.add(
    "KS2 history: school-years left out, equally close predecessors published different figures",
    series.conflictingYears,
  );
  const band = inputs.ks4Bands.get(urn);
  const prior = inputs.ks4PriorAttainment.get(urn);

  const properties: BundleProperties = {
    districtCode: school.districtCode,
    districtName: school.districtName,
    wardCode: school.wardCode,
    wardName: school.wardName,
    constituencyCode: school.constituencyCode,
    locationPrecision: location?.precision ?? null,
    locationSource: location?.source ?? null,
    lsoa: deprivation?.lsoa ?? null,
    ruralUrbanCode: ruralUrban?.code ?? null,
    ruralUrban: ruralUrban?.name ?? null,
    rural: ruralUrban?.rural ?? null,
    sparse: ruralUrban?.sparse ?? null,
    ruralUrbanSource,
    coastal: coast?.coastal ?? null,
    coastDistanceKm: coast?.coastDistanceKm ?? null,
    coastalDefinition: coast ? COASTAL_DEFINITION : null,
    coastalSource: coast ? DATASETS.coastline.id : null,
    coastalBasis: coast ? "DISTANCE" : null,
    ealPercent: eal.value,
    ealPercentYear: eal.year,
    ealPercentSource: eal.source,
    senPercent: sen.value,
    senPercentYear: sen.year,
    senPercentSource: sen.source,
    senSupportPercent: senSupport.value,
    senSupportPercentYear: senSupport.year,
    senSupportPercentSource: senSupport.source,
    ehcpPercent: ehcp.value,
    ehcpPercentYear: ehcp.year,
    ehcpPercentSource: ehcp.source,
    imdRank: deprivation?.imdRank ?? null,
    imdDecile: deprivation?.imdDecile ?? null,
    idaciRank: deprivation?.idaciRank ?? null,
    idaciDecile: deprivation?.idaciDecile ?? null,
    idaciScore: deprivation?.idaciScore ?? null,
    incomeScore: deprivation?.incomeScore ?? null,
    deprivationYear: deprivation ? DATASETS.deprivation.period : null,
    deprivationSource: deprivation ? DATASETS.deprivation.id : null,
    ks2ReadingProgress: ks2?.readingProgress ?? null,
    ks2WritingProgress: ks2?.writingProgress ?? null,
    ks2MathsProgress: ks2?.mathsProgress ?? null,
    ks2Year: hasKs2Progress ? DATASETS.ks2.period : null,
    ks2Source: hasKs2Progress ? DATASETS.ks2.id : null,
    ks2RwmExpected: rwm?.value ?? null,
    ks2RwmExpectedYear: rwm?.year ?? null,
    ks2RwmExpectedSource: rwm ? DATASETS.ks2History.id : null,
    ks2RwmSeriesYears: hasSeries ? series.points.map((point) => point.year) : null,
    ks2RwmSeriesValues: hasSeries ? series.points.map((point) => point.value) : null,
    ks2RwmSeriesUrns: hasSeries ? series.points.map((point) => point.urn) : null,
    ks2RwmSeriesSource: hasSeries ? DATASETS.ks2History.id : null,
    ks4Progress8: ks4?.progress8 ?? null,
    ks4Attainment8: ks4?.attainment8 ?? null,
    ks4EnglishMathsGrade5Percent: ks4?.englishMathsGrade5Percent ?? null,
    ks4Year: hasKs4 ? DATASETS.ks4.period : null,
    ks4Source: hasKs4 ? DATASETS.ks4.id : null,
    ks4Progress8Band: band?.value ?? null,
    ks4Progress8BandYear: band?.year ?? null,
    ks4Progress8BandSource: band ? DATASETS.ks4Information.id : null,
    ks2PriorAttainment: prior?.value ?? null,
    ks2PriorAttainmentYear: prior?.year ?? null,
    ks2PriorAttainmentSource: prior ? DATASETS.ks4Information.id : null,
    ks2RwmSeriesCohorts: hasSeries
      ? series.points.map((point) => point.cohort ?? Number.NaN)
      : null,
    ks2RwmSeriesDisadvantaged: hasSeries
      ? series.points.map((point) => point.disadvantaged ?? Number.NaN)
      : null,
    ks4Progress8Lower: null,
    ks4Progress8Upper: null,
    ks4Pupils: null,
    ks4SeriesYears: null,
    ks4SeriesSources: null,
    ks4SeriesProgress8: null,
    ks4SeriesAttainment8: null,
    ks4SeriesGrade5: null,
    openedOn: null,
    openedOnSource: null,
    closedBy: null,
    closedSource: null,
    newSinceCensus: false,
    contextFromUrn: null,
    address: null,
    phone: null,
    contactSource: null,
  };

  return {
    urn,
    laCode: school.laCode,
    regionCode: inputs.regionOfLa.get(school.laCode) ?? null,
    detailsAsOf: SPC_CENSUS_DAY,
    detailsSource: spcSource,
    details: {
      name: school.name,
      laestab: school.laestab,
      phase: school.phase,
      establishmentType: school.establishmentType,
      governance: school.governance,
      stateFunded: school.stateFunded,
      // Every school in the January census was open on census day.
      status: "Open",
      gender: school.gender,
      religiousCharacter: school.religiousCharacter,
      statutoryLowAge: null,
      statutoryHighAge: null,
      postcode: school.postcode,
      town: ks2?.town ?? ks4?.town ?? null,
    },
    pupils:
      school.pupils === null
        ? null
        : { value: school.pupils, year: school.year, source: spcSource },
    fsmPercent:
      school.fsmPercent === null
        ? null
        : { value: school.fsmPercent, year: school.year, source: spcSource },
    ofsted: latestInspection(ks2?.inspection, ks4?.inspection, inputs.ofsted.get(urn)),
    inspections: olderInspections(urn, [ks2?.inspection, ks4?.inspection, inputs.ofsted.get(urn)]),
    location,
    properties,
  };
}
