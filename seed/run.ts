/**
 * The import, as a function: `npm run seed`, `npm start` (with ifEmpty) and tests call this.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config.js";
import type { Database } from "../src/db/driver.js";
import { applySchema } from "../src/db/schema.js";
import { BUNDLE_STEPS, bundleForLocalAuthorities, readBundle } from "./bundle.js";
import { writeCollaborationModels } from "./collaboration/load.js";
import { DATASETS, dataFile } from "./datasets.js";
import { loadGiasExtract, readGiasExtract } from "./gias.js";
import {
  countGraph,
  countSchools,
  writeDatasets,
  writeFormerMemberships,
  writeGeography,
  writeInspections,
  writePartnerships,
  writeSchools,
  writeSuccessions,
  type GraphCounts,
} from "./load.js";
import { silentProgress, type Progress } from "./progress.js";
import { formatRejection, SkipCounter, type Rejection } from "./rejections.js";
import { searchFieldsMissing, writeSearchFields } from "./search.js";
import { countSystemLeaders } from "./system-leaders/load.js";
import {
  generateSystemLeaders,
  loadSystemLeaderList,
  loadTeachingSchoolHubs,
  readSystemLeaderList,
  type StageResult,
} from "./system-leaders/stages.js";

export const DEFAULT_REJECTION_LOG = path.join(projectRoot, ".neo4j", "seed-rejections.log");

export interface SeedOptions {
  db: Database;
  /** Load only when the graph has no School nodes yet. */
  ifEmpty?: boolean;
  /** Load this GIAS extract instead of the bundle. */
  giasFile?: string;
  /** Load this list of system leaders (URN, designation, specialisms, capacity) instead. */
  systemLeadersFile?: string;
  /**
   * Read only these datasets of the bundle (an earlier release's manifest, to rehearse an upgrade);
   * every dataset when absent.
   */
  datasets?: ReadonlySet<string>;
  /** Load only the schools of these local authorities (by current LA code); all when absent. */
  localAuthorities?: ReadonlySet<number>;
  /** With the bundle, also load the bundled Hampshire/Surrey GIAS sample (default true). */
  giasSample?: boolean;
  progress?: Progress;
  log?: (line: string) => void;
  /** Where every rejection is written; null writes none. */
  rejectionLog?: string | null;
}

export interface SeedTimings {
  /** Reading, parsing and joining the files. */
  parseMs: number;
  /** Writing the bundle to the database. */
  writeMs: number;
  /** Reading and writing GIAS extracts. */
  giasMs: number;
  /** Teaching School Hubs, synthetic designations or a list of system leaders. */
  systemLeadersMs: number;
  totalMs: number;
}

export interface SeedSummary {
  loaded: boolean;
  counts: GraphCounts;
  skipped: [string, number][];
  rejections: Rejection[];
  rejectionLog: string | null;
  timings: SeedTimings;
}

/**
 * Applies the schema, then loads the bundle plus the bundled GIAS sample, or one GIAS extract.
 * Rejected rows are collected, not thrown: only a fatal problem (unreadable or unexpected file,
 * database unreachable) rejects the promise.
 */
export async function runSeed(options: SeedOptions): Promise<SeedSummary> {
  const { db } = options;
  const progress = options.progress ?? silentProgress;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const timings: SeedTimings = {
    parseMs: 0,
    writeMs: 0,
    giasMs: 0,
    systemLeadersMs: 0,
    totalMs: 0,
  };
  const skipped = new SkipCounter();
  const rejections: Rejection[] = [];
  const systemLeaderStage = async (stage: () => Promise<StageResult>) => {
    const stageStarted = performance.now();
    const result = await stage();
    rejections.push(...result.rejections);
    skipped.merge(result.skipped);
    result.notes.forEach((note) => log(note));
    timings.systemLeadersMs += performance.now() - stageStarted;
  };

  // A user's file is read before anything is written, so a missing or malformed one stops the run
  // with the graph as it was.
  const readStarted = performance.now();
  const leaderList = options.systemLeadersFile
    ? readSystemLeaderList(options.systemLeadersFile)
    : undefined;
  const giasExtract =
    !leaderList && options.giasFile ? readGiasExtract(options.giasFile) : undefined;
  const readMs = performance.now() - readStarted;

  await applySchema(db);
  // Reference data, not imported data: kept current on every run, --if-empty included.
  log(`Collaboration models catalogue: ${await writeCollaborationModels(db)} models.`);

  if (options.ifEmpty) {
    const schools = await countSchools(db);
    if (schools > 0) {
      log(`The graph already holds ${schools} schools: nothing loaded (--if-empty).`);
      // A graph loaded before system leaders existed gets them, so a restart brings it up to date.
      if ((await countSystemLeaders(db)) === 0) {
        await systemLeaderStage(() => loadTeachingSchoolHubs(db, progress));
        await systemLeaderStage(() => generateSystemLeaders(db, progress));
      }
      // Likewise a graph loaded before school search existed gets its search fields.
      if (await searchFieldsMissing(db)) await writeSearchFields(db, progress);
      timings.totalMs = performance.now() - started;
      return {
        loaded: false,
        counts: await countGraph(db),
        skipped: [],
        rejections: [],
        rejectionLog: null,
        timings,
      };
    }
  }

  if (leaderList) {
    timings.systemLeadersMs = readMs;
    await systemLeaderStage(() => loadSystemLeaderList(db, leaderList, progress));
  } else if (giasExtract) {
    const giasStarted = performance.now();
    const { extractDate, establishments } = giasExtract;
    log(`GIAS extract of ${extractDate}: ${establishments.length} open establishments.`);
    rejections.push(...giasExtract.rejections);
    skipped.merge(giasExtract.skipped);
    skipped.merge(await loadGiasExtract(db, giasExtract, progress));
    timings.giasMs = readMs + performance.now() - giasStarted;
  } else {
    const parseStarted = performance.now();
    const files = progress.stage("read and join", BUNDLE_STEPS, "files");
    const whole = readBundle(() => files.increment(), { datasets: options.datasets });
    files.stop();
    const bundle = options.localAuthorities
      ? bundleForLocalAuthorities(whole, options.localAuthorities)
      : whole;
    timings.parseMs = performance.now() - parseStarted;
    rejections.push(...bundle.rejections);
    skipped.merge(bundle.skipped);

    const writeStarted = performance.now();
    const datasets = Object.values(DATASETS);
    await writeDatasets(
      db,
      options.datasets ? datasets.filter((d) => options.datasets?.has(d.id)) : datasets,
    );
    await writeGeography(db, bundle.regions, bundle.localAuthorities);
    await writeSchools(db, bundle.schools, progress);
    await writeInspections(db, bundle.schools, progress);
    await writePartnerships(
      db,
      bundle.partnerships,
      bundle.partnershipHeads,
      bundle.memberships,
      progress,
    );
    await writeFormerMemberships(db, bundle.formerMemberships, progress);
    if (options.datasets?.has(DATASETS.ofsted2025.id) ?? true) {
      log(
        `As at 31 August 2025: ${bundle.current.opened} schools opened since the census, ` +
          `${bundle.current.closed} census schools closed, ${bundle.current.movedLa} in another LA.`,
      );
    }
    await writeSuccessions(db, bundle.formerEstablishments, bundle.successions, progress);
    timings.writeMs = performance.now() - writeStarted;

    if (options.giasSample ?? true) {
      const giasStarted = performance.now();
      const [sample] = DATASETS.giasSample.files;
      const extract = readGiasExtract(dataFile(sample), sample);
      rejections.push(...extract.rejections);
      skipped.merge(extract.skipped);
      skipped.merge(await loadGiasExtract(db, extract, progress));
      timings.giasMs = performance.now() - giasStarted;
    }
    // After the GIAS sample, so designations go to the headteachers it names.
    await systemLeaderStage(() => loadTeachingSchoolHubs(db, progress));
    await systemLeaderStage(() => generateSystemLeaders(db, progress));
  }

  // Last, so names, places and predecessors are all in place.
  await writeSearchFields(db, progress);

  const rejectionLog =
    options.rejectionLog === undefined ? DEFAULT_REJECTION_LOG : options.rejectionLog;
  if (rejectionLog) {
    mkdirSync(path.dirname(rejectionLog), { recursive: true });
    writeFileSync(rejectionLog, rejections.map((r) => `${formatRejection(r)}\n`).join(""));
  }
  const counts = await countGraph(db);
  timings.totalMs = performance.now() - started;
  return {
    loaded: true,
    counts,
    skipped: skipped.entries().sort((a, b) => b[1] - a[1]),
    rejections,
    rejectionLog,
    timings,
  };
}
