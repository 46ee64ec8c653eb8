import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import {
  formerEstablishments,
  linkDirection,
  normaliseEstablishmentLinks,
} from "./establishmentLinks.js";

const HEADER = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"';

describe("linkDirection", () => {
  it("when the type starts with Predecessor, then the linked URN came first", () => {
    expect(linkDirection("Predecessor")).toEqual({ linkIsPredecessor: true, reason: null });
    expect(linkDirection("Predecessor - merged")).toEqual({
      linkIsPredecessor: true,
      reason: "merged",
    });
  });

  it("when the type starts with Successor, then the linked URN came after", () => {
    expect(linkDirection("Successor - amalgamated")).toEqual({
      linkIsPredecessor: false,
      reason: "amalgamated",
    });
    expect(linkDirection("Successor - Split School")).toEqual({
      linkIsPredecessor: false,
      reason: "split",
    });
  });

  it("when the type names no direction, then it is not a succession", () => {
    expect(linkDirection("Sixth Form Centre Link")).toBeNull();
    expect(linkDirection("Result of Amalgamation")).toBeNull();
    expect(linkDirection("Merged - change in age range")).toBeNull();
  });
});

describe("normaliseEstablishmentLinks", () => {
  it("when GIAS lists a link from both ends, then it becomes one predecessor-to-successor pair", () => {
    const { records, skipped } = normaliseEstablishmentLinks(
      csvTable([
        HEADER,
        '100012,100021,"Rhyl Community Primary School","Successor - merged","31-08-2021"',
        '100021,100012,"Carlton Primary School","Predecessor","01-09-2021"',
      ]),
      "links",
    );
    expect(records.successions).toEqual([
      {
        predecessorUrn: 100012,
        successorUrn: 100021,
        reason: "merged",
        on: "2021-09-01",
        source: "links",
      },
    ]);
    expect(skipped.total).toBe(1);
  });

  it("when only the successor lists its predecessor, then the direction is still predecessor first", () => {
    const { records } = normaliseEstablishmentLinks(
      csvTable([
        HEADER,
        '100006,134643,"CCfL Key Stage 3 PRU","Predecessor - merged","01-01-2022"',
      ]),
      "links",
    );
    expect(records.successions[0]).toMatchObject({ predecessorUrn: 134643, successorUrn: 100006 });
    expect(records.linkNames.get(134643)).toBe("CCfL Key Stage 3 PRU");
  });

  it("when a link has no date or no direction, then it has a null date or is skipped", () => {
    const { records, skipped } = normaliseEstablishmentLinks(
      csvTable([
        HEADER,
        '100016,132245,"Kingsgate Primary School","Successor",""',
        '132838,100050,"Parliament Hill School","Sixth Form Centre School",""',
      ]),
      "links",
    );
    expect(records.successions).toEqual([
      { predecessorUrn: 100016, successorUrn: 132245, reason: null, on: null, source: "links" },
    ]);
    expect(skipped.total).toBe(1);
  });

  it("when a URN is malformed, then the row is rejected with its line", () => {
    const { rejections } = normaliseEstablishmentLinks(
      csvTable([HEADER, '100016,ABC,"X","Successor",""'], "links.csv"),
      "links",
    );
    expect(rejections).toEqual([
      { file: "links.csv", line: 2, reason: "invalid URN", detail: "ABC" },
    ]);
  });
});

describe("formerEstablishments", () => {
  it("when a URN in a succession is not a school, then it is a former establishment named from the links", () => {
    const former = formerEstablishments(
      [{ predecessorUrn: 1, successorUrn: 2, reason: null, on: null, source: "links" }],
      new Map([[1, "Old School"]]),
      new Set([2]),
    );
    expect(former).toEqual([{ urn: 1, name: "Old School" }]);
  });
});
