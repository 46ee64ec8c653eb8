/**
 * The web app as a head teacher uses it, in a real browser against the real service: find a
 * school by a misspelt name, open its page, and read its Ofsted judgement, need band and figures
 * with the year and source of each. Every request stays on the service's own origin, and the
 * page breaks no rule of its Content-Security-Policy (a violation is logged as a console error).
 */
import { describe, expect, it } from "vitest";
import { eventually, useBrowserPages } from "../helpers/browser.js";

const pages = useBrowserPages();
const table = (caption: string) => pages.table(caption);

describe("Find a school", () => {
  it("when a head teacher types a misspelt name, then the school is found and its page shows Ofsted, need and figures with year and source", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/`);
    await page.getByLabel("Find a school").fill("Kewstok");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Kewstoke Primary School" }).click();

    await eventually(() => page.url()).toBe(`${base}/schools/109092`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Kewstoke Primary School");
    await eventually(() => page.title()).toBe("Kewstoke Primary School · School partnerships");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Inadequate (Serious weaknesses)");
    expect(text).toContain("Band 1: most in need of support");
    expect(text).toMatch(/Weston-Super-Mare · BS22 9YF · North Somerset · South West/);

    const history = await table("Inspection history, newest first")
      .getByRole("row")
      .allInnerTexts();
    expect(history.length).toBeGreaterThan(2);
    expect(history[1]).toMatch(/^15 October 2024\s+Graded, S5 inspection\s+Serious weaknesses\s/);
    expect(history.at(-1)).toMatch(/^21 January 2015\s+Graded\s+Good\s/);

    const pupils = page.getByRole("row", { name: /^Pupils/ });
    const cells = await pupils.getByRole("cell").allInnerTexts();
    expect(cells[0]).toMatch(/^\d+$/);
    expect(cells[1]).toMatch(/^\d{4}\/\d{2}$/);
    expect(cells[2]).toMatch(/\S/);
  });

  it("when a struggling school's page is read, then similar schools and partners come with their reasons drawn", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/schools/109092`);
    const similar = table("Similar schools, with why each is similar");
    await eventually(() => similar.getByRole("row").count()).toBe(11);
    // Each bar names the features that make up the school's distance, in its accessible label.
    const bar = similar.getByRole("row").nth(1).getByRole("img");
    expect(await bar.getAttribute("aria-label")).toMatch(
      /^(Number of pupils|Free school meals|Special educational needs): \d/,
    );

    const partners = table("Suggested partners, best first");
    await eventually(() => partners.getByRole("row").count()).toBeGreaterThan(1);
    const first = partners.getByRole("row").nth(1);
    expect(await first.getByRole("cell").nth(1).innerText()).toMatch(/^\d+\.\d km$/);
    expect(await first.getByRole("img").getAttribute("aria-label")).toContain("Close by:");
    expect(await page.getByText(/^Focus: /).innerText()).toMatch(/67% here in 2024\/25/);
  });

  it("when a school's address is shared, then it opens straight on that school's page", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/schools/136137`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Skinners' Academy");
    const partnerships = await page
      .locator("section", { hasText: "Partnerships and trust" })
      .innerText();
    expect(partnerships).toMatch(/Multi academy trust · \d+ schools/);
  });

  it("when a URN is unknown, then the page says so and offers the search", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/schools/999999999`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("No open school with URN 999999999");
    await page.getByRole("link", { name: "Find a school" }).click();
    await eventually(() => page.url()).toBe(`${base}/`);
  });

  it("when nothing matches, then the page says so in words", async () => {
    const page = pages.page();
    const base = pages.base();
    await page.goto(`${base}/?q=${encodeURIComponent("zzqqxx nowhere")}`);
    await expect
      .poll(() => page.getByText(/No school matches/).textContent())
      .toContain("zzqqxx nowhere");
  });
});
