import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { parseSpc, SPC_COLUMNS } from "./spc.js";

const HEADER = SPC_COLUMNS.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");

function row(values: Partial<Record<(typeof SPC_COLUMNS)[number], string>>): string {
  const defaults: Record<(typeof SPC_COLUMNS)[number], string> = {
    time_period: "202223",
    urn: "100000",
    old_la_code: "201",
    new_la_code: "E09000001",
    la_name: "City of London",
    school_name: "The Aldgate School",
    laestab: "2013614",
    phase_type_grouping: "State-funded primary",
    sex_of_school_description: "Mixed",
    typeofestablishment_name: "Voluntary aided school",
    denomination: "Church of England",
    district_administrative_code: "E09000001",
    district_administrative_name: "City of London",
    parl_con_code: "E14000639",
    ward_code: "E05009308",
    ward_name: "Portsoken",
    urban_rural: "(England/Wales) Urban major conurbation",
    school_postcode: "EC3A 5DE",
    "headcount of pupils": "271",
    "% of pupils known to be eligible for free school meals": "18.1",
    "% of pupils whose first language is known or believed to be other than English": "53.5",
  };
  return SPC_COLUMNS.map((c) => values[c] ?? defaults[c]).join(",");
}

describe("parseSpc", () => {
  it("when a school row is complete, then it becomes a school with its figures and year", () => {
    const { records, rejections } = parseSpc(csvTable([HEADER, row({})]), new Set([201]));
    expect(rejections).toEqual([]);
    expect(records[0]).toMatchObject({
      urn: 100000,
      name: "The Aldgate School",
      laCode: 201,
      year: "2022/23",
      phase: "PRIMARY",
      governance: "MAINTAINED",
      stateFunded: true,
      pupils: 271,
      fsmPercent: 18.1,
      ealPercent: 53.5,
      postcode: "EC3A 5DE",
    });
  });

  it("when an independent school's figures are z, then they are missing rather than zero", () => {
    const independent = row({
      urn: "100544",
      phase_type_grouping: "Independent school",
      typeofestablishment_name: "Other independent school",
      "% of pupils known to be eligible for free school meals": "z",
      "% of pupils whose first language is known or believed to be other than English": "z",
      sex_of_school_description: "Unknown",
      school_postcode: "NULL",
    });
    const [school] = parseSpc(csvTable([HEADER, independent]), new Set([201])).records;
    expect(school).toMatchObject({
      phase: "NOT_APPLICABLE",
      governance: "INDEPENDENT",
      stateFunded: false,
      fsmPercent: null,
      ealPercent: null,
      gender: null,
      postcode: null,
    });
  });

  it("when rows are invalid or repeated, then each is rejected with its line and the rest load", () => {
    const table = csvTable(
      [
        HEADER,
        row({ urn: "abc" }),
        row({}),
        row({}),
        row({ urn: "100001", old_la_code: "999" }),
        row({ urn: "100002", phase_type_grouping: "Martian" }),
      ],
      "spc.csv",
    );
    const { records, rejections } = parseSpc(table, new Set([201]));
    expect(records.map((s) => s.urn)).toEqual([100000]);
    expect(rejections).toEqual([
      { file: "spc.csv", line: 2, reason: "invalid URN", detail: "abc" },
      { file: "spc.csv", line: 4, reason: "duplicate URN", detail: "100000" },
      { file: "spc.csv", line: 5, reason: "LA code not in the region hierarchy", detail: "999" },
      { file: "spc.csv", line: 6, reason: "unknown phase grouping", detail: "Martian" },
    ]);
  });
});
