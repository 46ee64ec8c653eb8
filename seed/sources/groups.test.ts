import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { normaliseCompanyNumber, parseGroupLinks, parseGroups } from "./groups.js";

const GROUPS =
  "Group UID,Group Name,Companies House Number,Group Type,Open date,Incorporated on (open date)," +
  "Group Status (code),Head of Group Title,Head of Group First Name,Head of Group Last Name";

describe("parseGroups", () => {
  it("when a multi-academy trust is open, then it is a partnership with its Companies House number", () => {
    const { records } = parseGroups(
      csvTable([
        GROUPS,
        "2044,ABBEY ACADEMIES TRUST,7890123.0,Multi-academy trust,,2012-01-05,OPEN,Not recorded,,Not recorded",
      ]),
      "groups",
    );
    expect(records.partnerships).toEqual([
      {
        id: "gias-2044",
        giasUid: 2044,
        name: "ABBEY ACADEMIES TRUST",
        type: "MULTI_ACADEMY_TRUST",
        status: "OPEN",
        companiesHouseNumber: "07890123",
        openedOn: "2012-01-05",
        source: "groups",
      },
    ]);
    expect(records.heads).toEqual([]);
  });

  it("when groups are closed, sponsors or children's centres, then they are skipped and counted", () => {
    const { records, skipped, rejections } = parseGroups(
      csvTable([
        GROUPS,
        "1000,Closed Federation,,Federation,2009-01-06,,CLOSED,,,",
        "2000,A Sponsor,,School sponsor,2010-01-01,,OPEN,,,",
        "80637,Central,,Children's Centres Group,1900-01-01,,OPEN,,,",
      ]),
      "groups",
    );
    expect(records.partnerships).toEqual([]);
    expect(rejections).toEqual([]);
    expect(Object.fromEntries(skipped.entries())).toEqual({
      "GIAS groups: closed or proposed groups": 1,
      "GIAS groups: school sponsors": 1,
      "GIAS groups: children's centres groups": 1,
    });
  });

  it("when a group names its head, then the head is a leader with a deterministic id", () => {
    const { records } = parseGroups(
      csvTable([
        GROUPS,
        "1183,Devon Moors Federation,,Federation,2010-02-01,,OPEN,Mr,Stephen,Mellor",
      ]),
      "groups",
    );
    expect(records.heads).toEqual([
      {
        id: "gias-group-head-1183-stephen-mellor",
        partnershipId: "gias-1183",
        title: "Mr",
        firstName: "Stephen",
        lastName: "Mellor",
        role: "Head of Group",
        source: "groups",
      },
    ]);
  });
});

describe("parseGroupLinks", () => {
  const HEADER = ",URN,Group UID,Group Type,Joined date";

  it("when a school joined a loaded partnership, then it is a membership; 1900-01-01 means no date", () => {
    const { records } = parseGroupLinks(
      csvTable([
        HEADER,
        "0,100165,16268,Multi-academy trust,2015-09-01",
        "1,100171,16268,Multi-academy trust,1900-01-01",
      ]),
      "links",
      new Set(["gias-16268"]),
      new Set([100165, 100171]),
    );
    expect(records).toEqual([
      { urn: 100165, partnershipId: "gias-16268", joinedOn: "2015-09-01", source: "links" },
      { urn: 100171, partnershipId: "gias-16268", joinedOn: null, source: "links" },
    ]);
  });

  it("when the member URN is not a known school, then the link is rejected with its line", () => {
    const { records, rejections } = parseGroupLinks(
      csvTable([HEADER, "0,100188,1247,Federation,2019-09-01"], "links.csv"),
      "links",
      new Set(["gias-1247"]),
      new Set([100000]),
    );
    expect(records).toEqual([]);
    expect(rejections).toEqual([
      {
        file: "links.csv",
        line: 2,
        reason: "member URN is not a school in the 2022/23 list",
        detail: "URN 100188 in group 1247",
      },
    ]);
  });

  it("when the group was not loaded, then the link is skipped, not rejected", () => {
    const { rejections, skipped } = parseGroupLinks(
      csvTable([HEADER, "0,20003,80637,Children's Centres Group,1900-01-01"]),
      "links",
      new Set(),
      new Set(),
    );
    expect(rejections).toEqual([]);
    expect(skipped.total).toBe(1);
  });
});

describe("normaliseCompanyNumber", () => {
  it("when the number lost its leading zero to a float, then it is padded to eight digits", () => {
    expect(normaliseCompanyNumber("6893415.0")).toBe("06893415");
    expect(normaliseCompanyNumber("12345678")).toBe("12345678");
    expect(normaliseCompanyNumber("")).toBeNull();
  });
});
