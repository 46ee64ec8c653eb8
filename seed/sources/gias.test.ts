import { describe, expect, it } from "vitest";
import { DataFileError } from "../../src/errors/index.js";
import { csvTable } from "../testing/csv.js";
import { extractDateOf, GIAS_COLUMNS, GIAS_EXPECTED, parseGiasExtract } from "./gias.js";

const COLUMNS = [...GIAS_COLUMNS, "OfstedLastInsp", "OfstedRating (name)", "LastChangedDate"];

function giasRow(values: Record<string, string>): string {
  const defaults: Record<string, string> = {
    URN: "115850",
    "LA (code)": "850",
    EstablishmentNumber: "2000",
    EstablishmentName: "Alton Infant School",
    "TypeOfEstablishment (name)": "Community school",
    "EstablishmentStatus (name)": "Open",
    "PhaseOfEducation (name)": "Primary",
    StatutoryLowAge: "4",
    StatutoryHighAge: "7",
    "Gender (name)": "Mixed",
    "ReligiousCharacter (name)": "Does not apply",
    CensusDate: "21-01-2021",
    NumberOfPupils: "138",
    PercentageFSM: "21.7",
    Town: "Alton",
    Postcode: "GU34 1DH",
    "HeadTitle (name)": "Mr",
    HeadFirstName: "Richard",
    HeadLastName: "Mead",
    HeadPreferredJobTitle: "Headteacher",
    OfstedLastInsp: "23-01-2019",
    "OfstedRating (name)": "Good",
    LastChangedDate: "17-03-2022",
  };
  return COLUMNS.map((c) => `"${values[c] ?? defaults[c] ?? ""}"`).join(",");
}

const header = COLUMNS.map((c) => `"${c}"`).join(",");

describe("parseGiasExtract", () => {
  it("when an establishment is open, then its facts carry the census year and its head is a leader", () => {
    const { records } = parseGiasExtract(csvTable([header, giasRow({})]), "2022-04-20", "gias-x");
    expect(records).toEqual([
      {
        urn: 115850,
        detailsAsOf: "2022-04-20",
        detailsSource: "gias-x",
        details: {
          name: "Alton Infant School",
          laestab: 8502000,
          phase: "PRIMARY",
          establishmentType: "Community school",
          governance: "MAINTAINED",
          stateFunded: true,
          status: "Open",
          gender: "Mixed",
          religiousCharacter: "No religious character",
          statutoryLowAge: 4,
          statutoryHighAge: 7,
          postcode: "GU34 1DH",
          town: "Alton",
        },
        pupils: { value: 138, year: "2020/21", source: "gias-x" },
        fsmPercent: { value: 21.7, year: "2020/21", source: "gias-x" },
        ofsted: { rating: "Good", grade: 2, date: "2019-01-23", source: "gias-x" },
        head: {
          id: "gias-head-115850-richard-mead",
          urn: 115850,
          title: "Mr",
          firstName: "Richard",
          lastName: "Mead",
          role: "Headteacher",
        },
      },
    ]);
  });

  it("when an establishment is closed, then it is skipped and counted", () => {
    const { records, skipped } = parseGiasExtract(
      csvTable([header, giasRow({ "EstablishmentStatus (name)": "Closed" })]),
      "2022-04-20",
      "gias-x",
    );
    expect(records).toEqual([]);
    expect(skipped.entries()).toEqual([["GIAS extract: closed establishments", 1]]);
  });

  it("when no head is named or the job title is blank, then there is no head or the role is Headteacher", () => {
    const { records } = parseGiasExtract(
      csvTable([
        header,
        giasRow({ URN: "1", HeadFirstName: "", HeadLastName: "", "HeadTitle (name)": "" }),
        giasRow({ URN: "2", HeadPreferredJobTitle: "", "HeadTitle (name)": "Not recorded" }),
      ]),
      "2022-04-20",
      "gias-x",
    );
    expect(records[0]?.head).toBeNull();
    expect(records[1]?.head).toMatchObject({ role: "Headteacher", title: null });
  });

  it("when a file lacks the GIAS columns, then reading it fails with a message saying what was expected", () => {
    expect(() =>
      csvTable(["URN,Name", "1,A"], "upload.csv", {
        required: GIAS_COLUMNS,
        expected: GIAS_EXPECTED,
      }),
    ).toThrow(DataFileError);
    expect(() =>
      csvTable(["URN,Name", "1,A"], "upload.csv", {
        required: GIAS_COLUMNS,
        expected: GIAS_EXPECTED,
      }),
    ).toThrow(/upload.csv is not a GIAS establishment extract .* lacks the columns "LA \(code\)"/);
  });
});

describe("extractDateOf", () => {
  const table = csvTable([
    header,
    giasRow({}),
    giasRow({ URN: "2", LastChangedDate: "20-04-2022" }),
  ]);

  it("when the file has the official name, then the date comes from the name", () => {
    expect(extractDateOf("edubasealldata20220420.csv", table)).toBe("2022-04-20");
    expect(extractDateOf("gias_edubasealldata_2022-04-20_hampshire_surrey.csv", table)).toBe(
      "2022-04-20",
    );
  });

  it("when the file was renamed, then the latest LastChangedDate dates it", () => {
    expect(extractDateOf("schools.csv", table)).toBe("2022-04-20");
  });
});
