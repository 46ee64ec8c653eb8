/**
 * The rest of a school's page as governors read it, in a real browser against the real service:
 * its results year by year against its family's median, who in its family does better on a
 * chosen outcome (the choice kept in the address), and its collaboration roadmap. Every request
 * stays on the service's own origin and nothing is logged as an error.
 */
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const table = (caption: string) => pages.table(caption);

/** A coastal primary in Blackpool whose KS2 results fell after 2018/19. */
const GATEWAY = 142175;
/** Greenhaugh Primary School, Northumberland: 14 pupils, no KS2 results published. */
const GREENHAUGH = 122226;
const KS2 = "KS2 reading, writing and maths at the expected standard";

interface Family {
  number: number;
  size: number;
  run: { version: number };
  outcomeTrends: {
    outcome: string;
    comparisonYear: string | null;
    years: { year: string; value: number | null; familyMedian: number }[];
    doingBetter: { urn: number; value: number; school: { name: string } | null }[];
  }[];
}

async function familyOf(urn: number): Promise<Family> {
  const result = await pages.api().executeText(
    `query ($urn: Int!) { family(urn: $urn) { number size run { version }
       outcomeTrends { outcome comparisonYear years { year value familyMedian }
         doingBetter { urn value school { name } } } } }`,
    { urn },
  );
  const family = (result.data as { family: Family | null } | null)?.family;
  if (!family) throw new Error(`No family for ${urn}: run \`npm run families\`.`);
  return family;
}

describe("A school's page: results against its family, who does better, its roadmap", () => {
  it("when a governor finds Blackpool Gateway, then its KS2 trend is drawn against its family's median with the untested years as gaps", async () => {
    const page = pages.page();
    const base = pages.base();
    const family = await familyOf(GATEWAY);
    await page.goto(`${base}/`);
    await page.getByLabel("Find a school").fill("blackpool gateway");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Blackpool Gateway Academy" }).click();
    await eventually(() => page.url()).toBe(`${base}/schools/${GATEWAY}`);

    const trends = page.locator("section", {
      has: page.getByRole("heading", { name: "Results over the years, against its family" }),
    });
    await eventually(() => trends.innerText()).toContain(
      `family ${family.number} of primary schools (${family.size} schools`,
    );
    expect(await trends.innerText()).toContain(`families run ${family.run.version}`);
    const chart = trends.getByRole("img", { name: new RegExp(`^${KS2}, this school against`) });
    await expect.poll(() => chart.count()).toBe(1);

    const rows = await table(`${KS2} by year: this school and its family`)
      .getByRole("row")
      .allInnerTexts();
    const ks2 = family.outcomeTrends.find((t) => t.outcome === "KS2_RWM_EXPECTED")!;
    const latest = ks2.years.at(-1)!;
    expect(rows.find((row) => row.startsWith(latest.year))).toMatch(
      new RegExp(
        `^${latest.year.replace("/", "\\/")}\\s+${latest.value}%\\s+${Math.round(latest.familyMedian)}%`,
      ),
    );
    for (const untested of ["2019/20", "2020/21", "2021/22"]) {
      expect(rows.find((row) => row.startsWith(untested))).toMatch(/No figures for this year/);
    }
    // The chart shades the same three years and draws no point for them.
    expect(await chart.locator("text", { hasText: "no figures" }).count()).toBe(3);
    expect(await chart.locator("circle").count()).toBe(
      ks2.years.filter((y) => y.value !== null).length,
    );
  });

  it("when an outcome is chosen, then family members doing better are listed best first and the choice is in the address", async () => {
    const page = pages.page();
    const base = pages.base();
    const family = await familyOf(GATEWAY);
    const ks2 = family.outcomeTrends.find((t) => t.outcome === "KS2_RWM_EXPECTED")!;
    await page.goto(`${base}/schools/${GATEWAY}`);

    const outcome = page.getByRole("combobox", { name: "Outcome", exact: true });
    await eventually(() => outcome.count()).toBe(1);
    await outcome.selectOption("KS2_RWM_EXPECTED");
    await eventually(() => new URL(page.url()).searchParams.get("outcome")).toBe(
      "KS2_RWM_EXPECTED",
    );

    expect(ks2.doingBetter.length).toBeGreaterThan(0);
    const better = table(`Family members doing better on ${KS2} in ${ks2.comparisonYear}`);
    const rows = better.getByRole("row");
    await eventually(() => rows.count()).toBe(ks2.doingBetter.length + 1);
    const best = ks2.doingBetter[0]!;
    const first = rows.nth(1);
    expect(await first.getByRole("link").innerText()).toBe(best.school!.name);
    expect(await first.innerText()).toContain(`${Math.round(best.value)}%`);
    expect(await first.innerText()).toContain(ks2.comparisonYear!);
    await first.getByRole("link").click();
    await eventually(() => page.url()).toBe(`${base}/schools/${best.urn}`);
  });

  it("when a deep link names the outcome, then the page reloads to the same choice", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/schools/${GATEWAY}?outcome=KS2_RWM_EXPECTED`);
    const outcome = page.getByRole("combobox", { name: "Outcome", exact: true });
    await eventually(() => outcome.count()).toBe(1);
    expect(await outcome.inputValue()).toBe("KS2_RWM_EXPECTED");

    await page.reload();
    await eventually(() =>
      page.getByRole("combobox", { name: "Outcome", exact: true }).count(),
    ).toBe(1);
    expect(await page.getByRole("combobox", { name: "Outcome", exact: true }).inputValue()).toBe(
      "KS2_RWM_EXPECTED",
    );
    expect(
      await page.getByRole("heading", { level: 3, name: KS2, exact: true }).last().isVisible(),
    ).toBe(true);
  });

  it("when a secondary's outcome is chosen from a deep link, then the choice and its answer match the service", async () => {
    const page = pages.page();
    const base = pages.base();
    // Harris Academy Bermondsey: a secondary with KS4 results in 2018/19 and 2023/24.
    const urn = 131747;
    const family = await familyOf(urn);
    const attainment8 = family.outcomeTrends.find((t) => t.outcome === "KS4_ATTAINMENT8")!;
    await page.goto(`${base}/schools/${urn}?outcome=KS4_ATTAINMENT8`);
    const outcome = page.getByRole("combobox", { name: "Outcome", exact: true });
    await eventually(() => outcome.count()).toBe(1);
    expect(await outcome.inputValue()).toBe("KS4_ATTAINMENT8");
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "Who in its family does better" }),
    });
    if (attainment8.doingBetter.length === 0) {
      expect(await section.innerText()).toMatch(/No school in its family did better/);
    } else {
      await eventually(() =>
        table(`Family members doing better on KS4 Attainment 8 in ${attainment8.comparisonYear}`)
          .getByRole("row")
          .count(),
      ).toBe(attainment8.doingBetter.length + 1);
    }
    // Its KS4 years between 2018/19 and 2023/24 are gaps, not zeros.
    const rows = await table("KS4 Attainment 8 by year: this school and its family")
      .getByRole("row")
      .allInnerTexts();
    expect(rows.find((row) => row.startsWith("2020/21"))).toMatch(/No figures for this year/);
  });

  it("when a 14-pupil rural school with no published results is opened, then its trend says why, and partners are suggested on its Ofsted grade in words", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/schools/${GREENHAUGH}`);
    await eventually(() =>
      page.getByText(/^This school has no figure in any year held/).count(),
    ).toBe(1);
    expect(await page.locator("main").innerText()).toContain(
      "results are not published for very small cohorts",
    );

    const focus = page.getByText(/^Focus: Ofsted grade/);
    await eventually(() => focus.count()).toBe(1);
    expect(await focus.innerText()).toMatch(
      /^Focus: Ofsted grade, (Outstanding|Good|Requires improvement|Inadequate) here inspected \d{1,2} [A-Z][a-z]+ \d{4}\./,
    );
    const outcomes = await table("Suggested partners")
      .locator("tbody tr td:nth-child(4)")
      .allInnerTexts();
    expect(outcomes.length).toBeGreaterThan(0);
    for (const text of outcomes) {
      expect(text).toMatch(/^(Outstanding|Good)\s+inspected \d{1,2} [A-Z][a-z]+ \d{4}$/);
    }
  });

  it("when the roadmap is read, then each model it can take up comes with its steps in order", async () => {
    const page = pages.page();
    const base = pages.base();
    const { data } = (await pages.api().executeText(
      `query ($urn: Int!) { collaborationOptions(urn: $urn) {
         options { steps model { name } } unavailable { reason model { name } } } }`,
      { urn: GATEWAY },
    )) as {
      data: {
        collaborationOptions: {
          options: { steps: string[]; model: { name: string } }[];
          unavailable: { reason: string; model: { name: string } }[];
        };
      };
    };
    const roadmap = data.collaborationOptions;
    await page.goto(`${base}/schools/${GATEWAY}`);

    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "Collaboration roadmap" }),
    });
    expect(roadmap.options.length).toBeGreaterThan(0);
    const option = roadmap.options.find((o) => o.steps.length > 1)!;
    const steps = section.getByRole("list", { name: `Steps to ${option.model.name}` });
    await eventually(() => steps.getByRole("listitem").allInnerTexts()).toEqual(option.steps);
    for (const other of roadmap.options) {
      expect(
        await section.getByRole("heading", { name: other.model.name, exact: true }).count(),
      ).toBe(1);
    }
    if (roadmap.unavailable.length > 0) {
      expect(await section.innerText()).toContain(roadmap.unavailable[0]!.reason);
    }
  });
});
