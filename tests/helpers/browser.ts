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
import { startApi, type TestApi } from "./api.js";

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
  /**
   * A console error this test causes on purpose: the browser logs every answer of 401 or more as
   * "Failed to load resource", so a test of a refused token expects that one line.
   */
  expectConsoleError(text: string): void;
}

/** The API and web app the pages are served by, as a test file starts them. */
export interface PagesServer {
  api: TestApi;
  /** Called once the app listens, with its address (e.g. to register it with an issuer). */
  listening?(base: string): Promise<void>;
  close(): Promise<void>;
}

async function defaultServer(): Promise<PagesServer> {
  const api = await startApi();
  return { api, close: () => api.close() };
}

/**
 * Serves the API and web app for the calling test file (or describe block) and gives each test a
 * fresh page: by default the test app against the real database, taking `testToken` tokens;
 * `server` starts another (sign-in tests configure an identity provider). A test fails if its
 * page asked anything of a host other than 127.0.0.1, threw, or logged an error it did not expect
 * (a Content-Security-Policy violation is logged as one). Each test's last view is saved in
 * test-results/screenshots.
 */
export function useBrowserPages(
  options: { server?: () => Promise<PagesServer> } = {},
): BrowserPages {
  let server: PagesServer | undefined;
  let browser: Browser | undefined;
  let base = "";
  let page: Page | undefined;
  let problems: string[] = [];
  let expected: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_ROOT, "index.html"))) {
      throw new Error("The web app is not built: `npm test` builds it (`npm run build:web`).");
    }
    server = await (options.server ?? defaultServer)();
    base = await server.api.app.listen(0, "127.0.0.1");
    await server.listening?.(base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    problems = [];
    expected = [];
    const opened = await browser!.newPage();
    opened.on("console", (message) => {
      if (message.type() !== "error") return;
      const at = expected.indexOf(message.text());
      if (at >= 0) expected.splice(at, 1);
      else problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    opened.on("pageerror", (error) => problems.push(`page: ${error.message}`));
    opened.on("request", (request) => {
      if (new URL(request.url()).hostname !== "127.0.0.1") {
        problems.push(`left 127.0.0.1: ${request.url()}`);
      }
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
    expect(expected, "console errors the test expected but did not see").toEqual([]);
  });
  return {
    page: () => page!,
    base: () => base,
    api: () => {
      if (!server) throw new Error("The pages' server is not started yet (use it inside a test).");
      return server.api;
    },
    table: (caption) =>
      page!.locator("table", { has: page!.locator("caption", { hasText: caption }) }),
    expectConsoleError: (text) => expected.push(text),
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
