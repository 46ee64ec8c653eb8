/**
 * npm run bench:seed [-- --runs N]
 *
 * Times the whole-bundle import against the configured Neo4j: reading and joining the files
 * versus writing them, with each write stage's share. Later runs re-import onto a loaded graph
 * (MERGE finds every node), so comparing run 1 with run 2 shows the cost of creating versus
 * matching. Prints a table; asserts nothing.
 */
import { config } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import type { Progress } from "../seed/progress.js";
import { runSeed } from "../seed/run.js";
import { numberOptions } from "./options.js";

interface StageTiming {
  name: string;
  rows: number;
  ms: number;
}

/** A progress reporter that records how long each stage took instead of drawing it. */
function stopwatch(stages: StageTiming[]): Progress {
  return {
    stage(name, total) {
      const started = performance.now();
      return {
        increment: () => {},
        stop: () => stages.push({ name, rows: total, ms: performance.now() - started }),
      };
    },
  };
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
    .join("  ");
}

async function main(): Promise<void> {
  const { runs } = numberOptions({ runs: { default: 2, min: 1 } });
  const c = config();
  const db = connectConfigured(c, { queryTimeoutMs: 120_000 });
  try {
    for (let run = 1; run <= runs; run++) {
      const stages: StageTiming[] = [];
      const summary = await runSeed({ db, progress: stopwatch(stages), rejectionLog: null });
      const { timings } = summary;
      const total = timings.totalMs;
      const widths = [26, 10, 9, 12];
      const line = (name: string, ms: number, rows?: number) =>
        row(
          [
            name,
            `${(ms / 1000).toFixed(2)}s`,
            `${((ms / total) * 100).toFixed(0)}%`,
            rows === undefined || ms === 0
              ? ""
              : `${Math.round(rows / (ms / 1000)).toLocaleString("en-GB")}/s`,
          ],
          widths,
        );
      console.log(`\nRun ${run} of ${runs}`);
      console.log(row(["phase", "time", "share", "rows"], widths));
      console.log(line("read + join", timings.parseMs));
      console.log(line("database write", timings.writeMs));
      console.log(line("GIAS sample (read + write)", timings.giasMs));
      console.log(line("total", total));
      console.log("stages:");
      for (const stage of stages.filter((s) => s.name !== "read and join")) {
        console.log(line(`  ${stage.name}`, stage.ms, stage.rows));
      }
      console.log(`write / read+join: ${(timings.writeMs / timings.parseMs).toFixed(2)}x`);
    }
  } finally {
    await db.close();
  }
}

await main();
