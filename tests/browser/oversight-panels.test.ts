/**
 * The oversight panels below the support gaps table, as a regional lead reads them for the North
 * West: each panel, once opened, shows what the service answers for the same region and supply
 * (asked here with the app's own operations through the same server); a panel downloads as the
 * CSV it shows; the supply choice changes the isolated schools.
 */
import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  AdviserCoverageDocument,
  ConvertorAcademiesDocument,
  FundingDocument,
  GapSensitivityDocument,
  IsolatedSchoolsDocument,
  LocalAuthoritiesOfRegionDocument,
  RecognitionDocument,
  RegionCoverageDocument,
  WhatWorksDocument,
  type TypedDocumentString,
} from "../../web/src/__generated__/graphql.js";
import { dataOf, type OperationResult } from "../helpers/api.js";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const NORTH_WEST = "E12000002";

/** Asks the server the page talks to, with the operation the page sends. */
async function ask<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(`${pages.base()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return dataOf((await response.json()) as OperationResult<TResult>);
}

/** Opens the panel with this heading and gives its body. */
async function openPanel(title: string): Promise<Locator> {
  const page = pages.page();
  const panel = page.locator("details.panel", {
    has: page.getByRole("heading", { level: 2, name: title, exact: true }),
  });
  await panel.locator("summary").click();
  return panel;
}

function table(panel: Locator, caption: string): Locator {
  return panel.locator("table", { has: pages.page().locator("caption", { hasText: caption }) });
}

function column(rows: Locator, n: number): Promise<string[]> {
  return rows.locator(`td:nth-child(${n}), th:nth-child(${n})`).allInnerTexts();
}

const en = (value: number) => value.toLocaleString("en-GB");

describe("Oversight panels", () => {
  it("when a regional lead opens the isolated schools, partnership coverage and convertor academies for the North West, then each shows the service's answer", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const [isolated, coverage, convertors] = await Promise.all([
      ask(IsolatedSchoolsDocument, { regionCode: NORTH_WEST, supply: "REAL", first: 20 }),
      ask(RegionCoverageDocument, { regionCode: NORTH_WEST }),
      ask(ConvertorAcademiesDocument, { regionCode: NORTH_WEST, supply: "REAL", first: 20 }),
    ]);

    const isolatedPanel = await openPanel("Isolated schools");
    const isolatedRows = table(isolatedPanel, "Isolated schools").locator("tbody tr");
    await eventually(() => isolatedRows.count()).toBe(isolated.isolatedSchools.length);
    expect(isolated.isolatedSchools.length).toBeGreaterThan(0);
    const links = await isolatedRows
      .locator("td:first-child a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(isolated.isolatedSchools.map((row) => `/schools/${row.school?.urn}`));
    const why = await column(isolatedRows, 4);
    expect(why.every((text) => text.startsWith("In no partnership"))).toBe(true);

    const coveragePanel = await openPanel("Partnership coverage by type");
    const typeRows = table(coveragePanel, "Partnership coverage by type").locator("tbody tr");
    await eventually(() => typeRows.count()).toBe(coverage.region!.coverage.byType.length);
    expect((await column(typeRows, 1)).map((text) => text.toLowerCase())).toEqual(
      coverage.region!.coverage.byType.map((row) => row.type.replace(/_/g, " ").toLowerCase()),
    );
    expect(await column(typeRows, 2)).toEqual(
      coverage.region!.coverage.byType.map((row) => en(row.schools)),
    );
    expect(await coveragePanel.innerText()).toContain(
      `Of North West's ${en(coverage.region!.coverage.schools)} state-funded schools, ${en(coverage.region!.coverage.schoolsInPartnership)}`,
    );
    const laRows = table(coveragePanel, "by local authority").locator("tbody tr");
    // Every authority with a state-funded school; not Cumbria, abolished in 2023.
    const withSchools = coverage.region!.localAuthorities.filter((la) => la.coverage.schools > 0);
    expect(withSchools.length).toBeLessThan(coverage.region!.localAuthorities.length);
    expect(await column(laRows, 1)).toEqual(withSchools.map((la) => la.name));

    const convertorPanel = await openPanel("Convertor academies supporting others");
    const academyRows = table(convertorPanel, "Convertor academies").locator("tbody tr");
    const support = convertors.convertorAcademiesSupport;
    await eventually(() => academyRows.count()).toBe(support.academies.length);
    expect(await academyRows.locator("td:first-child a").allInnerTexts()).toEqual(
      support.academies.map((academy) => academy.school?.name),
    );
    expect(await convertorPanel.innerText()).toContain(
      `North West has ${en(support.convertors)} convertor academies. A system leader is based at ${en(support.withSystemLeader)} of them; at ${en(support.supporting)}`,
    );
  });

  it("when a regional lead opens funding, adviser coverage and recognition for the North West, then each shows the service's answer in words", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const [funding, authorities, recognition] = await Promise.all([
      ask(FundingDocument, { regionCode: NORTH_WEST, from: null, to: null }),
      ask(LocalAuthoritiesOfRegionDocument, { regionCode: NORTH_WEST }),
      ask(RecognitionDocument, { regionCode: NORTH_WEST }),
    ]);

    const fundingPanel = await openPanel("Funding");
    const areaRows = table(fundingPanel, "Funding by local authority").locator("tbody tr");
    if (funding.fundingReport.grants === 0) {
      // No grant lands in the region (no open data lists grants): a sentence, not tables of zeros.
      await eventually(() => fundingPanel.innerText()).toContain(
        "No grant awarded at any date has money landing in North West",
      );
      expect(await areaRows.count()).toBe(0);
    } else {
      await eventually(() => areaRows.count()).toBe(funding.fundingReport.byArea.length);
      expect(await column(areaRows, 1)).toEqual(
        funding.fundingReport.byArea.map((row) => row.name ?? `LA ${row.localAuthorityCode}`),
      );
      expect(await column(areaRows, 5)).toEqual(
        funding.fundingReport.byArea.map((row) => en(row.schoolsFunded)),
      );
      expect(
        await table(fundingPanel, "Funding by local authority").locator("caption").innerText(),
      ).toContain("awarded at any date");
    }

    const firstLa = authorities.localAuthorities[0]!;
    const advisers = await ask(AdviserCoverageDocument, { localAuthorityCode: firstLa.code });
    const adviserPanel = await openPanel("Adviser coverage");
    await eventually(() => adviserPanel.getByLabel("Local authority").inputValue()).toBe(
      String(firstLa.code),
    );
    const bandRows = table(
      adviserPanel,
      `Adviser coverage by need band in ${firstLa.name}`,
    ).locator("tbody tr");
    await eventually(() => bandRows.count()).toBe(advisers.adviserCoverage.byNeedBand.length);
    expect(await column(bandRows, 3)).toEqual(
      advisers.adviserCoverage.byNeedBand.map((row) => en(row.schools)),
    );
    expect(await column(bandRows, 4)).toEqual(
      advisers.adviserCoverage.byNeedBand.map((row) => en(row.advised)),
    );
    expect(await adviserPanel.innerText()).toContain(
      `In ${firstLa.name}, ${en(advisers.adviserCoverage.advised)} of ${en(advisers.adviserCoverage.schools)} open state-funded schools`,
    );

    const recognitionPanel = await openPanel("Recognition");
    const answer = recognition.supportRecognition;
    await eventually(() => recognitionPanel.innerText()).toContain(
      `${en(answer.engagementsConsidered)} support engagements with schools in North West were considered; ${en(answer.engagementsCounted)} earn points.`,
    );
    if (answer.note) expect(await recognitionPanel.innerText()).toContain(answer.note);
    const leaderRows = table(recognitionPanel, "Recognised leaders").locator("tbody tr");
    expect(await leaderRows.count()).toBe(answer.leaders.length);
    expect(await column(leaderRows, 3)).toEqual(answer.leaders.map((l) => l.points.toFixed(2)));
  });

  it("when a regional lead opens what works and the ranking's sensitivity for the North West, then each shows the service's answer with its caveats", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const [impact, sensitivity] = await Promise.all([
      ask(WhatWorksDocument, { regionCode: NORTH_WEST, comparison: "FAMILY" }),
      ask(GapSensitivityDocument, {
        regionCode: NORTH_WEST,
        level: "LOCAL_AUTHORITY",
        kind: "ALL",
        supply: "REAL",
        top: 10,
      }),
    ]);

    const worksPanel = await openPanel("What works");
    const rows = table(worksPanel, "What works").locator("tbody tr");
    const measures = impact.impactByPartnershipType.flatMap((type) => type.measures);
    await eventually(() => rows.count()).toBe(measures.length);
    expect(await rows.locator("td:nth-last-child(2)").allInnerTexts()).toEqual(
      measures.map((measure) => measure.explanation),
    );
    expect(await rows.locator("td:last-child").allInnerTexts()).toEqual(
      measures.map((measure) => measure.beforeAfter.explanation),
    );
    const caveats = await worksPanel.locator("ul.caveats li").allInnerTexts();
    expect(caveats).toEqual([...new Set(impact.impactByPartnershipType.flatMap((t) => t.caveats))]);

    const sensitivityPanel = await openPanel("Sensitivity of the ranking");
    const scenarioRows = table(sensitivityPanel, "Sensitivity of the ranking").locator("tbody tr");
    const scenarios = sensitivity.gapSensitivity.scenarios;
    await eventually(() => scenarioRows.count()).toBe(scenarios.length);
    const names = (gaps: readonly { area: { name: string } }[]) =>
      gaps.map((gap) => gap.area.name).join(", ") || "None";
    expect(await column(scenarioRows, 3)).toEqual(scenarios.map((s) => names(s.entering)));
    expect(await column(scenarioRows, 4)).toEqual(scenarios.map((s) => names(s.leaving)));
    expect(await sensitivityPanel.innerText()).toContain(
      `The top 10 as ranked: ${names(sensitivity.gapSensitivity.baseline)}.`,
    );
  });

  it("when a regional lead switches to modelled supply, then the isolated schools change to the modelled answer, and download as the CSV shown", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/oversight/${NORTH_WEST}`);
    const [real, modelled] = await Promise.all([
      ask(IsolatedSchoolsDocument, { regionCode: NORTH_WEST, supply: "REAL", first: 20 }),
      ask(IsolatedSchoolsDocument, { regionCode: NORTH_WEST, supply: "MODELLED", first: 20 }),
    ]);
    const urns = (answer: typeof real) =>
      answer.isolatedSchools.map((row) => `/schools/${row.school?.urn}`);
    expect(urns(modelled)).not.toEqual(urns(real));

    const panel = await openPanel("Isolated schools");
    const rows = table(panel, "Isolated schools").locator("tbody tr");
    const shown = () =>
      rows.locator("td:first-child a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    await eventually(shown).toEqual(urns(real));

    await page.getByLabel("Modelled (adds synthetic leaders)").click();
    await eventually(() => page.url()).toMatch(/supply=MODELLED/);
    await eventually(shown).toEqual(urns(modelled));
    const nearest = modelled.isolatedSchools[0]!;
    expect(await rows.first().locator("td:nth-child(4)").innerText()).toContain(
      `is ${nearest.nearestLeaderKm!.toFixed(1)} km away`,
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`isolated-schools-${NORTH_WEST}-modelled.csv`);
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines[0]).toMatch(/^rank,urn,school,town,local authority,phase,need band,/);
    expect(lines.slice(1).map((line) => Number(line.split(",")[1]))).toEqual(
      modelled.isolatedSchools.map((row) => row.school?.urn),
    );
  });
});
