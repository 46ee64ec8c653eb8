/** Helpers shared by the benchmarks: child processes, percentiles and plain-text tables. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { projectRoot } from "../src/config.js";

export interface Child {
  process: ChildProcess;
  /** The first capture group of the line that signalled readiness. */
  ready: string;
  stop(): Promise<void>;
}

/**
 * Runs `script` (a path under the project) with tsx and resolves once a line of its standard
 * output matches `ready`. Other output is read and dropped, so a chatty child never blocks on a
 * full pipe; its standard error is passed through.
 */
export function startScript(
  script: string,
  ready: RegExp,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, script)], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not report ready within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    let started = false;
    // The server's own log lines, kept when BENCH_SERVER_LOG names a file (to find what failed).
    const log = process.env["BENCH_SERVER_LOG"]
      ? createWriteStream(process.env["BENCH_SERVER_LOG"], { flags: "a" })
      : null;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      log?.write(`${line}\n`);
      if (started) return;
      const match = ready.exec(line);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      resolve({ process: child, ready: match[1] ?? line, stop });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${script} exited (${code}) before it was ready`));
    });
  });
}

/** The p quantile (0..1) of values sorted ascending, nearest rank. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Throughput and latency percentiles of a load run. */
export interface LoadSummary {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** Sums up a run's response times (ms, in any order) over `seconds`. */
export function summarizeLoad(
  times: readonly number[],
  seconds: number,
  errors: number,
): LoadSummary {
  const sorted = Float64Array.from(times).sort();
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    errors,
  };
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 0.5);
}

/** Columns padded to their widest cell; the first left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : "-";
}

export function ratio(baseline: number, ours: number): string {
  return Number.isFinite(baseline / ours) ? `${(baseline / ours).toFixed(1)}x` : "-";
}

/** `count` distinct items drawn with a seeded generator, for reproducible request mixes. */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const taken: T[] = [];
  while (taken.length < count && pool.length > 0) {
    taken.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as T);
  }
  return taken;
}

/**
 * The Node options `npm run serve` starts the server with (package.json), for benchmarks that
 * start the compiled server themselves: they measure it as it runs in production.
 */
export function serveNodeOptions(): string {
  const scripts = (
    JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const match = /^node (.*) dist\/index\.js$/.exec(scripts["serve"] ?? "");
  if (!match) throw new Error(`package.json's serve script is not "node <options> dist/index.js"`);
  return match[1]!;
}

/**
 * Builds the server and starts it compiled, as in production: `NODE_ENV=production`, `npm run
 * serve`'s Node options, a free port, and the benchmark's own address exempt from the per-caller
 * rate limit (it is one caller asking far more often than the limit allows). `env` adds to or
 * overrides that, e.g. `JWT_SECRET` for a benchmark that mints its own tokens.
 */
export async function startCompiledServer(env: Record<string, string> = {}): Promise<Child> {
  execFileSync("npm", ["run", "build"], { cwd: projectRoot, stdio: "inherit" });
  return startScript("dist/index.js", /"url":"(http[^"]+)"/, {
    NODE_ENV: "production",
    NODE_OPTIONS: serveNodeOptions(),
    PORT: "0",
    RATE_LIMIT_EXEMPT: "127.0.0.1",
    JWT_SECRET: randomBytes(32).toString("hex"),
    ...env,
  });
}

/** `connections` clients for `seconds`; a GraphQL error in a 200 answer counts as an error. */
export function runScenario(
  url: string,
  scenario: { body: (i: number) => unknown },
  connections: number,
  seconds: number,
): Promise<LoadSummary & { firstError: string }> {
  let next = 0;
  let errors = 0;
  let firstError = "";
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(scenario.body(next++)),
            }),
            onResponse: (status, body) => {
              if (status === 200 && !body.includes('"errors"')) return;
              errors += 1;
              firstError ||= `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error, result) =>
        error
          ? reject(error)
          : resolve({
              ...summarizeLoad(times, seconds, errors + result.errors + result.timeouts),
              firstError,
            }),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}
