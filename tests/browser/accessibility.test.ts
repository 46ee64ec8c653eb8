/**
 * Every page of the app, loaded as a visitor would, checked by axe-core for serious and critical
 * accessibility violations (WCAG 2.1 A and AA rules): missing labels, unreadable contrast, broken
 * ARIA, tables without headers.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical findings on the page as it stands. */
async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline
  // scripts) stays on for the app itself.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: object,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    // A map is one image (role="img", named by its aria-label): its thousands of shapes and
    // points are presentational, and the same facts are in the page's tables.
    const result = await axe.run(
      { exclude: [[".area-map > g"]] },
      {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      },
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
  });
}

/** Each page, and what shows it has finished loading. */
const PAGES: [name: string, path: string, ready: (page: Page) => Promise<unknown>][] = [
  [
    "Find a school",
    "/?q=blackpool%20gateway",
    (p) =>
      p
        .getByRole("link", { name: /Gateway/ })
        .first()
        .waitFor(),
  ],
  [
    "a school",
    "/schools/142175",
    (p) => p.getByRole("table", { name: /Suggested partners/ }).waitFor(),
  ],
  [
    "Find a system leader",
    "/leaders?region=E12000002",
    (p) => p.locator("table").first().waitFor(),
  ],
  [
    "a system leader",
    "/leaders/tsh-nw1",
    (p) => p.getByRole("heading", { name: "Schools it could support" }).waitFor(),
  ],
  [
    "Support gaps, England",
    "/oversight",
    (p) => p.locator("svg.area-map .points image").waitFor({ state: "attached" }),
  ],
  [
    "Support gaps, North West",
    "/oversight/E12000002?supply=MODELLED",
    (p) => p.locator("svg.area-map circle").first().waitFor(),
  ],
  ["Sign in", "/sign-in", (p) => p.getByRole("heading", { level: 1 }).waitFor()],
  ["Import", "/import", (p) => p.getByRole("heading", { level: 1 }).waitFor()],
  ["the GraphQL IDE", "/graphql", (p) => p.locator(".graphiql-container").waitFor()],
  [
    "a missing page",
    "/no-such-page",
    (p) => p.getByRole("heading", { name: "Page not found" }).waitFor(),
  ],
];

describe("Accessibility", () => {
  it.each(PAGES)(
    "when %s is loaded, then axe-core finds no serious or critical violation",
    async (_name, path, ready) => {
      const page = pages.page();
      await page.goto(`${pages.base()}${path}`);
      await ready(page);
      await eventually(() => page.locator("[aria-busy=true]").count()).toBe(0);
      expect(await violations(page)).toEqual([]);
    },
  );
});
