/**
 * The real server against the scale instance: compiled from src/ into `.scale-build/` (beside
 * src/, so it finds cypher/ as dist/ does, and ignoring itself in git, so `dist/` is left alone),
 * started with `npm run serve`'s Node options, and measured through /proc.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../src/config.js";
import { serveNodeOptions } from "../support.js";
import { scaleEnvironment } from "./instance.js";

const BUILD = path.join(projectRoot, ".scale-build");

/**
 * Removes .scale-build/ again: it ignores itself in git, but prettier and eslint read only the
 * root's ignore lists, so `npm run check` would read the compiled files.
 */
export function removeBuild(): void {
  rmSync(BUILD, { recursive: true, force: true });
}

/** Compiles src/ as `npm run build` does, into .scale-build/ (removed by removeBuild). */
export function buildServer(): void {
  mkdirSync(BUILD, { recursive: true });
  writeFileSync(path.join(BUILD, ".gitignore"), "# The scale benchmark's build.\n*\n");
  execFileSync(
    "npx",
    [
      "tsc",
      "-p",
      "tsconfig.build.json",
      "--outDir",
      BUILD,
      "--tsBuildInfoFile",
      path.join(BUILD, ".tsbuildinfo"),
    ],
    { cwd: projectRoot, stdio: "inherit" },
  );
}

export interface ScaleServer {
  url: string;
  pid: number;
  /** The server's log lines so far (JSON, pino). */
  lines: string[];
  /** Whether the process is still alive, and how it ended if not. */
  exited: () => string | null;
  stop(): Promise<void>;
}

/**
 * Node options as `npm run serve` has them, with the old-generation cap replaced when
 * `oldSpaceMb` is given (a deployment with many more schools raises it, docs/operations.md).
 */
export function nodeOptions(oldSpaceMb: number | null): string[] {
  const options = serveNodeOptions().split(/\s+/);
  return oldSpaceMb === null
    ? options
    : options.map((option) =>
        option.startsWith("--max-old-space-size=") ? `--max-old-space-size=${oldSpaceMb}` : option,
      );
}

export function startServer(
  oldSpaceMb: number | null,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ScaleServer> {
  // The scale instance, never a server NEO4J_URI names.
  const inherited = { ...process.env };
  delete inherited["NEO4J_URI"];
  const child = spawn(
    process.execPath,
    [...nodeOptions(oldSpaceMb), path.join(BUILD, "index.js")],
    {
      cwd: projectRoot,
      env: {
        ...inherited,
        ...scaleEnvironment(),
        NODE_ENV: "production",
        PORT: "0",
        LOG_LEVEL: "info",
        RATE_LIMIT_EXEMPT: "127.0.0.1",
        JWT_SECRET: randomBytes(32).toString("hex"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  let ended: string | null = null;
  child.once("exit", (code, signal) => (ended = `exit ${code ?? ""}${signal ?? ""}`));
  createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not listen within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    let started = false;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      const match = /"url":"(http[^"]+)"/.exec(line);
      if (started || !match) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: match[1]!, pid: child.pid!, lines, exited: () => ended, stop });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!started)
        reject(
          new Error(
            `the server exited (${code}) before it listened:\n${lines.slice(-10).join("\n")}`,
          ),
        );
    });
  });
}

/** Resident memory now and at its peak, in MiB (Linux /proc). */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

/** The `durationMs` of the server's "similarity index built" log line, once it has one. */
export function indexBuildMs(server: ScaleServer): number | null {
  for (const line of server.lines) {
    if (!line.includes('"similarity index built"')) continue;
    const match = /"durationMs":(\d+)/.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}
