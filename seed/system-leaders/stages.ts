/**
 * The importer's system-leader stages: the bundled Teaching School Hubs and the synthetic
 * designations (after the bundle and the GIAS sample, so named headteachers are known), or a
 * user's list with `--system-leaders FILE`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Database } from "../../src/db/driver.js";
import { DataFileError } from "../../src/errors/index.js";
import { DEFAULT_CAPACITY } from "../../src/modules/support/support.rules.js";
import { isPersonDesignation } from "../../src/modules/support/system-leader.model.js";
import { regionGroupOf } from "../../src/modules/support/hub-areas.js";
import { parseCsv } from "../csv/table.js";
import { readTextFile } from "../csv/text.js";
import { DATASETS, dataFile, systemLeaderListDataset } from "../datasets.js";
import { writeDatasets } from "../load.js";
import type { Progress } from "../progress.js";
import { SkipCounter, type Parsed, type Rejection } from "../rejections.js";
import { GENERATOR, generateDesignations, holderFor } from "./generator.js";
import {
  countListedSystemLeaders,
  deleteSyntheticSystemLeaders,
  retiredNotes,
  findDesignationSchools,
  findGeneratorSchools,
  findLeadSchoolNamesakes,
  writeSystemLeaders,
  type SystemLeaderRow,
} from "./load.js";
import {
  HUB_COLUMNS,
  listColumns,
  parseSystemLeaderList,
  parseTeachingSchoolHubs,
  type ListedSystemLeader,
} from "./sources.js";

export interface StageResult {
  rejections: Rejection[];
  skipped: SkipCounter;
  /** One line each for the import's log. */
  notes: string[];
}

/** Hubs train teachers and develop leaders (ITT, the early career framework, NPQs). */
const HUB_SPECIALISMS = ["TEACHER_DEVELOPMENT", "LEADERSHIP"] as const;

/** The 87 Teaching School Hubs, each held by and based at its lead school. */
export async function loadTeachingSchoolHubs(
  db: Database,
  progress: Progress,
): Promise<StageResult> {
  const [file] = DATASETS.teachingSchoolHubs.files;
  const table = parseCsv(readTextFile(dataFile(file)), file, { required: HUB_COLUMNS });
  const parsed = parseTeachingSchoolHubs(table);
  const rejections = [...parsed.rejections];
  const schools = await findDesignationSchools(
    db,
    parsed.records.map((hub) => hub.leadUrn),
  );
  const rows: SystemLeaderRow[] = [];
  const corrections: string[] = [];
  let followed = 0;
  for (const hub of parsed.records) {
    const found = schools.get(hub.leadUrn);
    if (!found) {
      rejections.push({
        file,
        line: hub.line,
        reason: "lead school is not a school in the graph",
        detail: `URN ${hub.leadUrn}`,
      });
      continue;
    }
    if (found.school.urn !== hub.leadUrn) followed++;
    // A lead school outside the hub's region group is a slip in the published list; the one
    // school of the region group with the same name, if there is exactly one, is the lead school.
    let baseUrn = found.school.urn;
    const group = regionGroupOf(hub.hubCode);
    if (group !== null && found.school.regionCode !== group) {
      const namesakes = await findLeadSchoolNamesakes(
        db,
        group,
        hub.leadSchoolName ?? found.school.name,
      );
      if (namesakes.length === 1) {
        baseUrn = namesakes[0]!.urn;
        corrections.push(
          `  ${hub.hubCode}: lead school ${hub.leadUrn} (${found.school.name}) is outside the hub's region group; based at ${baseUrn} (${namesakes[0]!.name}) instead.`,
        );
      } else {
        corrections.push(
          `  ${hub.hubCode}: lead school ${hub.leadUrn} (${found.school.name}) is outside the hub's region group; ${namesakes.length} namesakes there, left as listed (it takes no area by nearness).`,
        );
      }
    }
    rows.push({
      id: `tsh-${hub.hubCode.toLowerCase()}`,
      designation: "TEACHING_SCHOOL_HUB",
      name: hub.name,
      baseUrn,
      phase: null,
      specialisms: [...HUB_SPECIALISMS],
      capacity: DEFAULT_CAPACITY.TEACHING_SCHOOL_HUB,
      capacityListed: false,
      source: DATASETS.teachingSchoolHubs.id,
      synthetic: false,
      generator: null,
      publishedUrn: baseUrn === hub.leadUrn ? null : hub.leadUrn,
      hubCode: hub.hubCode,
      holder: null,
    });
  }
  const removed = await writeSystemLeaders(
    db,
    rows,
    DATASETS.teachingSchoolHubs.id,
    progress,
    "teaching school hubs",
  );
  const notes = [`Teaching School Hubs: ${rows.length} loaded.`];
  if (followed > 0) {
    notes.push(
      `  ${followed} lead school URN(s) are newer than the census: based at the school they succeeded.`,
    );
  }
  notes.push(...corrections);
  notes.push(...retiredNotes(removed, "hub(s) no longer listed"));
  return { rejections, skipped: new SkipCounter(), notes };
}

/** The synthetic designations, unless a real list has been loaded (which replaces them). */
export async function generateSystemLeaders(
  db: Database,
  progress: Progress,
): Promise<StageResult> {
  const skipped = new SkipCounter();
  const listed = await countListedSystemLeaders(db);
  if (listed > 0) {
    return {
      rejections: [],
      skipped,
      notes: [
        `Synthetic system leaders: not generated, the graph holds ${listed} from a loaded list.`,
      ],
    };
  }
  const schools = await findGeneratorSchools(db);
  const generated = generateDesignations(schools, GENERATOR.seed);
  const source = DATASETS.syntheticSystemLeaders.id;
  const rows: SystemLeaderRow[] = generated.map((g) => ({
    id: g.id,
    designation: g.designation,
    name: g.holder.name,
    baseUrn: g.urn,
    phase: g.phase,
    specialisms: g.specialisms,
    capacity: g.capacity,
    capacityListed: false,
    source,
    synthetic: true,
    generator: { ...GENERATOR },
    publishedUrn: null,
    hubCode: null,
    holder: g.holder,
  }));
  const removed = await writeSystemLeaders(db, rows, source, progress, "synthetic system leaders");
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.designation, (counts.get(row.designation) ?? 0) + 1);
  const named = rows.filter((row) => row.holder?.kind === "LEADER").length;
  return {
    rejections: [],
    skipped,
    notes: [
      `Synthetic system leaders (${GENERATOR.name} v${GENERATOR.version}, seed ${GENERATOR.seed}): ` +
        [...counts].map(([designation, n]) => `${n} ${designation}`).join(", ") +
        ` from ${schools.length} state-funded schools; ${named} held by a named headteacher.`,
      ...retiredNotes(removed, "no longer generated"),
    ],
  };
}

/** A user's list of system leaders, read and checked row by row but not yet against the graph. */
export interface SystemLeaderList {
  file: string;
  parsed: Parsed<ListedSystemLeader[]>;
}

/**
 * Reads a user's list (.csv or .csv.gz): each row designates a leader at a school. A missing file
 * or column is a DataFileError; a bad row is a rejection.
 */
export function readSystemLeaderList(file: string): SystemLeaderList {
  if (!existsSync(file)) throw new DataFileError(`${file}: no such file`);
  const text = readTextFile(file);
  const header = parseCsv(text.split(/\r?\n/, 1)[0] ?? "", file, { required: [] }).header;
  const columns = listColumns(header);
  if ("missing" in columns) {
    throw new DataFileError(
      `${file} is not a list of system leaders: it lacks the column(s) ${columns.missing.join(", ")} ` +
        `(columns wanted, any case: URN, designation, specialisms, capacity)`,
    );
  }
  const table = parseCsv(text, file, { required: Object.values(columns.columns) });
  return { file, parsed: parseSystemLeaderList(table, columns.columns) };
}

/**
 * Loads a list read by readSystemLeaderList. Rows are checked against the graph (the URN must
 * lead to a state-funded school); loading replaces every synthetic system leader and, on a reload
 * of the same file, the rows it no longer has.
 */
export async function loadSystemLeaderList(
  db: Database,
  { file, parsed }: SystemLeaderList,
  progress: Progress,
): Promise<StageResult> {
  const fileName = path.basename(file).replace(/\.gz$/, "");
  const rejections = [...parsed.rejections];
  const schools = await findDesignationSchools(db, [
    ...new Set(parsed.records.map((row) => row.urn)),
  ]);

  const dataset = systemLeaderListDataset(fileName, new Date().toISOString().slice(0, 10));
  const occurrences = new Map<string, number>();
  const rows: SystemLeaderRow[] = [];
  for (const listed of parsed.records) {
    const match = schools.get(listed.urn);
    const reject = (reason: string) =>
      rejections.push({ file, line: listed.line, reason, detail: `URN ${listed.urn}` });
    if (!match) {
      reject("URN is not a school in the graph");
      continue;
    }
    if (!match.school.stateFunded) {
      reject("school is not state-funded");
      continue;
    }
    const key = `${listed.designation}-${match.school.urn}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const holder = isPersonDesignation(listed.designation)
      ? holderFor(
          listed.designation,
          { urn: match.school.urn, name: match.school.name, head: match.head },
          occurrence,
        )
      : null;
    rows.push({
      id: `list-${listed.designation.toLowerCase()}-${match.school.urn}-${occurrence}`,
      designation: listed.designation,
      name: holder?.name ?? match.school.name,
      baseUrn: match.school.urn,
      phase: listed.designation === "NLG" || holder === null ? null : match.school.phase,
      specialisms: listed.specialisms,
      capacity: listed.capacity,
      capacityListed: listed.capacityListed,
      source: dataset.id,
      synthetic: false,
      generator: null,
      publishedUrn: match.school.urn === listed.urn ? null : listed.urn,
      hubCode: null,
      holder,
    });
  }

  await writeDatasets(db, [dataset]);
  const replaced = await deleteSyntheticSystemLeaders(db);
  const removed = await writeSystemLeaders(db, rows, dataset.id, progress, "listed system leaders");
  return {
    rejections,
    skipped: new SkipCounter(),
    notes: [
      `System leaders from ${fileName}: ${rows.length} loaded, ${rejections.length} rejected.`,
      ...retiredNotes(replaced, "synthetic system leaders replaced by the list"),
      ...retiredNotes(removed, "no longer in the list"),
    ],
  };
}
