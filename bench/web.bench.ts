/**
 * npm run bench:web [-- --runs N]
 *
 * The web app's performance budget, in a real browser (Debian's Chromium, headless) against the
 * compiled server: how long until a page shows what it is for, and how much JavaScript it loads.
 *
 * - Support gaps for England: until the map has drawn its schools (about 22,000 points) and the
 *   table has rows. For a region (the North West, about 3,200 schools) the same.
 * - A school's page (Blackpool Gateway Academy): until its suggested partners are listed.
 *
 * "Cold" is the first visit after the server starts (its support snapshot and similarity index
 * are built on first use) with an empty browser cache; "warm" is the median of `runs` later visits,
 * each in a fresh browser context (no HTTP cache: every file is fetched again). JavaScript is
 * counted as the bytes of the scripts and as gzipped (the server gzips answers over 16 KiB for
 * browsers that accept it, so the second is what crosses the network). The app's whole JavaScript, and the IDE's, are listed from dist/web. Prints tables;
 * asserts nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { commandLineArguments, projectRoot } from "../src/config.js";
import { javaScriptOf, totalBytes, type ShippedFile } from "../scripts/web-build.js";
import { median, ms, startCompiledServer, table } from "./support.js";

interface Scenario {
  name: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "Support gaps, England",
    path: "/oversight",
    ready: async (page) => {
      // England's schools are painted as one image (web/src/map/AreaMap.tsx).
      await page.locator("svg.area-map .points image").waitFor({ state: "attached" });
      await page.locator("table.gaps tbody tr").first().waitFor();
    },
  },
  {
    name: "Support gaps, North West",
    path: "/oversight/E12000002",
    ready: async (page) => {
      await page.locator("svg.area-map circle").nth(3_000).waitFor({ state: "attached" });
      await page.locator("table.gaps tbody tr").first().waitFor();
    },
  },
  {
    name: "A school (Blackpool Gateway Academy)",
    path: "/schools/142175",
    ready: (page) => page.getByRole("table", { name: /Suggested partners/ }).waitFor(),
  },
];

interface Visit {
  ms: number;
  jsBytes: number;
  jsGzip: number;
  requests: number;
}

async function visit(browser: Browser, base: string, scenario: Scenario): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  let requests = 0;
  page.on("response", (response) => {
    requests += 1;
    if (/javascript/.test(response.headers()["content-type"] ?? "")) scripts.push(response.body());
  });
  const started = performance.now();
  await page.goto(`${base}${scenario.path}`);
  await scenario.ready(page);
  const elapsed = performance.now() - started;
  const bodies = await Promise.all(scripts);
  await context.close();
  return {
    ms: elapsed,
    jsBytes: bodies.reduce((sum, body) => sum + body.length, 0),
    jsGzip: bodies.reduce((sum, body) => sum + gzipSync(body).length, 0),
    requests,
  };
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

function shipped(): string[][] {
  const sizes = (files: ShippedFile[]) => [
    kib(totalBytes(files)),
    kib(files.reduce((sum, { bytes }) => sum + gzipSync(bytes).length, 0)),
  ];
  const shapes = readFileSync(
    path.join(projectRoot, "dist", "web", "geo", "local-authorities.json"),
  );
  return [
    ["The app's JavaScript, every page and chunk", ...sizes(javaScriptOf("index.html"))],
    ["The IDE's JavaScript (GET /graphql only)", ...sizes(javaScriptOf("graphiql.html"))],
    ["LA shapes (geo/local-authorities.json)", kib(shapes.length), kib(gzipSync(shapes).length)],
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: commandLineArguments(),
    options: { runs: { type: "string", default: "5" } },
  });
  const runs = Number(values.runs);
  const executablePath =
    process.env["CHROMIUM_PATH"] ??
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  if (!executablePath) throw new Error("No Chromium: `apt-get install chromium`.");

  const server = await startCompiledServer();
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    const base = server.ready.replace(/\/graphql$/, "").replace(/\/$/, "");
    const rows: string[][] = [];
    for (const scenario of SCENARIOS) {
      const cold = await visit(browser, base, scenario);
      const warm: Visit[] = [];
      for (let i = 0; i < runs; i += 1) warm.push(await visit(browser, base, scenario));
      rows.push([
        scenario.name,
        ms(cold.ms),
        ms(median(warm.map((v) => v.ms))),
        `${kib(cold.jsBytes)} (${kib(cold.jsGzip)} gzipped)`,
        String(cold.requests),
      ]);
    }
    console.log(
      table(
        ["Page", "Cold (first visit)", `Warm (median of ${runs})`, "JavaScript loaded", "Requests"],
        rows,
      ),
    );
    console.log();
    console.log(table(["Built files", "Bytes", "Gzipped"], shipped()));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
