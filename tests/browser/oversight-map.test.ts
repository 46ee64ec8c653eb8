/**
 * The oversight dashboard as a regional lead for the North West sees it: the map draws every
 * local authority of the region and every state-funded school in it that has a location, checked
 * against the database itself; the "Support gaps" table equals the API's answer under either
 * supply; and the address brings the same view back after a reload.
 */
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const NORTH_WEST = "E12000002";

async function readList(cypher: string): Promise<number[]> {
  const { records } = await pages
    .api()
    .db.driver.executeQuery(cypher, { region: NORTH_WEST }, { routing: "READ" });
  return (records[0]!.get("values") as unknown[]).map(Number).sort((a, b) => a - b);
}

async function attributes(selector: string, name: string): Promise<number[]> {
  const values = await pages
    .page()
    .locator(selector)
    .evaluateAll((elements, attribute) => elements.map((e) => e.getAttribute(attribute)), name);
  return values.map(Number).sort((a, b) => a - b);
}

const SUPPORT_GAPS = `query ($regionCode: String, $supply: SupplyMode) {
  supportGaps(regionCode: $regionCode, level: LOCAL_AUTHORITY, kind: ALL, supply: $supply, first: 50) {
    area { name }
    gapIndex
    needSchools
    totalSchools
  }
}`;

interface Gap {
  area: { name: string };
  gapIndex: number;
  needSchools: number;
  totalSchools: number;
}

/** The rows the API gives, as the table writes them. */
async function apiRows(supply: "REAL" | "MODELLED"): Promise<string[][]> {
  const result = await pages.api().executeText(SUPPORT_GAPS, { regionCode: NORTH_WEST, supply });
  expect(result.errors).toBeUndefined();
  const gaps = (result.data as { supportGaps: Gap[] }).supportGaps;
  return gaps.map((gap, index) => [
    String(index + 1),
    gap.area.name,
    gap.gapIndex.toFixed(1),
    `${gap.needSchools} of ${gap.totalSchools}`,
  ]);
}

async function tableRows(): Promise<string[][]> {
  const rows = pages.table("Support gaps").locator("tbody tr:not(.detail)");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")];
      return [
        cells[0]!.textContent!.trim(),
        cells[1]!.querySelector("button")!.textContent!.trim(),
        cells[2]!.textContent!.trim(),
        cells[3]!.textContent!.trim(),
      ];
    }),
  );
}

describe("Oversight map", () => {
  it("when the North West dashboard opens, then it draws one shape per North West LA and one point per located state-funded school, and says how many have no location", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const map = page.getByRole("img", { name: /^North West: / });
    await eventually(() => map.locator("circle[data-urn]").count()).toBeGreaterThan(3000);

    const laCodes = await readList(
      `MATCH (la:LocalAuthority)-[:IN_REGION]->(:Region {code: $region})
       WHERE EXISTS { MATCH (s:School {laCode: la.code}) WHERE s.stateFunded }
       RETURN collect(la.code) AS values`,
    );
    expect(laCodes).toHaveLength(24);
    expect(await attributes("svg.area-map [data-la-code]", "data-la-code")).toEqual(laCodes);

    const located = await readList(
      `MATCH (s:School) WHERE s.stateFunded AND s.regionCode = $region AND s.location IS NOT NULL
       RETURN collect(s.urn) AS values`,
    );
    expect(await attributes("svg.area-map circle[data-urn]", "data-urn")).toEqual(located);

    const [unlocated] = await readList(
      `MATCH (s:School) WHERE s.stateFunded AND s.regionCode = $region AND s.location IS NULL
       RETURN [count(s)] AS values`,
    );
    await expect
      .poll(() => page.locator(".map-figure").innerText())
      .toContain(`${unlocated} state-funded schools in North West have no known location`);

    // Real supply: the region's Teaching School Hubs, and no synthetic leader.
    const hubs = await readList(
      `MATCH (l:SystemLeader {designation: "TEACHING_SCHOOL_HUB", regionCode: $region})
       WHERE l.location IS NOT NULL RETURN [count(l)] AS values`,
    );
    expect(await map.locator(".marker.hub").count()).toBe(hubs[0]);
    expect(await map.locator(".marker.leader").count()).toBe(0);

    // A school's point opens its page.
    const urn = await map.locator("circle.need-1").first().getAttribute("data-urn");
    await map.locator("circle.need-1").first().dispatchEvent("click");
    await eventually(() => page.url()).toBe(`${pages.base()}/schools/${urn}`);
  });

  it("when the supply is switched to modelled and the page reloaded, then the Support gaps table equals the API's answer for each supply and the view comes back", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const real = await apiRows("REAL");
    await eventually(tableRows).toEqual(real);

    await page.getByLabel("Modelled (adds synthetic leaders)").check();
    await eventually(() => page.url()).toContain("supply=MODELLED");
    const modelled = await apiRows("MODELLED");
    expect(modelled).not.toEqual(real);
    await eventually(tableRows).toEqual(modelled);
    // The map counts the synthetic leaders too.
    await eventually(() => page.locator("svg.area-map .marker.leader").count()).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(() => page.getByLabel("Region").inputValue()).toBe(NORTH_WEST);
    expect(await page.getByLabel("Modelled (adds synthetic leaders)").isChecked()).toBe(true);
    await eventually(tableRows).toEqual(modelled);
  });
});
