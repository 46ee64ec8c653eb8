/**
 * npm run seed [-- --if-empty] [-- --gias FILE] [-- --system-leaders FILE]
 *   [-- --manifest FILE] [-- --la CODE ...]
 *
 * Loads the bundled open data (and the bundled GIAS sample's headteachers) into Neo4j, or with
 * --gias one GIAS establishment extract onto the schools already loaded, or with
 * --system-leaders a list of designated system leaders. --manifest and --la load part of the
 * bundle: an earlier release's datasets, the schools of some local authorities.
 */
import { readCommandLine, runCommand, withDatabase } from "../scripts/cli.js";
import { config } from "../src/config.js";
import { manifestDatasetIds } from "./bundle.js";
import { defaultProgress } from "./progress.js";
import { runSeed } from "./run.js";
import { formatSummary } from "./summary.js";

const USAGE = `usage: npm run seed [-- --if-empty] [-- --gias FILE] [-- --system-leaders FILE]
  (no options)   load the bundle in seed/data and the bundled GIAS sample
  --if-empty     as above, but only when the graph has no School nodes
  --gias FILE    load a GIAS establishment extract (edubasealldata .csv or .csv.gz)
  --system-leaders FILE
                 load a list of system leaders (.csv or .csv.gz with columns URN, designation,
                 specialisms, capacity); it replaces the synthetic ones
  --manifest FILE
                 read only the datasets this MANIFEST.json names, e.g. an earlier release's
                 (tests/fixtures/previous-data-manifest.json) to rehearse an upgrade
  --la CODE      load only the schools of this local authority (repeatable)`;

async function main(): Promise<number> {
  const parsed = readCommandLine(USAGE, {
    options: {
      "if-empty": { type: "boolean" },
      gias: { type: "string" },
      "system-leaders": { type: "string" },
      manifest: { type: "string" },
      la: { type: "string", multiple: true },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (values["if-empty"] && values.gias) {
    console.error(
      `--if-empty loads the bundle; a GIAS extract needs the schools loaded first.\n${USAGE}`,
    );
    return 2;
  }
  if (values["system-leaders"] && (values["if-empty"] || values.gias)) {
    console.error(`--system-leaders loads one list on its own.\n${USAGE}`);
    return 2;
  }

  const partial = values.manifest !== undefined || values.la !== undefined;
  if (partial && (values["if-empty"] || values.gias || values["system-leaders"])) {
    console.error(`--manifest and --la choose part of the bundle to load.\n${USAGE}`);
    return 2;
  }
  const laCodes = (values.la ?? []).map(Number);
  if (laCodes.some((code) => !Number.isInteger(code) || code < 100 || code > 999)) {
    console.error(`--la takes a 3-digit DfE local authority code, e.g. 909.\n${USAGE}`);
    return 2;
  }

  // Import batches are heavier than API queries.
  return withDatabase(config(), 60_000, async (db) => {
    const summary = await runSeed({
      db,
      ifEmpty: values["if-empty"],
      giasFile: values.gias,
      systemLeadersFile: values["system-leaders"],
      datasets: values.manifest === undefined ? undefined : manifestDatasetIds(values.manifest),
      localAuthorities: laCodes.length > 0 ? new Set(laCodes) : undefined,
      progress: defaultProgress(),
      log: (line) => console.log(line),
    });
    console.log(formatSummary(summary));
    return 0;
  });
}

await runCommand(main);
