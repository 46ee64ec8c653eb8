/**
 * System leaders in the web app, as a regional lead uses it: the finder by region and
 * designation or by a leader's name or its school's name or place, a Teaching School Hub's page with the schools it could support, and a synthetic
 * leader's page, which must say it is synthetic and rank in the modelled supply only.
 */
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const table = (caption: string) => pages.table(caption);

describe("Find a system leader", () => {
  it("when a regional lead picks a region and a designation, then its leaders are listed and a hub's page ranks schools it could support", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/leaders`);
    await page.getByLabel("Region").selectOption({ label: "South West" });
    await page.getByLabel("Designation").selectOption({ label: "Teaching school hub" });
    const leaders = table("System leaders in name order");
    // The list is replaced as each choice lands: wait for the one with both.
    await eventually(() => page.url()).toMatch(/region=E12000009.*designation=TEACHING_SCHOOL_HUB/);
    const designations = () => leaders.locator("tbody tr td:nth-child(2)").allInnerTexts();
    await eventually(async () => [...new Set(await designations())]).toEqual([
      "Teaching school hub",
    ]);
    expect((await designations()).length).toBeGreaterThan(5);

    await leaders.getByRole("link", { name: "Balcarras" }).click();
    await eventually(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Balcarras");
    expect(await page.locator("main").innerText()).toMatch(
      /Based at Balcarras School · Gloucestershire · South West/,
    );
    await eventually(() =>
      page.getByText(/^Ranked by need, fit and reach|^No school within reach/).count(),
    ).toBe(1);
    expect(await page.locator("main").innerText()).not.toContain("modelled supply");
  });

  it("when a head teacher searches by a town, then the leaders based there are listed, and the address brings the search back", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/leaders`);
    await page.getByLabel("Leader, school or place").fill("blackpool");
    await page.getByRole("button", { name: "Search" }).click();
    await eventually(() => page.url()).toContain("q=blackpool");
    const rows = table("System leaders in name order").locator("tbody tr");
    await eventually(() => rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allInnerTexts())
      expect(text.toLowerCase()).toContain("blackpool");

    await page.reload();
    expect(await page.getByLabel("Leader, school or place").inputValue()).toBe("blackpool");
    await eventually(() => rows.count()).toBeGreaterThan(0);
  });

  it("when a leader is synthetic, then its page says so and ranks schools in the modelled supply", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/leaders/synthetic-nle-115825`);
    await eventually(() => page.locator(".notice").innerText()).toMatch(
      /^A synthetic designation for planning, not a real person: made by .+ with seed \d+\.$/,
    );
    await eventually(() => table("modelled supply: synthetic leaders included").count()).toBe(1);
  });
});
