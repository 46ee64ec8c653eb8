import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { parseKs2, parseKs4 } from "./performance.js";

const KS2 = "URN,PCODE,TOWN,READPROG,WRITPROG,MATPROG,OFSTEDRATING,INSPECTIONDT,LATITUDE,LONGITUDE";
const KS4 =
  "URN,PCODE,TOWN,P8MEA,ATT8SCR,PTL2BASICS_95,OFSTEDRATING,INSPECTIONDT,LATITUDE,LONGITUDE";

describe("parseKs2", () => {
  it("when a school has scores, a rating and coordinates, then all are read with the inspection date", () => {
    const { records } = parseKs2(
      csvTable([
        KS2,
        "100000,EC3A 5DE,London,4.8,2.5,3.9,Outstanding,20130418,51.513662,-0.077486",
      ]),
      "ks2",
    );
    expect(records.get(100000)).toEqual({
      urn: 100000,
      postcode: "EC3A 5DE",
      town: "London",
      location: { latitude: 51.513662, longitude: -0.077486 },
      inspection: { grade: 1, date: "2013-04-18", source: "ks2" },
      readingProgress: 4.8,
      writingProgress: 2.5,
      mathsProgress: 3.9,
    });
  });

  it("when scores are SUPP or LOWCOV and there is no inspection, then they are missing", () => {
    const { records } = parseKs2(
      csvTable([KS2, "100001,EC3A 5DE,London,SUPP,LOWCOV,,,,51.5,-0.07"]),
      "ks2",
    );
    expect(records.get(100001)).toMatchObject({
      readingProgress: null,
      writingProgress: null,
      mathsProgress: null,
      inspection: null,
    });
  });

  it("when coordinates are outside the British Isles, then the location is dropped and counted", () => {
    const { records, skipped } = parseKs2(
      csvTable([KS2, "100002,EC3A 5DE,London,1,1,1,Good,20190101,0,0"]),
      "ks2",
    );
    expect(records.get(100002)?.location).toBeNull();
    expect(skipped.total).toBe(1);
  });
});

describe("parseKs4", () => {
  it("when Progress 8 is NP and the percentage has a % sign, then P8 is missing and the % is read", () => {
    const { records } = parseKs4(
      csvTable([
        KS4,
        "100001,EC2Y 8BB,London,NP,57.9,0%,Satisfactory,20110301,51.519129,-0.094509",
      ]),
      "ks4",
    );
    expect(records.get(100001)).toMatchObject({
      progress8: null,
      attainment8: 57.9,
      englishMathsGrade5Percent: 0,
      inspection: { grade: 3, date: "2011-03-01", source: "ks4" },
    });
  });

  it("when NE and SUPP appear, then the figures are missing", () => {
    const { records } = parseKs4(
      csvTable([KS4, "100002,EC2Y 8BB,London,SUPP,NE,NE,,,51.5,-0.09"]),
      "ks4",
    );
    expect(records.get(100002)).toMatchObject({
      progress8: null,
      attainment8: null,
      englishMathsGrade5Percent: null,
    });
  });
});
