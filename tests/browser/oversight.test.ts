/**
 * Support gaps as a regional oversight team reads them: a region chosen with the "Region"
 * control, coastal areas only, ranked by gap index; a row opens what each figure means and the
 * schools in need behind it; the table downloads as the CSV it shows.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();

describe("Support gaps", () => {
  it("when a regional lead chooses the South West's coastal areas, then they are ranked by gap index, explained in words, with their schools, and download as CSV", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight`);
    await page.getByLabel("Region").selectOption({ label: "South West" });
    await page.getByLabel("Coastal").check();
    await eventually(() => page.url()).toMatch(/\/oversight\/E12000009\?.*kind=COASTAL/);

    const gaps = pages.table("Support gaps");
    const areaCells = () => gaps.locator("tbody tr:not(.detail) td:nth-child(2)").allInnerTexts();
    // The table is replaced as each choice lands: wait for the coastal one.
    await eventually(async () => {
      const areas = await areaCells();
      return areas.length > 2 && areas.every((area) => area.includes("coastal"));
    }).toBe(true);
    const areas = await areaCells();
    const indexes = (await gaps.locator("tbody tr td:nth-child(3)").allInnerTexts()).map(Number);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));

    await gaps.locator("tbody tr").first().getByRole("button").click();
    const detail = gaps.locator("tr.detail");
    expect(await detail.innerText()).toMatch(
      /Gap index \d+(\.\d)?: that unmet need per 100 schools/,
    );
    expect(await detail.getByRole("link").count()).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      "support-gaps-E12000009-local_authority-coastal-real.csv",
    );
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0]).toMatch(/^rank,area code,area,level,local authority,gap index,/);
    expect(lines).toHaveLength(areas.length + 1);
    expect(lines[1]).toMatch(/^1,E0\d{7},/);
  });
});
