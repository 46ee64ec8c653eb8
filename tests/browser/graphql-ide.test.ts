/**
 * GraphiQL at /graphql, bundled from npm: it works with no internet access, takes the schema
 * from /schema.graphql while introspection is off, and runs a query against the service.
 */
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();

describe("the GraphQL IDE", () => {
  it("when a developer opens /graphql and runs the example, then the answer comes from this service alone", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/graphql`);
    // Run once the editor holds the example and the schema is known.
    await eventually(() => page.locator(".graphiql-query-editor").innerText()).toMatch(
      /KewstokePrimary/,
    );
    await page.locator(".graphiql-execute-button").click();
    // The editor lays text out with non-breaking spaces.
    const result = async () =>
      (await page.locator(".result-window").innerText()).replace(/\u00a0/g, " ");
    await eventually(result).toContain('"name": "Kewstoke Primary School"');
    expect(await result()).toContain('"band": 1');
  });
});
