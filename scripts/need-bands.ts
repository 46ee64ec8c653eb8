/**
 * npm run need-bands [-- --if-missing] [-- --report FILE]
 *
 * Computes every state-funded school's need band (src/modules/gaps/need-bands.ts) against the
 * families of the current FamilyRun and stores it on the school. With --if-missing it does
 * nothing when bands from the current family version and rule version are already stored, and
 * when there are no families yet it says so and exits 0, so start-up can run it every time.
 * A computation that replaces stored bands prints its effect (bands before and after, the schools
 * that moved most and why); --report writes that as Markdown.
 */
import { lowerOwnPriority } from "../src/modules/common/child-task.js";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commandLineArguments, config } from "../src/config.js";
import { connectionSettings } from "../src/db/connection.js";
import { Database } from "../src/db/driver.js";
import { UnavailableError } from "../src/errors/index.js";
import { NeedBandRepository } from "../src/modules/gaps/need-band.repository.js";
import { computeNeedBands, formatNeedBandEffect } from "../src/modules/gaps/need-band.service.js";

const USAGE = `usage: npm run need-bands [-- --if-missing] [-- --report FILE]
  (no options)   compute every state-funded school's need band and store it
  --if-missing   only when no school has a band from the current families and rule
  --report FILE  write the effect on the bands it replaced (Markdown)`;

async function main(): Promise<number> {
  let values: { "if-missing"?: boolean; report?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: commandLineArguments(),
      options: {
        "if-missing": { type: "boolean" },
        report: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ifMissing = values["if-missing"] ?? false;
  const c = config();
  const settings = connectionSettings(c);
  const db = Database.connect(settings, {
    // One transaction rewrites every school's band.
    queryTimeoutMs: Math.max(c.DB_QUERY_TIMEOUT_MS, 120_000),
    retryMs: c.DB_RETRY_MS,
    connectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
  });
  try {
    const outcome = await computeNeedBands(new NeedBandRepository(db), { ifMissing });
    switch (outcome.status) {
      case "NO_FAMILIES":
        console.error(
          "No families of similar schools yet: need bands compare each school with its family. " +
            "Run `npm run families` first, then `npm run need-bands`.",
        );
        return ifMissing ? 0 : 1;
      case "UP_TO_DATE":
        console.log(
          `Need bands are up to date: ${outcome.schools} schools banded against family ` +
            `version ${outcome.familyVersion} with rule version ${outcome.ruleVersion}.`,
        );
        return 0;
      case "COMPUTED": {
        const { bands } = outcome;
        console.log(
          `Need bands for ${outcome.schools} state-funded schools (family version ` +
            `${outcome.familyVersion}, rule version ${outcome.ruleVersion}) in ` +
            `${(outcome.durationMs / 1000).toFixed(1)}s:\n` +
            `  band 1 (most need) ${bands[1]}\n  band 2            ${bands[2]}\n` +
            `  band 3            ${bands[3]}\n  band 4 (least)    ${bands[4]}\n` +
            `  ${outcome.withoutFamily} schools in no family were compared with England only.`,
        );
        if (outcome.effect) {
          const report = formatNeedBandEffect(outcome.effect, outcome.ruleVersion);
          console.log(`\nAgainst the bands replaced:\n${report}`);
          if (values.report) writeFileSync(values.report, report);
        }
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UnavailableError) {
      console.error(
        `Cannot reach Neo4j at ${settings.uri}: ${
          settings.local ? "start it with `npm run db:start`" : "check NEO4J_URI and the server"
        }.`,
      );
    } else {
      console.error(error);
    }
    return 1;
  } finally {
    await db.close();
  }
}

lowerOwnPriority();
process.exitCode = await main();
