import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { parseOfstedManagementInformation } from "./ofsted.js";

const HEADER =
  '"Does the latest full inspection relate to the URN of the current school?",' +
  "URN at time of latest full inspection,Overall effectiveness,Inspection start date";

describe("parseOfstedManagementInformation", () => {
  it("when an inspection is of the current URN, then it is kept with its grade and date", () => {
    const { records } = parseOfstedManagementInformation(
      [csvTable([HEADER, "Yes,135317,1,2011-01-26"])],
      "mi",
    );
    expect(records.get(135317)).toEqual({ grade: 1, date: "2011-01-26", source: "mi" });
  });

  it("when the latest inspection was of a predecessor URN, then it is skipped", () => {
    const { records, skipped } = parseOfstedManagementInformation(
      [csvTable([HEADER, "No,122153,2,2015-03-01"])],
      "mi",
    );
    expect(records.size).toBe(0);
    expect(skipped.total).toBe(1);
  });

  it("when the grade is 9, then there is no judgement to keep", () => {
    const { records } = parseOfstedManagementInformation(
      [csvTable([HEADER, "Yes,135318,9,2019-01-01"])],
      "mi",
    );
    expect(records.size).toBe(0);
  });

  it("when a school appears in two files, then its most recent inspection wins", () => {
    const { records } = parseOfstedManagementInformation(
      [
        csvTable([HEADER, "Yes,140000,3,2017-05-01"]),
        csvTable([HEADER, "Yes,140000,2,2019-06-01"]),
      ],
      "mi",
    );
    expect(records.get(140000)).toMatchObject({ grade: 2, date: "2019-06-01" });
  });
});
