/**
 * The region's assignment plan on a leader's page: the schools the plan gives this leader, and the
 * region's need covered and left over by area, each as the service answers `supportAssignments`
 * for the leader's region (asked here with the app's own operation through the same server).
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  AssignmentPlanDocument,
  type AssignmentPlanQuery,
} from "../../web/src/__generated__/graphql.js";
import { dataOf, type OperationResult } from "../helpers/api.js";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const NORTH_WEST = "E12000002";

async function northWestPlan() {
  const response = await fetch(`${pages.base()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({
      query: AssignmentPlanDocument.toString(),
      variables: { regionCode: NORTH_WEST, supply: "REAL" },
    }),
  });
  return dataOf((await response.json()) as OperationResult<AssignmentPlanQuery>).supportAssignments;
}

describe("The region's assignment plan", () => {
  it("when a leader the North West's plan assigns is opened, then its page lists the schools assigned to it and the region's need covered and left over, as the service answers, and downloads them", async () => {
    const plan = await northWestPlan();
    const leaderId = plan.assignments[0]?.systemLeader?.id;
    expect(leaderId).toBeDefined();
    const mine = plan.assignments.filter((a) => a.systemLeader?.id === leaderId);

    const page = pages.page();
    await page.goto(`${pages.base()}/leaders/${leaderId}`);
    const assigned = pages.table("Schools this leader is assigned").locator("tbody tr");
    await eventually(() => assigned.count()).toBe(mine.length);
    expect(
      await assigned
        .locator("td:first-child a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ).toEqual(mine.map((a) => `/schools/${a.school?.urn}`));
    expect(await assigned.locator("td:nth-child(3)").allInnerTexts()).toEqual(
      mine.map((a) => `${a.distanceKm.toFixed(1)} km`),
    );

    const summary = pages.table("The region's plan: need covered");
    expect(await summary.locator("td").allInnerTexts()).toEqual([
      String(plan.leaders),
      String(plan.availableCapacity),
      String(plan.needSchools),
      String(plan.assignedSchools),
      `${plan.coveredWeight} of ${plan.needWeight}`,
    ]);

    const leftOver = pages.table("Need left over by area").locator("tbody tr");
    expect(await leftOver.locator("td:first-child").allInnerTexts()).toEqual(
      plan.unmet.map((row) =>
        row.area.level === "DISTRICT" && row.localAuthority
          ? `${row.area.name}\n${row.localAuthority.name}`
          : row.area.name,
      ),
    );
    expect(await leftOver.locator("td:nth-child(2)").allInnerTexts()).toEqual(
      plan.unmet.map((row) => String(row.needSchools)),
    );

    const section = page.locator("section", { has: pages.table("Need left over by area") });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("button", { name: "Download as CSV" }).last().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`assignment-plan-left-over-${NORTH_WEST}-real.csv`);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0]).toBe("area code,area,level,local authority,schools left,pupils,need weight");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(
      plan.unmet.map((row) => row.area.code),
    );
  });
});
