/**
 * A headless Chromium for the browser tests: Debian's `chromium` package (`.ci/run` installs it),
 * or the browser CHROMIUM_PATH names. Nothing is downloaded. Without a browser the tests fail,
 * saying how to install one.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { WEB_ROOT } from "../../src/web.js";
import { useApi, type TestApi } from "./api.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export async function launchChromium(): Promise<Browser> {
  const path =
    process.env["CHROMIUM_PATH"] ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      "No Chromium for the browser tests: `apt-get install chromium`, or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({ executablePath: path, args: ["--no-sandbox"] });
}

export interface BrowserPages {
  /** This test's page, fresh for each test. */
  page(): Page;
  /** The service's address, e.g. http://127.0.0.1:41234. */
  base(): string;
  /** The page's table with this caption. */
  table(caption: string): Locator;
  /** The API the pages talk to, for comparing what they show with its answers. */
  api(): TestApi;
}

/**
 * Serves the API and web app for the calling test file and gives each test a fresh page. A test
 * fails if its page asked anything of another origin, threw, or logged an error (a
 * Content-Security-Policy violation is logged as one).
 */
export function useBrowserPages(): BrowserPages {
  const api = useApi();
  let browser: Browser | undefined;
  let base = "";
  let page: Page | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_ROOT, "index.html"))) {
      throw new Error("The web app is not built: `npm test` builds it (`npm run build:web`).");
    }
    browser = await launchChromium();
    base = await api().app.listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    problems = [];
    const opened = await browser!.newPage();
    opened.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    opened.on("pageerror", (error) => problems.push(`page: ${error.message}`));
    opened.on("request", (request) => {
      if (!request.url().startsWith(base)) problems.push(`left the origin: ${request.url()}`);
    });
    page = opened;
  });
  afterEach(async (context) => {
    if (page && !page.isClosed()) {
      await page
        .screenshot({ path: screenshotPath(context.task.file.name, context.task.name) })
        .catch(() => undefined);
    }
    await page?.close();
    expect(problems).toEqual([]);
  });
  return {
    page: () => page!,
    base: () => base,
    api,
    table: (caption) =>
      page!.locator("table", { has: page!.locator("caption", { hasText: caption }) }),
  };
}

/** Where the browser tests leave each test's last view (git-ignored): test-results/screenshots. */
export const SCREENSHOTS = path.join(process.cwd(), "test-results", "screenshots");

/** `tests/browser/oversight-map.test.ts` and "when …" → oversight-map--when-….png. */
export function screenshotPath(file: string, test: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80);
  return path.join(SCREENSHOTS, `${slug(path.basename(file, ".test.ts"))}--${slug(test)}.png`);
}

/** Polls until the page shows it: a first similarity search builds its index, which takes seconds. */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 20_000 });
}
