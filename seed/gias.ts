/**
 * Loads a GIAS "edubasealldata" establishment extract onto the schools already in the graph.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Database } from "../src/db/driver.js";
import { DataFileError } from "../src/errors/index.js";
import { parseCsv } from "./csv/table.js";
import { readTextFile } from "./csv/text.js";
import { giasExtractDataset, type DatasetInfo } from "./datasets.js";
import { findSchoolUrns, writeDatasets, writeSchoolFacts, writeSchoolHeads } from "./load.js";
import type { Progress } from "./progress.js";
import { SkipCounter, type Rejection } from "./rejections.js";
import {
  extractDateOf,
  GIAS_COLUMNS,
  GIAS_EXPECTED,
  parseGiasExtract,
  type GiasEstablishment,
} from "./sources/gias.js";

export interface GiasExtract {
  dataset: DatasetInfo;
  extractDate: string;
  establishments: GiasEstablishment[];
  rejections: Rejection[];
  skipped: SkipCounter;
}

/**
 * Reads and validates an extract (.csv or .csv.gz, UTF-8 or Windows-1252). `label` is the name
 * rejections are reported under.
 */
export function readGiasExtract(file: string, label = file): GiasExtract {
  if (!existsSync(file)) throw new DataFileError(`${file}: no such file`);
  const table = parseCsv(readTextFile(file), label, {
    required: GIAS_COLUMNS,
    expected: GIAS_EXPECTED,
    lastColumnOverflows: true,
  });
  const fileName = path.basename(file).replace(/\.gz$/, "");
  const extractDate = extractDateOf(fileName, table);
  if (extractDate === null) {
    throw new DataFileError(
      `${label}: cannot tell the extract's date: name the file edubasealldataYYYYMMDD.csv as GIAS does.`,
    );
  }
  const dataset = giasExtractDataset(extractDate, fileName);
  const parsed = parseGiasExtract(table, extractDate, dataset.id);
  return {
    dataset,
    extractDate,
    establishments: parsed.records,
    rejections: parsed.rejections,
    skipped: parsed.skipped,
  };
}

/**
 * Writes an extract's facts and headteachers onto the schools the graph holds. Establishments it
 * does not hold are skipped, not created: an extract lists colleges, children's centres and Welsh
 * schools, and schools that closed between the extract and the census the graph was built from.
 */
export async function loadGiasExtract(
  db: Database,
  extract: GiasExtract,
  progress: Progress,
): Promise<SkipCounter> {
  const skipped = new SkipCounter();
  const known = await findSchoolUrns(
    db,
    extract.establishments.map((e) => e.urn),
  );
  const schools = extract.establishments.filter((e) => known.has(e.urn));
  skipped.add(
    "GIAS extract: open establishments that are not schools in the graph",
    extract.establishments.length - schools.length,
  );
  await writeDatasets(db, [extract.dataset]);
  await writeSchoolFacts(db, schools, progress, "GIAS school facts");
  const heads = schools.flatMap((school) => (school.head ? [school.head] : []));
  skipped.add("GIAS extract: schools with no headteacher named", schools.length - heads.length);
  await writeSchoolHeads(db, heads, extract.dataset.id, extract.extractDate, progress);
  return skipped;
}
