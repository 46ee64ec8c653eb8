import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { readRow } from "./import.layouts.js";

function cells(values: Record<string, string>) {
  return { line: 7, cells: values };
}

const ADVISER = {
  reference: "SIP-1",
  council: "332",
  name: "Pat Example",
  kind: "SCHOOL_IMPROVEMENT_PARTNER",
  organisation: "Dudley Council",
  localAuthorityCode: "332",
  partnershipId: "",
};

const GRANT = {
  reference: "G-1",
  council: "332",
  fund: "STRATEGIC_SCHOOL_IMPROVEMENT_FUND",
  fundName: "",
  amountPence: "250000",
  matchedPence: "",
  matchedBy: "",
  funder: "Department for Education",
  awardedOn: "2024-09-01",
  startsOn: "2024-09-01",
  endsOn: "2025-08-31",
  purpose: "Maths mastery",
  recipientUrn: "103800",
  recipientPartnershipId: "",
};

describe("readRow", () => {
  it("when an adviser row is valid, then it becomes the registerAdviser request with its key", async () => {
    expect(await readRow("ADVISERS", cells(ADVISER))).toEqual({
      line: 7,
      council: 332,
      reference: "SIP-1",
      key: "ADVISERS|332|SIP-1",
      request: {
        name: "Pat Example",
        kind: "SCHOOL_IMPROVEMENT_PARTNER",
        organisation: "Dudley Council",
        localAuthorityCode: 332,
        partnershipId: null,
      },
    });
  });

  it("when a name is too short, then the input class's rule names the column", async () => {
    expect(await readRow("ADVISERS", cells({ ...ADVISER, name: "P" }))).toMatchObject({
      line: 7,
      reason: "`name`: must be 2 to 120 characters",
      code: "BAD_USER_INPUT",
    });
  });

  it("when a council officer has no council, then registerAdviser's rule names the column", async () => {
    const row = { ...ADVISER, kind: "COUNCIL_IMPROVEMENT_OFFICER", localAuthorityCode: "" };
    expect(await readRow("ADVISERS", cells(row))).toMatchObject({
      reason:
        "`localAuthorityCode`: a council improvement officer works for a council; give its code.",
    });
  });

  it("when a kind is not one of the enum's values, then the values are listed", async () => {
    expect(await readRow("ADVISERS", cells({ ...ADVISER, kind: "SIP" }))).toMatchObject({
      reason: expect.stringMatching(/^`kind`: must be one of COUNCIL_IMPROVEMENT_OFFICER, /),
    });
  });

  it("when the council is not a 3-digit code, then the row is refused", async () => {
    expect(await readRow("ADVISERS", cells({ ...ADVISER, council: "33" }))).toMatchObject({
      reason: expect.stringMatching(/^`council` must be a 3-digit DfE local authority code/),
    });
  });

  it("when a required cell is blank, then it is named", async () => {
    expect(await readRow("ADVISERS", cells({ ...ADVISER, reference: "" }))).toMatchObject({
      reason: "`reference`: is required.",
      reference: null,
    });
  });

  it("when a grant row is valid, then blank optional cells take the mutation's defaults", async () => {
    expect(await readRow("GRANTS", cells(GRANT))).toMatchObject({
      key: "GRANTS|332|G-1",
      fundName: "Strategic School Improvement Fund",
      request: { amountPence: 250000, matchedPence: 0, matchedBy: null, recipientUrn: 103800 },
    });
  });

  it("when an amount is not a number, then the row says so", async () => {
    expect(await readRow("GRANTS", cells({ ...GRANT, amountPence: "£2,500" }))).toMatchObject({
      reason: '`amountPence`: must be a number (got "£2,500").',
    });
  });

  it("when an amount is a fraction of a penny, then the input class's rule refuses it", async () => {
    expect(await readRow("GRANTS", cells({ ...GRANT, amountPence: "12.5" }))).toMatchObject({
      reason: "`amountPence`: must be a whole number of pence from 1 to 2000000000",
    });
  });

  it("when a date is not a real date, then the row names the column and the value", async () => {
    expect(await readRow("GRANTS", cells({ ...GRANT, awardedOn: "2024-02-30" }))).toMatchObject({
      reason: '`awardedOn`: must be a date as YYYY-MM-DD (got "2024-02-30").',
    });
  });

  it("when a grant ends before it starts, then recordGrant's rule names the column", async () => {
    expect(await readRow("GRANTS", cells({ ...GRANT, endsOn: "2024-08-01" }))).toMatchObject({
      reason: "`endsOn`: must not be before startsOn (2024-09-01).",
    });
  });

  it("when a grant names two recipients, then the whole row is refused", async () => {
    const row = { ...GRANT, recipientPartnershipId: "gias-1" };
    expect(await readRow("GRANTS", cells(row))).toMatchObject({
      reason:
        "`row`: give exactly one recipient, recipientUrn (a school) or recipientPartnershipId.",
    });
  });

  it("when an assignment names its adviser both ways, then it is refused", async () => {
    const row = {
      reference: "AS-1",
      council: "332",
      adviserReference: "SIP-1",
      adviserId: "svc-1",
      urn: "103800",
      since: "",
    };
    expect(await readRow("ADVISER_ASSIGNMENTS", cells(row))).toMatchObject({
      reason: expect.stringMatching(/^`row`: name the adviser by exactly one of/),
    });
  });

  it("when an assignment's URN is out of range, then the URN rule names the urn column", async () => {
    const row = { reference: "AS-1", council: "332", adviserReference: "SIP-1", urn: "0" };
    expect(await readRow("ADVISER_ASSIGNMENTS", cells(row))).toMatchObject({
      reason: "`urn`: must be a URN from 1 to 9999999",
    });
  });

  it("when an engagement row is valid, then a blank start stays null (today, or kept)", async () => {
    const row = {
      reference: "E-1",
      council: "888",
      systemLeaderId: "tsh-TSH0001",
      urn: "119000",
      focus: "Early reading",
      startOn: "",
    };
    expect(await readRow("SUPPORT_ENGAGEMENTS", cells(row))).toMatchObject({
      key: "SUPPORT_ENGAGEMENTS|888|E-1",
      request: { systemLeaderId: "tsh-TSH0001", urn: 119000, startOn: null },
    });
  });
});
