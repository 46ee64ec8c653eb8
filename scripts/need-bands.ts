/**
 * npm run need-bands [-- --if-missing] [-- --report FILE]
 *
 * Computes every state-funded school's need band (src/modules/support/need-bands.ts) against the
 * families of the current FamilyRun and stores it on the school. With --if-missing it does
 * nothing when bands from the current family version and rule version are already stored, and
 * when there are no families yet it says so and exits 0, so start-up can run it every time.
 * A computation that replaces stored bands prints its effect (bands before and after, the schools
 * that moved most and why); --report writes that as Markdown.
 */
import { lowerOwnPriority } from "../src/modules/common/child-task.js";
import { writeFileSync } from "node:fs";
import { config } from "../src/config.js";
import { NeedBandRepository } from "../src/modules/support/need-band.repository.js";
import {
  computeNeedBands,
  formatNeedBandEffect,
} from "../src/modules/support/need-band.service.js";
import { readCommandLine, runCommand, withDatabase } from "./cli.js";
import { withJobLock } from "../src/db/job-lock.js";

const USAGE = `usage: npm run need-bands [-- --if-missing] [-- --report FILE]
  (no options)   compute every state-funded school's need band and store it
  --if-missing   only when no school has a band from the current families and rule
  --report FILE  write the effect on the bands it replaced (Markdown)`;

async function main(): Promise<number> {
  const parsed = readCommandLine(USAGE, {
    options: { "if-missing": { type: "boolean" }, report: { type: "string" } },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const ifMissing = values["if-missing"] ?? false;
  // One transaction rewrites every school's band.
  return withDatabase(config(), 120_000, async (db) => {
    // One process at a time: wait for another's computation (--if-missing then finds it done).
    const outcome = await withJobLock(
      db,
      "need-bands",
      () => computeNeedBands(new NeedBandRepository(db), { ifMissing }),
      {
        onWait: ({ holder, since }) =>
          console.log(
            `Another process (${holder}, since ${since}) is computing need bands; waiting.`,
          ),
      },
    );
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
  });
}

lowerOwnPriority();
await runCommand(main);
