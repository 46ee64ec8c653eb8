/**
 * Writes joined records to Neo4j: batched `UNWIND $rows` statements from cypher/seed/, each batch
 * its own transaction, so a failure loses one batch rather than the import, and memory stays flat.
 */
import neo4j, { type Integer } from "neo4j-driver";
import type { Database, Params } from "../src/db/driver.js";
import { datasetProperties, type DatasetInfo } from "./datasets.js";
import type { OfstedJudgement, SchoolFacts, SchoolRecord } from "./domain/school.js";
import type { InspectionRecord } from "./sources/ofsted2025.js";
import type { Progress } from "./progress.js";
import type { SchoolHead } from "./sources/gias.js";
import type { FormerEstablishment, Succession } from "./sources/establishmentLinks.js";
import type { LocalAuthority, Region } from "./sources/geography.js";
import type {
  FormerMembership,
  Membership,
  Partnership,
  PartnershipHead,
} from "./sources/groups.js";
import { fullName } from "./sources/leaders.js";
import type { CypherName } from "../src/db/cypher.js";

export const SCHOOL_BATCH_SIZE = 1000;
export const LINK_BATCH_SIZE = 2000;

/**
 * JavaScript numbers reach Neo4j as floats; identifiers, counts, ranks and grades are stored as
 * integers, as the graph model says.
 */
function int(value: number | null): Integer | null {
  return value === null ? null : neo4j.int(value);
}

export async function writeInBatches<T>(
  rows: readonly T[],
  batchSize: number,
  stage: string,
  progress: Progress,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  const bar = progress.stage(stage, rows.length);
  try {
    for (let start = 0; start < rows.length; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      await write(batch);
      bar.increment(batch.length);
    }
  } finally {
    bar.stop();
  }
}

async function writeAll<T>(
  db: Database,
  statement: CypherName,
  rows: readonly T[],
  toParams: (row: T) => Params,
  progress: Progress,
  stage: string,
  batchSize = LINK_BATCH_SIZE,
): Promise<void> {
  await writeInBatches(rows, batchSize, stage, progress, (batch) =>
    db.write(statement, { rows: batch.map(toParams) }),
  );
}

export async function writeDatasets(db: Database, datasets: readonly DatasetInfo[]): Promise<void> {
  await db.write("seed/mergeDatasets", { rows: datasets.map(datasetProperties) });
}

export async function writeGeography(
  db: Database,
  regions: readonly Region[],
  localAuthorities: readonly LocalAuthority[],
): Promise<void> {
  await db.writeTransaction(async (run) => {
    await run("seed/mergeRegions", { rows: regions.map((r) => ({ code: r.code, name: r.name })) });
    await run("seed/mergeLocalAuthorities", {
      rows: localAuthorities.map((la) => ({
        code: int(la.code),
        name: la.name,
        gssCode: la.gssCode,
        regionCode: la.regionCode,
        closedOn: la.closedOn ?? null,
        successorCodes: la.successorCodes?.map((code) => neo4j.int(code)) ?? null,
      })),
    });
  });
}

export function schoolFactsParams(facts: SchoolFacts): Params {
  const { details } = facts;
  return {
    urn: int(facts.urn),
    detailsAsOf: facts.detailsAsOf,
    detailsSource: facts.detailsSource,
    details: {
      ...details,
      laestab: int(details.laestab),
      statutoryLowAge: int(details.statutoryLowAge),
      statutoryHighAge: int(details.statutoryHighAge),
    },
    pupils: facts.pupils && { ...facts.pupils, value: int(Math.round(facts.pupils.value)) },
    fsmPercent: facts.fsmPercent,
    ofsted: facts.ofsted && ofstedParams(facts.ofsted),
  };
}

/** Every key present, null where the source gives nothing, so an older source's extras clear. */
function ofstedParams(ofsted: OfstedJudgement): Params {
  return {
    rating: ofsted.rating,
    grade: int(ofsted.grade),
    date: ofsted.date,
    source: ofsted.source,
    gradeBasis: ofsted.gradeBasis ?? "OVERALL_EFFECTIVENESS",
    overall: int(ofsted.overall === undefined ? ofsted.grade : ofsted.overall),
    qualityOfEducation: int(ofsted.qualityOfEducation ?? null),
    behaviourAndAttitudes: int(ofsted.behaviourAndAttitudes ?? null),
    personalDevelopment: int(ofsted.personalDevelopment ?? null),
    leadershipAndManagement: int(ofsted.leadershipAndManagement ?? null),
    earlyYears: int(ofsted.earlyYears ?? null),
    sixthForm: int(ofsted.sixthForm ?? null),
    safeguardingEffective: ofsted.safeguardingEffective ?? null,
    categoryOfConcern: ofsted.categoryOfConcern ?? null,
    inspectionType: ofsted.inspectionType ?? null,
    inspectionId: ofsted.inspectionId ?? null,
    urnAtInspection: int(ofsted.urnAtInspection ?? null),
  };
}

export function schoolParams(school: SchoolRecord): Params {
  const { properties } = school;
  return {
    urn: int(school.urn),
    open: school.open !== false,
    laCode: int(school.laCode),
    regionCode: school.regionCode,
    latitude: school.location?.latitude ?? null,
    longitude: school.location?.longitude ?? null,
    properties: {
      ...properties,
      imdRank: int(properties.imdRank),
      imdDecile: int(properties.imdDecile),
      idaciRank: int(properties.idaciRank),
      idaciDecile: int(properties.idaciDecile),
      ks2RwmSeriesUrns: properties.ks2RwmSeriesUrns?.map((urn) => neo4j.int(urn)) ?? null,
      ks4Pupils: int(properties.ks4Pupils),
      contextFromUrn: int(properties.contextFromUrn),
    },
  };
}

/** School nodes and their shared facts, both statements in one transaction per batch. */
export async function writeSchools(
  db: Database,
  schools: readonly SchoolRecord[],
  progress: Progress,
): Promise<void> {
  await writeInBatches(schools, SCHOOL_BATCH_SIZE, "schools", progress, (batch) =>
    db.writeTransaction(async (run) => {
      await run("seed/mergeSchools", { rows: batch.map(schoolParams) });
      await run("seed/updateSchoolFacts", { rows: batch.map(schoolFactsParams) });
    }),
  );
}

export function inspectionParams(inspection: InspectionRecord): Params {
  return {
    ...inspection,
    urn: int(inspection.urn),
    urnAtInspection: int(inspection.urnAtInspection),
    overall: int(inspection.overall),
    qualityOfEducation: int(inspection.qualityOfEducation),
    behaviourAndAttitudes: int(inspection.behaviourAndAttitudes),
    personalDevelopment: int(inspection.personalDevelopment),
    leadershipAndManagement: int(inspection.leadershipAndManagement),
    earlyYears: int(inspection.earlyYears),
    sixthForm: int(inspection.sixthForm),
  };
}

/** Every school's inspections from every source, one node per inspection. */
export async function writeInspections(
  db: Database,
  schools: readonly SchoolRecord[],
  progress: Progress,
): Promise<void> {
  const inspections = schools.flatMap((school) => school.inspections ?? []);
  await writeAll(
    db,
    "seed/mergeInspections",
    inspections,
    inspectionParams,
    progress,
    "inspections",
  );
}

export async function writeFormerMemberships(
  db: Database,
  former: readonly FormerMembership[],
  progress: Progress,
): Promise<void> {
  await writeAll(
    db,
    "seed/endMemberships",
    former,
    (m) => ({ ...m, urn: int(m.urn) }),
    progress,
    "ended memberships",
  );
}

export async function writeSchoolFacts(
  db: Database,
  facts: readonly SchoolFacts[],
  progress: Progress,
  stage: string,
): Promise<void> {
  await writeAll(
    db,
    "seed/updateSchoolFacts",
    facts,
    schoolFactsParams,
    progress,
    stage,
    SCHOOL_BATCH_SIZE,
  );
}

export async function writePartnerships(
  db: Database,
  partnerships: readonly Partnership[],
  heads: readonly PartnershipHead[],
  memberships: readonly Membership[],
  progress: Progress,
): Promise<void> {
  await writeAll(
    db,
    "seed/mergePartnerships",
    partnerships,
    (p) => ({ ...p, giasUid: int(p.giasUid), closedOn: p.closedOn ?? null }),
    progress,
    "partnerships",
  );
  await writeAll(
    db,
    "seed/mergePartnershipLeaders",
    heads,
    (head) => ({ ...head, name: fullName(head) }),
    progress,
    "partnership leaders",
  );
  await writeAll(
    db,
    "seed/mergeMemberships",
    memberships,
    (m) => ({ ...m, urn: int(m.urn) }),
    progress,
    "memberships",
  );
}

export async function writeSuccessions(
  db: Database,
  former: readonly FormerEstablishment[],
  successions: readonly Succession[],
  progress: Progress,
): Promise<void> {
  await writeAll(
    db,
    "seed/mergeFormerEstablishments",
    former,
    (e) => ({ urn: int(e.urn), name: e.name }),
    progress,
    "former establishments",
  );
  await writeAll(
    db,
    "seed/mergeSuccessions",
    successions,
    (s) => ({ ...s, predecessorUrn: int(s.predecessorUrn), successorUrn: int(s.successorUrn) }),
    progress,
    "successions",
  );
  await carryOffers(db);
}

/**
 * Gives an open school without offers of its own those recorded through the API for a closed
 * school it replaced (cypher/seed/carryOffers.cypher), naming that school in `offersFromUrn`.
 * Idempotent: a school that has offers is left alone. `successorUrns` limits it to those
 * schools; every open school by default. Returns how many schools were given offers.
 */
export async function carryOffers(
  db: Database,
  successorUrns: readonly number[] | null = null,
): Promise<number> {
  const [row] = await db.write("seed/carryOffers", {
    successorUrns: successorUrns === null ? null : successorUrns.map((urn) => int(urn)),
  });
  return Number(row?.carried ?? 0);
}

export async function writeSchoolHeads(
  db: Database,
  heads: readonly SchoolHead[],
  source: string,
  asOf: string,
  progress: Progress,
): Promise<void> {
  await writeAll(
    db,
    "seed/replaceSchoolHeads",
    heads,
    (head) => ({ ...head, urn: int(head.urn), name: fullName(head), source, asOf }),
    progress,
    "headteachers",
  );
}

/** Which of these URNs the graph already holds as schools. */
export async function findSchoolUrns(db: Database, urns: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (let start = 0; start < urns.length; start += LINK_BATCH_SIZE) {
    const rows = await db.read("seed/findSchoolUrns", {
      urns: urns.slice(start, start + LINK_BATCH_SIZE).map((urn) => int(urn)),
    });
    for (const row of rows) found.add(row.urn as number);
  }
  return found;
}

export async function countSchools(db: Database): Promise<number> {
  const [row] = await db.read("seed/countSchools");
  return (row?.schools as number | undefined) ?? 0;
}

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export async function countGraph(db: Database): Promise<GraphCounts> {
  const nodes = await db.read("seed/countNodesByLabel");
  const relationships = await db.read("seed/countRelationshipsByType");
  return {
    nodes: Object.fromEntries(nodes.map((row) => [row.label as string, row.count as number])),
    relationships: Object.fromEntries(
      relationships.map((row) => [row.type as string, row.count as number]),
    ),
  };
}
