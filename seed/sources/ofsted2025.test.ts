import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { headlineGrade, OFSTED_2025_COLUMNS, parseOfsted2025 } from "./ofsted2025.js";

/** A row of the 2025 file with the given cells, blank elsewhere. */
function row(cells: Partial<Record<(typeof OFSTED_2025_COLUMNS)[number], string>>): string {
  return OFSTED_2025_COLUMNS.map((column) => JSON.stringify(cells[column] ?? "")).join(",");
}
const HEADER = OFSTED_2025_COLUMNS.map((column) => JSON.stringify(column)).join(",");

describe("parseOfsted2025", () => {
  it("when a school's latest graded inspection has no overall grade, then its key judgements, previous and ungraded inspections are kept", () => {
    const { records, rejections } = parseOfsted2025(
      csvTable([
        HEADER,
        row({
          URN: "107901",
          LAESTAB: "3832001",
          "School name": "Bankside Primary School",
          "Ofsted phase": "Primary",
          "Multi-academy trust UID": "",
          "Inspection number of latest graded inspection": "10345678",
          "Inspection type": "S5 Inspection",
          "Inspection start date": "04/02/2025",
          "URN at time of latest graded inspection": "107901",
          "Overall effectiveness": "Not judged",
          "Quality of education": "3",
          "Behaviour and attitudes": "2",
          "Personal development": "3",
          "Effectiveness of leadership and management": "3",
          "Safeguarding is effective?": "Yes",
          "Early years provision (where applicable)": "3",
          "Sixth form provision (where applicable)": "9",
          "Previous inspection number": "ITS1",
          "Previous inspection start date": "22/03/2011",
          "Previous graded inspection overall effectiveness": "2",
          "Previous quality of education": "9",
          "Date of latest ungraded inspection": "01/07/2025",
          "Ungraded inspection overall outcome": "Some aspects not as strong",
        }),
      ]),
      "ofsted-2025",
    );
    expect(rejections).toEqual([]);
    const school = records.get(107901);
    expect(school).toMatchObject({ laCode: 383, laestab: 3832001, multiAcademyTrustUid: null });
    expect(school?.inspections).toMatchObject([
      {
        id: "10345678",
        kind: "GRADED",
        date: "2025-02-04",
        overall: null,
        qualityOfEducation: 3,
        behaviourAndAttitudes: 2,
        earlyYears: 3,
        sixthForm: null,
        safeguardingEffective: true,
      },
      { id: "ITS1", kind: "GRADED", date: "2011-03-22", overall: 2, qualityOfEducation: null },
      { kind: "UNGRADED", date: "2025-07-01", outcome: "Some aspects not as strong" },
    ]);
  });

  it("when the LAESTAB is missing, then the row is rejected with its line", () => {
    const { records, rejections } = parseOfsted2025(
      csvTable([HEADER, row({ URN: "1", "School name": "A" })], "o.csv"),
      "ofsted-2025",
    );
    expect(records.size).toBe(0);
    expect(rejections).toMatchObject([{ file: "o.csv", line: 2, reason: "invalid LAESTAB" }]);
  });
});

describe("headlineGrade", () => {
  const none = {
    overall: null,
    qualityOfEducation: null,
    behaviourAndAttitudes: null,
    personalDevelopment: null,
    leadershipAndManagement: null,
  };
  it("when the overall grade is given, then it is the headline", () => {
    expect(headlineGrade({ ...none, overall: 2, qualityOfEducation: 3 })).toEqual({
      grade: 2,
      basis: "OVERALL_EFFECTIVENESS",
    });
  });
  it("when there is no overall grade, then the lowest key judgement is the headline", () => {
    expect(headlineGrade({ ...none, qualityOfEducation: 2, leadershipAndManagement: 4 })).toEqual({
      grade: 4,
      basis: "LOWEST_KEY_JUDGEMENT",
    });
  });
  it("when nothing was judged, then there is no headline", () => {
    expect(headlineGrade(none)).toBeNull();
  });
});
