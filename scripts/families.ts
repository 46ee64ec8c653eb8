/**
 * npm run families [-- --if-missing] [-- --seed N] [-- --target-size N] [-- --max-iterations N]
 *                  [-- --silhouette-sample N] [-- --keep N]
 *
 * Recomputes the families of similar schools for all of England and stores them as a new version
 * (see "Families of similar schools" in cypher/README.md). Writes JSON log lines to stdout and a
 * progress bar (plain lines when not on a terminal) to stderr. A server running against the same
 * database notices the new current run (it checks at most every 30 seconds while similarity and
 * matching queries come in) and rebuilds its index in the background.
 */
import { lowerOwnPriority } from "../src/modules/common/child-task.js";
import { parseArgs } from "node:util";
import { commandLineArguments, config } from "../src/config.js";
import { connectionSettings } from "../src/db/connection.js";
import { Database } from "../src/db/driver.js";
import { UnavailableError, ValidationError } from "../src/errors/index.js";
import { createLogger } from "../src/logger.js";
import {
  runFamilies,
  runsToPrune,
  type FamilyRunEvent,
} from "../src/modules/similarity/family-run.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import { defaultProgress, type StageProgress } from "../seed/progress.js";
import { withJobLock } from "../src/db/job-lock.js";

const USAGE = `usage: npm run families [-- options]
  --if-missing            compute only when no run is current (e.g. on a fresh database)
  --seed N                k-means++ and silhouette seed, 0..4294967295 (default 1)
  --target-size N         schools per family aimed for (default 50)
  --max-iterations N      k-means iterations per phase, 1..1000 (default 15)
  --silhouette-sample N   schools per phase the silhouette is averaged over (default 2000)
  --keep N                afterwards, delete all but the newest N runs (the current run stays)`;

const NUMBER_OPTIONS = [
  "seed",
  "target-size",
  "max-iterations",
  "silhouette-sample",
  "keep",
] as const;

/** The command-line option behind each option name the domain reports. */
const OPTION_OF_ARGUMENT: Record<string, string> = {
  seed: "--seed",
  targetSize: "--target-size",
  maxIterations: "--max-iterations",
  silhouetteSampleSize: "--silhouette-sample",
};

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number; got "${text}".`);
  return Number(text);
}

async function main(): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let numbers: Partial<Record<(typeof NUMBER_OPTIONS)[number], number>>;
  try {
    ({ values } = parseArgs({
      args: commandLineArguments(),
      options: {
        "if-missing": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(NUMBER_OPTIONS.map((name) => [name, { type: "string" as const }])),
      },
    }));
    numbers = Object.fromEntries(
      NUMBER_OPTIONS.map((name) => [name, wholeNumber(name, values[name] as string | undefined)]),
    );
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values["help"]) {
    console.log(USAGE);
    return 0;
  }

  const c = config();
  const logger = createLogger({ level: c.LOG_LEVEL });
  const settings = connectionSettings(c);
  const db = Database.connect(settings, {
    // One transaction writes every family of the run: longer than an API query may take.
    queryTimeoutMs: Math.max(c.DB_QUERY_TIMEOUT_MS, 120_000),
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  });
  const repository = new SimilarityRepository(db);
  const progress = defaultProgress();
  let clustering: StageProgress | undefined;
  let writing: StageProgress | undefined;
  let written = 0;

  const onEvent = (event: FamilyRunEvent) => {
    switch (event.step) {
      case "read":
        logger.info(
          { schools: event.schools, phases: event.phases, durationMs: Math.round(event.ms) },
          "schools read",
        );
        clustering = progress.stage("clustering phases", event.phases, "phases");
        break;
      case "clustered":
        clustering?.increment();
        logger.info(
          { ...event.phase, durationMs: Math.round(event.ms) },
          `clustered ${event.phase.phase}`,
        );
        break;
      case "writing":
        clustering?.stop();
        logger.info({ families: event.families, schools: event.schools }, "writing families");
        writing = progress.stage("writing families", event.families, "families");
        break;
      case "written":
        writing?.increment(event.families - written);
        written = event.families;
        break;
      case "current":
        writing?.stop();
        logger.info({ version: event.version }, "families run made current");
        break;
    }
  };

  try {
    logger.info(
      { options: { ...numbers, ifMissing: values["if-missing"] === true } },
      "families run started",
    );
    // One process at a time, whichever replica or container starts it: wait for another's run
    // (with --if-missing, it then finds that run current and does nothing).
    const outcome = await withJobLock(
      db,
      "families",
      () =>
        runFamilies(
          repository,
          {
            ifMissing: values["if-missing"] === true,
            seed: numbers.seed,
            targetSize: numbers["target-size"],
            maxIterations: numbers["max-iterations"],
            silhouetteSampleSize: numbers["silhouette-sample"],
          },
          onEvent,
        ),
      { onWait: (held) => logger.info(held, "another process is computing families; waiting") },
    );
    if (outcome.status === "skipped") {
      logger.info(
        { version: outcome.current.version, createdAt: outcome.current.createdAt },
        "a families run is already current; nothing to do (--if-missing)",
      );
      return 0;
    }
    const { version, schools, families, quality, readMs, computeMs, writeMs, totalMs } = outcome;
    logger.info(
      { version, schools, families, quality, readMs, computeMs, writeMs, totalMs },
      "families run complete",
    );

    if (numbers.keep !== undefined) {
      const prune = runsToPrune(await repository.findRuns(), numbers.keep);
      for (const version of prune) await repository.deleteRun(version);
      logger.info({ deleted: prune, keep: numbers.keep }, "older families runs deleted");
    }
    return 0;
  } catch (error) {
    clustering?.stop();
    writing?.stop();
    if (error instanceof UnavailableError) {
      logger.error(
        { uri: settings.uri },
        settings.local
          ? "cannot reach Neo4j: start it with `npm run db:start`"
          : "cannot reach Neo4j: check NEO4J_URI and the server",
      );
    } else if (error instanceof ValidationError) {
      const option = (error.argument && OPTION_OF_ARGUMENT[error.argument]) ?? error.argument;
      console.error(`${option}: ${error.message}\n${USAGE}`);
      return 2;
    } else {
      logger.error({ err: error }, "families run failed; the previous run stays current");
    }
    return 1;
  } finally {
    await db.close();
  }
}

lowerOwnPriority();
process.exitCode = await main();
