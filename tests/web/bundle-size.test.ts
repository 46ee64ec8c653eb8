/**
 * The web app's JavaScript budget (README): what the app's page can load, from the build's own
 * manifest, stays within 500 KiB, and the IDE's editor never reaches the app. Sizes, not times:
 * they do not depend on how busy the machine is. `npm test` builds the app first.
 */
import { describe, expect, it } from "vitest";
import { javaScriptOf, totalBytes } from "../../scripts/web-build.js";

const BUDGET_BYTES = 500 * 1024;

describe("the web app's JavaScript", () => {
  const app = javaScriptOf("index.html");
  const ide = new Set(javaScriptOf("graphiql.html").map(({ file }) => file));

  it("when every page and map chunk the app can load is added up, then it is within 500 KiB", () => {
    expect(app.length).toBeGreaterThan(1);
    expect(totalBytes(app)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("when the app's chunks are listed, then what it shares with the IDE is React and the bundler's runtime, never the editor", () => {
    const shared = app.filter(({ file }) => ide.has(file));
    expect(shared.every(({ file }) => !/graphiql|monaco|editor|worker/i.test(file))).toBe(true);
    // The IDE's own code is megabytes; the shared part stays within the app's budget.
    expect(totalBytes(shared)).toBeLessThan(300 * 1024);
    expect(totalBytes([...javaScriptOf("graphiql.html")])).toBeGreaterThan(BUDGET_BYTES);
  });
});
