/**
 * npm run bench:scale [-- --scales 1,2,5,10] [-- --full-scales 1,2,5] [-- --duration 15]
 *   [-- --connections 8] [-- --warmup 3] [-- --settle 20] [-- --keys 200] [-- --old-space MB]
 *   [-- --fallback-old-space 2048] [-- --fallback-query-timeout 120000] [-- --server-only]
 *   [-- --seed N]
 *
 * The service at k× England, on a second local Neo4j (bench/scale/instance.ts: `.neo4j-scale/`,
 * Bolt 7697) holding the real bundle plus k-1 synthetic copies of England
 * (seed/synthetic/generator.ts, every node `synthetic: true`). For each k, in ascending order:
 *
 * - import: the graph brought to k× (bench/scale/load.ts, a child process); the import time of
 *   k× is the real bundle's import plus reading it again, each copy's write, and the system
 *   leader and search-field stages rerun over the whole graph;
 * - family computation (`runFamilies`: read, k-means, write, make current) and need bands;
 * - index build: every school's profile read and the FeatureIndex built, in this process, and
 *   the server's own "similarity index built" time;
 * - the compiled server (`.scale-build/`, `npm run serve`'s Node options) started against it:
 *   p50/p95/p99 of `similarSchools`, `partnerSuggestions`, `supportGaps` and `{ __typename }`
 *   (the floor of any request) one scenario at a time, then the three in turn (the mix), each for
 *   `duration` seconds at `connections` clients after `warmup` unmeasured seconds, all after
 *   `settle` unmeasured seconds of the mix; at scales not
 *   in `full-scales` only the floor and the mix; the server's resident memory after warm-up,
 *   after the runs and at its peak. When the server cannot answer its first requests under
 *   `npm run serve`'s old-generation cap (or `old-space`) and the default query timeout, that is
 *   noted and it is measured again with `fallback-old-space` and `fallback-query-timeout`.
 *   `server-only` measures just the server again, against the scale the instance holds.
 *
 * Figures go to bench/recorded/scale-<date>.json (merged by scale, so scales can be run apart)
 * and the plot to docs/scale.svg. Prints tables; asserts nothing. Stop the instance afterwards
 * with `npx tsx bench/scale/instance.ts stop`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { format } from "prettier";
import { commandLineArguments, projectRoot } from "../src/config.js";
import { connectConfigured } from "../src/db/connect.js";
import { FeatureIndex } from "../src/modules/similarity/feature-index.js";
import { runFamilies } from "../src/modules/similarity/family-run.js";
import { SimilarityRepository } from "../src/modules/similarity/similarity.repository.js";
import { NeedBandRepository } from "../src/modules/support/need-band.repository.js";
import { computeNeedBands } from "../src/modules/support/need-band.service.js";
import { DEFAULT_SYNTHETIC_SEED } from "../seed/synthetic/generator.js";
import { SCALE_HOME, scaleConfig, startScaleInstance } from "./scale/instance.js";
import type { LoadTimes } from "./scale/load.js";
import { writePlot } from "./scale/plot.js";
import { ask, scenarios, QUERY_NAMES, type Scenario } from "./scale/queries.js";
import { runScenario } from "./support.js";
import {
  buildServer,
  indexBuildMs,
  memoryMiB,
  nodeOptions,
  removeBuild,
  startServer,
} from "./scale/server.js";
import type { ScaleFigures, ScenarioFigures } from "./scale/figures.js";
import { ms, summarizeLoad, table } from "./support.js";

const STATE = path.join(SCALE_HOME, "import-times.json");

interface ImportState {
  seed: number;
  realSeedMs: number | null;
  readMs: number | null;
  copyMs: Record<number, number>;
  /** The system-leader and search-field stages over the whole graph at each scale. */
  stages?: Record<number, { systemLeadersMs: number; searchFieldsMs: number }>;
}

/** `target` with the time of each awaited method call added to `parts` under its name. */
function timed<T extends object>(target: T, parts: Record<string, number>): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const value = Reflect.get(object, name, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          return (await (value as (...a: unknown[]) => Promise<unknown>).apply(
            object,
            args,
          )) as unknown;
        } finally {
          parts[String(name)] = (parts[String(name)] ?? 0) + performance.now() - started;
        }
      };
    },
  });
}

function readState(seed: number): ImportState {
  if (existsSync(STATE)) {
    const state = JSON.parse(readFileSync(STATE, "utf8")) as ImportState;
    if (state.seed === seed) return state;
  }
  return { seed, realSeedMs: null, readMs: null, copyMs: {} };
}

const seconds = (value: number | null | undefined) =>
  value === null || value === undefined ? "-" : `${(value / 1000).toFixed(1)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

function load(scale: number, seed: number, state: ImportState): LoadTimes {
  const final = scale > 1 && state.stages?.[scale] === undefined ? ["--final-stages"] : [];
  const output = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/scale/load.ts",
      "--scale",
      String(scale),
      "--seed",
      String(seed),
      ...final,
    ],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" },
  );
  const times = JSON.parse(output.trim().split("\n").at(-1)!) as LoadTimes;
  if (times.realSeedMs !== null) state.realSeedMs = times.realSeedMs;
  if (times.readMs > 0) state.readMs = times.readMs;
  for (const copy of times.copiesRemoved) delete state.copyMs[copy];
  Object.assign(state.copyMs, times.copyMs);
  state.stages ??= {};
  if (times.systemLeadersMs > 0) {
    state.stages[scale] = {
      systemLeadersMs: times.systemLeadersMs,
      searchFieldsMs: times.searchFieldsMs,
    };
  }
  writeFileSync(STATE, `${JSON.stringify(state, null, 2)}\n`);
  return times;
}

/** The import time of k× England from its parts (see the file comment); null when unknown. */
function importMs(scale: number, state: ImportState): number | null {
  if (state.realSeedMs === null) return null;
  if (scale === 1) return state.realSeedMs;
  const copies = Array.from({ length: scale - 1 }, (_, i) => state.copyMs[i + 1]);
  if (copies.some((value) => value === undefined) || state.readMs === null) return null;
  const stages = state.stages?.[scale];
  if (!stages) return null;
  return (
    state.realSeedMs +
    state.readMs +
    copies.reduce<number>((sum, value) => sum + (value as number), 0) +
    stages.systemLeadersMs +
    stages.searchFieldsMs
  );
}

interface Options {
  duration: number;
  connections: number;
  warmup: number;
  keys: number;
  oldSpace: number | null;
  fallbackOldSpace: number;
  fallbackQueryTimeout: number;
  settle: number;
  seed: number;
}

/** The batch part of a scale's figures: import, families, need bands, index build. */
async function measure(scale: number, options: Options, state: ImportState): Promise<ScaleFigures> {
  log(`\n== ${scale}× England ==`);
  const times = load(scale, options.seed, state);
  const figures: ScaleFigures = {
    scale,
    schools: times.schools,
    importMs: importMs(scale, state),
    importParts: {
      realSeedMs: state.realSeedMs,
      readMs: scale > 1 ? state.readMs : null,
      copiesMs: Array.from({ length: scale - 1 }, (_, i) => state.copyMs[i + 1] ?? null),
      systemLeadersMs: state.stages?.[scale]?.systemLeadersMs ?? null,
      searchFieldsMs: state.stages?.[scale]?.searchFieldsMs ?? null,
    },
    families: null,
    needBandsMs: null,
    index: null,
    queries: {},
    memory: null,
    nodeOptions: nodeOptions(options.oldSpace).join(" "),
    notes: [],
  };

  const db = connectConfigured(scaleConfig(), { queryTimeoutMs: 900_000 });
  try {
    const repository = new SimilarityRepository(db);
    const previous = await repository.findCurrentRun();
    log("families: reading profiles, k-means per phase, writing ...");
    try {
      const outcome = await runFamilies(repository, {}, (event) => {
        if (event.step === "clustered")
          log(`families: ${event.phase.phase} in ${seconds(event.ms)}`);
        if (event.step === "written") log(`families: ${event.families} written`);
      });
      if (outcome.status === "written") {
        figures.families = {
          readMs: outcome.readMs,
          computeMs: outcome.computeMs,
          writeMs: outcome.writeMs,
          totalMs: outcome.totalMs,
          families: outcome.families,
        };
        if (previous) await repository.deleteRun(previous.version);
      }
    } catch (error) {
      figures.notes.push(`families failed: ${(error as Error).message.split("\n")[0]}`);
      log(figures.notes.at(-1)!);
    }
    log("need bands ...");
    const bandsStarted = performance.now();
    try {
      const parts: Record<string, number> = {};
      const bands = await computeNeedBands(timed(new NeedBandRepository(db), parts), {
        ifMissing: false,
      });
      figures.needBandsMs = performance.now() - bandsStarted;
      const reads = (parts["findInputs"] ?? 0) + (parts["findStoredBands"] ?? 0);
      figures.needBandParts = {
        readMs: reads,
        writeMs: parts["replaceBands"] ?? 0,
        computeMs: figures.needBandsMs - reads - (parts["replaceBands"] ?? 0),
      };
      if (bands.status !== "COMPUTED") figures.notes.push(`need bands: ${bands.status}`);
    } catch (error) {
      figures.notes.push(`need bands failed: ${(error as Error).message.split("\n")[0]}`);
      log(figures.notes.at(-1)!);
    }
    log("index build ...");
    const readStarted = performance.now();
    const profiles = await repository.findProfiles();
    const readMs = performance.now() - readStarted;
    const buildStarted = performance.now();
    const index = new FeatureIndex(profiles);
    const buildMs = performance.now() - buildStarted;
    figures.index = { readMs, buildMs, serverMs: null, schools: index.size };
  } finally {
    await db.close();
  }

  return figures;
}

/** The server part of a scale's figures: first requests, query runs and memory. */
async function serve(figures: ScaleFigures, full: boolean, options: Options): Promise<void> {
  figures.queries = {};
  figures.memory = null;
  figures.firstRequestMs = undefined;
  figures.notes = figures.notes.filter((note) => !note.startsWith("server: "));
  // Keys: state-funded schools with a location, in the order of a hash of their URN, so the
  // sample is fixed for a scale and spread over England and every copy.
  const keysDb = connectConfigured(scaleConfig(), { queryTimeoutMs: 120_000 });
  const urns = (
    await keysDb.driver.executeQuery(
      `MATCH (s:School) WHERE s.stateFunded AND s.location IS NOT NULL
       WITH s ORDER BY (s.urn * 2654435761) % 4294967296 LIMIT toInteger($n)
       RETURN collect(s.urn) AS urns`,
      { n: options.keys },
    )
  ).records[0]!.get("urns").map(Number) as number[];
  await keysDb.close();
  const note = (text: string) => {
    figures.notes.push(`server: ${text}`);
    log(text);
  };

  // As `npm run serve` runs first; if the server cannot answer at this scale, the fallback: a
  // larger heap cap and a query timeout the one read of every profile fits in.
  const attempts: { cap: number | null; env: Record<string, string> }[] = [
    { cap: options.oldSpace, env: {} },
    {
      cap: options.fallbackOldSpace,
      env: { DB_QUERY_TIMEOUT_MS: String(options.fallbackQueryTimeout) },
    },
  ];
  for (const { cap, env } of attempts) {
    const settings = [
      ...nodeOptions(cap),
      ...Object.entries(env).map(([name, value]) => `${name}=${value}`),
    ].join(" ");
    log(`server (${settings}) ...`);
    figures.nodeOptions = settings;
    const server = await startServer(cap, env);
    try {
      const all = scenarios(urns);
      const first: Record<string, number> = {};
      try {
        for (const name of ["similarSchools", "supportGaps", "partnerSuggestions"] as const) {
          const started = performance.now();
          await ask(server.url, all[name].body(0));
          first[name] = performance.now() - started;
        }
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const why = server.lines.filter((line) => /FATAL|heap|error/i.test(line)).slice(-2);
        note(
          `with ${settings} the server ${server.exited() ?? "stayed up but failed"} on its first requests (${(error as Error).message.slice(0, 300)}): ${why.join(" ").slice(0, 400)}`,
        );
        continue;
      }
      figures.index!.serverMs = indexBuildMs(server);
      figures.firstRequestMs = first;
      // Each key's first ask, one at a time: the scan or pool the timed runs then find remembered.
      figures.firstAskPerKey = {};
      for (const name of ["similarSchools", "partnerSuggestions"] as const) {
        const times: number[] = [];
        for (let i = 0; i < urns.length; i++) {
          const started = performance.now();
          await ask(server.url, all[name].body(i));
          times.push(performance.now() - started);
        }
        const { p50, p95 } = summarizeLoad(times, 1, 0);
        figures.firstAskPerKey[name] = { p50, p95 };
        log(`${name}, first ask per key: p50 ${ms(p50)}, p95 ${ms(p95)}`);
      }
      // The index build leaves hundreds of MB of garbage at 5× and more: the mix runs unmeasured
      // first, so its collection is not charged to whichever query happens to be timed first.
      if (options.settle > 0) {
        await runScenario(server.url, all.mix, options.connections, options.settle);
      }
      const warm = memoryMiB(server.pid);

      const names: Scenario["name"][] = full ? ["floor", ...QUERY_NAMES, "mix"] : ["floor", "mix"];
      for (const name of names) {
        const scenario = all[name];
        if (options.warmup > 0) {
          await runScenario(server.url, scenario, options.connections, options.warmup);
        }
        const result = await runScenario(
          server.url,
          scenario,
          options.connections,
          options.duration,
        );
        const { firstError, ...summary } = result;
        figures.queries[name] = summary satisfies ScenarioFigures;
        if (firstError) note(`${name}: first error ${firstError}`);
        log(
          `${name}: p95 ${ms(summary.p95)}, ${summary.perSecond.toFixed(0)} req/s, ${summary.errors} errors`,
        );
        if (server.exited()) break;
      }
      const ended = server.exited();
      if (ended) {
        note(`the server stopped during the runs (${ended}): ${server.lines.slice(-3).join(" ")}`);
      } else {
        const after = memoryMiB(server.pid);
        figures.memory = { warmMiB: warm.rss, afterMiB: after.rss, peakMiB: after.peak };
      }
      break;
    } finally {
      await server.stop();
    }
  }
}

function report(all: ScaleFigures[]): string {
  const query = (f: ScaleFigures, name: Scenario["name"]) => {
    const q = f.queries[name];
    return q ? ms(q.p95) : "-";
  };
  const base = all.find((f) => f.scale === 1);
  const factor = (f: ScaleFigures, name: Scenario["name"]) => {
    const ours = f.queries[name]?.p95;
    const first = base?.queries[name]?.p95;
    return ours !== undefined && first !== undefined ? `${(ours / first).toFixed(2)}×` : "-";
  };
  const lines = [
    table(
      [
        "scale",
        "schools",
        "import",
        "families",
        "need bands",
        "index read+build",
        "server index",
        "RSS warm",
        "RSS after",
        "RSS peak",
      ],
      all.map((f) => [
        `${f.scale}×`,
        f.schools.toLocaleString("en-GB"),
        seconds(f.importMs),
        seconds(f.families?.totalMs),
        seconds(f.needBandsMs),
        f.index ? `${seconds(f.index.readMs)} + ${seconds(f.index.buildMs)}` : "-",
        seconds(f.index?.serverMs),
        f.memory ? `${f.memory.warmMiB.toFixed(0)} MiB` : "-",
        f.memory ? `${f.memory.afterMiB.toFixed(0)} MiB` : "-",
        f.memory ? `${f.memory.peakMiB.toFixed(0)} MiB` : "-",
      ]),
    ),
    "",
    table(
      [
        "scale",
        "floor p95",
        "similarSchools p95",
        "partnerSuggestions p95",
        "supportGaps p95",
        "mix p95",
        "mix req/s",
        "errors",
      ],
      all.map((f) => [
        `${f.scale}×`,
        query(f, "floor"),
        `${query(f, "similarSchools")} (${factor(f, "similarSchools")})`,
        `${query(f, "partnerSuggestions")} (${factor(f, "partnerSuggestions")})`,
        `${query(f, "supportGaps")} (${factor(f, "supportGaps")})`,
        `${query(f, "mix")} (${factor(f, "mix")})`,
        f.queries.mix ? f.queries.mix.perSecond.toFixed(0) : "-",
        String(Object.values(f.queries).reduce((sum, q) => sum + (q?.errors ?? 0), 0)),
      ]),
    ),
  ];
  const notes = all.flatMap((f) => f.notes.map((note) => `${f.scale}×: ${note}`));
  if (notes.length > 0) lines.push("", ...notes);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: commandLineArguments(),
    options: {
      scales: { type: "string", default: "1,2,5,10" },
      "full-scales": { type: "string", default: "1,2,5" },
      duration: { type: "string", default: "15" },
      connections: { type: "string", default: "8" },
      warmup: { type: "string", default: "3" },
      settle: { type: "string", default: "20" },
      keys: { type: "string", default: "200" },
      "old-space": { type: "string" },
      "fallback-old-space": { type: "string", default: "2048" },
      "fallback-query-timeout": { type: "string", default: "120000" },
      "server-only": { type: "boolean" },
      seed: { type: "string", default: String(DEFAULT_SYNTHETIC_SEED) },
      out: { type: "string" },
    },
  });
  const list = (text: string) =>
    text
      .split(",")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1);
  const scales = list(values.scales).sort((a, b) => a - b);
  const full = new Set(list(values["full-scales"]));
  const options = {
    duration: Math.max(1, Number(values.duration)),
    connections: Math.max(1, Number(values.connections)),
    warmup: Math.max(0, Number(values.warmup)),
    settle: Math.max(0, Number(values.settle)),
    keys: Math.max(1, Number(values.keys)),
    oldSpace: values["old-space"] === undefined ? null : Number(values["old-space"]),
    fallbackOldSpace: Number(values["fallback-old-space"]),
    fallbackQueryTimeout: Number(values["fallback-query-timeout"]),
    seed: Number(values.seed),
  };
  const date = new Date().toISOString().slice(0, 10);
  const out = values.out ?? path.join(projectRoot, "bench", "recorded", `scale-${date}.json`);

  await startScaleInstance(log);
  buildServer();
  const state = readState(options.seed);
  const recorded: ScaleFigures[] = existsSync(out)
    ? (JSON.parse(readFileSync(out, "utf8")) as ScaleFigures[])
    : [];
  try {
    for (const scale of scales) {
      const held = recorded.find((f) => f.scale === scale);
      if (values["server-only"] && !held) {
        throw new Error(`--server-only: no figures for ${scale}×`);
      }
      const figures = values["server-only"] ? held! : await measure(scale, options, state);
      await serve(figures, full.has(scale), options);
      const at = recorded.findIndex((f) => f.scale === scale);
      if (at >= 0) recorded[at] = figures;
      else recorded.push(figures);
      recorded.sort((a, b) => a.scale - b.scale);
      // As prettier writes it, so `npm run check` passes on a new run's figures.
      writeFileSync(out, await format(JSON.stringify(recorded, null, 2), { parser: "json" }));
      writePlot(recorded, path.join(projectRoot, "docs", "scale.svg"));
    }
  } finally {
    removeBuild();
  }
  console.log(
    `\nnpm run bench:scale, ${date}: ${options.connections} connections, ${options.duration} s per scenario after ${options.warmup} s unmeasured, ${options.keys} keys; synthetic seed ${options.seed}; server ${nodeOptions(options.oldSpace).join(" ")}\n`,
  );
  console.log(report(recorded));
  console.log(`\nfigures: ${path.relative(projectRoot, out)}; plot: docs/scale.svg`);
}

await main();
