/**
 * Writes system leaders: the bundled Teaching School Hubs, the synthetic designations and a
 * user's list. Each batch of leaders, their placeholder holders and the links to them is one
 * transaction; a source's leaders its latest load no longer has are then removed, so reloading
 * changes nothing and a shorter list leaves nothing behind.
 */
import neo4j from "neo4j-driver";
import type { Database, Params } from "../../src/db/driver.js";
import type { Phase } from "../../src/modules/schools/school.model.js";
import type { Designation, Specialism } from "../../src/modules/support/system-leader.model.js";
import { DATASETS } from "../datasets.js";
import { LINK_BATCH_SIZE, writeInBatches } from "../load.js";
import type { Progress } from "../progress.js";
import type { GeneratorSchool, Holder } from "./generator.js";

/** One system leader as written: who holds it, where it is based and what it offers. */
export interface SystemLeaderRow {
  id: string;
  designation: Designation;
  name: string;
  /** The school it is based at: a hub's lead school, a designated person's school. */
  baseUrn: number;
  phase: Phase | null;
  specialisms: Specialism[];
  capacity: number;
  capacityListed: boolean;
  source: string;
  synthetic: boolean;
  generator: { name: string; version: number; seed: number } | null;
  /** The URN the source named, when it is not the base school's (a later URN of it). */
  publishedUrn: number | null;
  hubCode: string | null;
  /** A person (real or placeholder); null for a hub, which its base school holds. */
  holder: Holder | null;
}

/** A school a system-leader file names, as the graph knows it. */
export interface DesignationSchool {
  /** The URN the file gave. */
  urn: number;
  school: {
    urn: number;
    name: string;
    phase: Phase | null;
    stateFunded: boolean;
    regionCode: string | null;
    hasLocation: boolean;
  };
  head: { id: string; name: string } | null;
}

export const SYSTEM_LEADER_BATCH_SIZE = 1000;

function int(value: number | null): unknown {
  return value === null ? null : neo4j.int(value);
}

/** The schools behind these URNs, keyed by the URN given; URNs leading to no school are absent. */
export async function findDesignationSchools(
  db: Database,
  urns: readonly number[],
): Promise<Map<number, DesignationSchool>> {
  const found = new Map<number, DesignationSchool>();
  for (let start = 0; start < urns.length; start += LINK_BATCH_SIZE) {
    const rows = await db.read("seed/findDesignationSchools", {
      urns: urns.slice(start, start + LINK_BATCH_SIZE).map(int),
    });
    for (const row of rows) found.set(row["urn"] as number, row as unknown as DesignationSchool);
  }
  return found;
}

/** Words of a school's name that tell it apart ("King Edward VI High School" → king, edward, vi). */
export function distinctiveWords(name: string): string[] {
  const common = new Set(["the", "school", "academy", "high", "and", "of"]);
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !common.has(word));
}

/** Open state-funded schools of the region whose names hold every distinctive word of `name`. */
export async function findLeadSchoolNamesakes(
  db: Database,
  regionCode: string,
  name: string,
): Promise<{ urn: number; name: string }[]> {
  const words = distinctiveWords(name);
  if (words.length === 0) return [];
  const rows = await db.read("seed/findLeadSchoolNamesakes", { regionCode, words });
  return rows.map((row) => ({ urn: row["urn"] as number, name: row["name"] as string }));
}

/** Every state-funded school's figures, for the generator. */
export async function findGeneratorSchools(db: Database): Promise<GeneratorSchool[]> {
  const rows = await db.read("seed/findGeneratorSchools");
  return rows.map((row) => {
    const s = row["school"] as Record<string, unknown>;
    const num = (key: string) => (typeof s[key] === "number" ? (s[key] as number) : null);
    const head = s["head"] as { id: string; name: string } | null;
    return {
      urn: s["urn"] as number,
      name: s["name"] as string,
      phase: (s["phase"] as Phase | null) ?? null,
      stateFunded: true,
      hasLocation: s["hasLocation"] === true,
      ofstedGrade: num("ofstedGrade"),
      ks2ReadingProgress: num("ks2ReadingProgress"),
      ks2WritingProgress: num("ks2WritingProgress"),
      ks2MathsProgress: num("ks2MathsProgress"),
      ks2RwmExpected: num("ks2RwmExpected"),
      ks4Progress8: num("ks4Progress8"),
      ks4Progress8Band: typeof s["ks4Progress8Band"] === "string" ? s["ks4Progress8Band"] : null,
      head: head && typeof head.id === "string" ? head : null,
    };
  });
}

function leaderParams(row: SystemLeaderRow): Params {
  return {
    id: row.id,
    baseUrn: int(row.baseUrn),
    properties: {
      designation: row.designation,
      name: row.name,
      phase: row.phase,
      specialisms: row.specialisms,
      capacity: int(row.capacity),
      capacityListed: row.capacityListed,
      source: row.source,
      synthetic: row.synthetic,
      generator: row.generator?.name ?? null,
      generatorVersion: int(row.generator?.version ?? null),
      generatorSeed: int(row.generator?.seed ?? null),
      publishedUrn: int(row.publishedUrn),
      hubCode: row.hubCode,
    },
  };
}

/**
 * Upserts the rows (leaders, placeholder people, holder links) batch by batch, then removes the
 * leaders of `source` not among them and any placeholder left holding nothing. Returns how many
 * stale leaders were removed, and how many were kept as former leaders for their engagements.
 */
export async function writeSystemLeaders(
  db: Database,
  rows: readonly SystemLeaderRow[],
  source: string,
  progress: Progress,
  stage: string,
): Promise<Retired> {
  await writeInBatches(rows, SYSTEM_LEADER_BATCH_SIZE, stage, progress, (batch) =>
    db.writeTransaction(async (run) => {
      const placeholders = new Map<string, Params>();
      for (const row of batch) {
        if (row.holder?.kind === "PLACEHOLDER") {
          placeholders.set(row.holder.id, {
            id: row.holder.id,
            name: row.holder.name,
            role: row.holder.role,
            source: DATASETS.placeholderLeaders.id,
          });
        }
      }
      await run("seed/mergePlaceholderLeaders", { rows: [...placeholders.values()] });
      await run("seed/mergeSystemLeaders", { rows: batch.map(leaderParams) });
      await run("seed/replaceDesignationHolders", {
        rows: batch.map((row) => ({
          id: row.id,
          holderLeaderId: row.holder?.id ?? null,
          holderUrn: row.holder === null ? int(row.baseUrn) : null,
        })),
      });
    }),
  );
  return db.writeTransaction(async (run) => {
    const [stale] = await run("seed/deleteStaleSystemLeaders", {
      source,
      keep: rows.map((row) => row.id),
    });
    await run("seed/deleteOrphanPlaceholderLeaders");
    await run("seed/touchDataset", { id: source });
    return retired(stale);
  });
}

/** Stale system leaders: removed, or kept as former leaders because engagements were recorded. */
export interface Retired {
  removed: number;
  withdrawn: number;
}

const retired = (row: Record<string, unknown> | undefined): Retired => ({
  removed: (row?.["deleted"] as number | undefined) ?? 0,
  withdrawn: (row?.["withdrawn"] as number | undefined) ?? 0,
});

/** The notes a load prints about the leaders it retired. */
export function retiredNotes({ removed, withdrawn }: Retired, what: string): string[] {
  return [
    ...(removed > 0 ? [`  ${removed} ${what} were removed.`] : []),
    ...(withdrawn > 0
      ? [`  ${withdrawn} ${what} with recorded engagements were kept as former system leaders.`]
      : []),
  ];
}

/** Retires every synthetic system leader and removes the placeholders only they used. */
export async function deleteSyntheticSystemLeaders(db: Database): Promise<Retired> {
  return db.writeTransaction(async (run) => {
    const [row] = await run("seed/deleteSyntheticSystemLeaders");
    await run("seed/deleteOrphanPlaceholderLeaders");
    await run("seed/touchDataset", { id: DATASETS.syntheticSystemLeaders.id });
    return retired(row);
  });
}

export async function countListedSystemLeaders(db: Database): Promise<number> {
  const [row] = await db.read("seed/countListedSystemLeaders");
  return (row?.["listed"] as number | undefined) ?? 0;
}

export async function countSystemLeaders(db: Database): Promise<number> {
  const [row] = await db.read("seed/countSystemLeaders");
  return (row?.["systemLeaders"] as number | undefined) ?? 0;
}
