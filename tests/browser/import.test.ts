/**
 * The import page as regional oversight uses it: signed in through the identity provider as
 * oversight of the East Midlands, a lead uploads a small advisers file for Derbyshire (830) with
 * one good row and one with an unknown kind, sees every row with its line and outcome (the bad
 * one with the service's reason), finds the good row recorded in the graph, and downloads the
 * report as the CSV shown. A file bigger than the service takes is refused in words before it
 * is sent. The references are unique to the run; what the import made is removed at the end.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/browser.js";
import { signInThroughIssuer, useSignInPages } from "../helpers/oidc-issuer.js";
import { query } from "../helpers/writes.js";

const RUN = `t${randomUUID().slice(0, 8)}`;
const LEAD = `import-lead-${RUN}`;
const PASSWORD = "correct horse battery staple";
const DERBYSHIRE = 830;
const pages = useSignInPages({
  accounts: {
    [LEAD]: { password: PASSWORD, claims: { role: "OVERSIGHT", regionCodes: ["E12000004"] } },
  },
});

const HEADER = "reference,council,name,kind,organisation,localAuthorityCode,partnershipId";
/**
 * As a spreadsheet saves it: CRLF line ends and a quoted name with a comma, and a blank line at
 * the end, which is no row.
 */
const ADVISERS_FILE = [
  HEADER,
  `${RUN}-A1,${DERBYSHIRE},"Example, Pat",SCHOOL_IMPROVEMENT_PARTNER,Derbyshire County Council,${DERBYSHIRE},`,
  `${RUN}-A2,${DERBYSHIRE},Kim Partner,SIP,Derbyshire County Council,${DERBYSHIRE},`,
  "",
].join("\r\n");

afterAll(async () => {
  await query(
    pages.api().db,
    `MATCH (a:Adviser) WHERE a.importKey STARTS WITH $key DETACH DELETE a`,
    {
      key: `ADVISERS|${DERBYSHIRE}|${RUN}-`,
    },
  );
  await query(pages.api().db, `MATCH (e:AuditEvent) WHERE e.actorSub = $sub DETACH DELETE e`, {
    sub: LEAD,
  });
});

describe("Import council records", () => {
  it("when an oversight lead uploads an advisers file with a good and a bad row, then each row is reported with its line and outcome, the good one is recorded, and the report downloads as CSV", async () => {
    const page = pages.page();
    await signInThroughIssuer(pages, LEAD, PASSWORD, "/import");
    await eventually(() => page.locator("header").innerText()).toContain(
      `Signed in as ${LEAD} (oversight, East Midlands)`,
    );

    await page.getByLabel("What the file holds").selectOption({ label: "Advisers" });
    await page.getByLabel("CSV file").setInputFiles({
      name: "advisers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(ADVISERS_FILE),
    });
    await page.getByRole("button", { name: "Import" }).click();

    const report = page.locator("table", {
      has: page.locator("caption", { hasText: "Rows of advisers.csv" }),
    });
    await eventually(() => report.count()).toBe(1);
    const rows = await Promise.all(
      (await report.locator("tbody tr").all()).map((row) => row.locator("td").allTextContents()),
    );
    expect(rows).toEqual([
      ["2", `${RUN}-A1`, "Accepted: new, recorded", ""],
      [
        "3",
        `${RUN}-A2`,
        "Rejected: the row itself",
        '`kind`: must be one of COUNCIL_IMPROVEMENT_OFFICER, SCHOOL_IMPROVEMENT_PARTNER, TRUST_SCHOOL_IMPROVEMENT_LEAD (got "SIP").',
      ],
    ]);
    expect(await page.locator(".summary").innerText()).toContain(
      "advisers.csv: 2 rows. Rows new: 1; updated: 0; unchanged: 0; rejected: 1.",
    );

    const recorded = await query<{ name: string; createdBy: string }>(
      pages.api().db,
      `MATCH (a:Adviser) WHERE a.importKey STARTS WITH $key
       RETURN a.name AS name, a.createdBy AS createdBy`,
      { key: `ADVISERS|${DERBYSHIRE}|${RUN}-` },
    );
    expect(recorded).toEqual([{ name: "Example, Pat", createdBy: LEAD }]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the report as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("import-report-advisers-advisers.csv");
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    expect(lines).toEqual([
      "line,reference,outcome,code,reason",
      `2,${RUN}-A1,IMPORTED,,`,
      `3,${RUN}-A2,REJECTED,BAD_USER_INPUT,"\`kind\`: must be one of COUNCIL_IMPROVEMENT_OFFICER, SCHOOL_IMPROVEMENT_PARTNER, TRUST_SCHOOL_IMPROVEMENT_LEAD (got ""SIP"")."`,
    ]);
  });

  it("when the file is bigger than the service takes, then the page says so in words and sends nothing", async () => {
    const page = pages.page();
    await signInThroughIssuer(pages, LEAD, PASSWORD, "/import");
    await eventually(() => page.getByLabel("CSV file").count()).toBe(1);
    const row = `${RUN}-BIG,${DERBYSHIRE},Pat Example,SCHOOL_IMPROVEMENT_PARTNER,Derbyshire County Council,${DERBYSHIRE},\n`;
    let sent = 0;
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql") && request.postData()?.includes("importRecords"))
        sent++;
    });

    await page.getByLabel("CSV file").setInputFiles({
      name: "big.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(HEADER + "\n" + row.repeat(1_200)),
    });
    await page.getByRole("button", { name: "Import" }).click();

    const alert = page.getByRole("alert");
    await eventually(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(
      /^big\.csv is too big to send: it is [\d,]+ bytes, and this service takes requests of at most 100,000 bytes \(its MAX_REQUEST_BYTES setting\)\. Split the file into smaller ones\.$/,
    );
    expect(sent).toBe(0);
  });
});
