import { describe, expect, it } from "vitest";
import { csvTable } from "../testing/csv.js";
import { listColumns, parseSystemLeaderList, parseTeachingSchoolHubs } from "./sources.js";

const HUBS = "region_group,tsh_region_code,school_urn,lead_school_name,hub_name";

describe("parseTeachingSchoolHubs", () => {
  it("when a hub names its lead school, then it is read with its area code", () => {
    const { records, rejections } = parseTeachingSchoolHubs(
      csvTable([
        HUBS,
        'South East,SE6,136419,Dr Challoner\'s Grammar School,"Astra Teaching School Hub, Buckinghamshire"',
      ]),
    );

    expect(rejections).toEqual([]);
    expect(records).toEqual([
      {
        line: 2,
        hubCode: "SE6",
        regionGroup: "South East",
        leadUrn: 136419,
        leadSchoolName: "Dr Challoner's Grammar School",
        name: "Astra Teaching School Hub, Buckinghamshire",
      },
    ]);
  });

  it("when a row has no URN or repeats an area code, then it is rejected with its line", () => {
    const { records, rejections } = parseTeachingSchoolHubs(
      csvTable([HUBS, "X,EE1,,A,Hub A", "X,EE2,100,B,Hub B", "X,EE2,101,C,Hub C"]),
    );

    expect(records.map((hub) => hub.hubCode)).toEqual(["EE2"]);
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [2, "lead school URN is not a URN"],
      [4, "hub area code listed twice"],
    ]);
  });
});

describe("the --system-leaders list", () => {
  const header = "URN,Designation,Specialisms,Capacity";
  const columns = (line: string) => {
    const found = listColumns(line.split(","));
    if ("missing" in found) throw new Error(`missing ${found.missing.join(", ")}`);
    return found.columns;
  };

  it("when columns are named in any case, then they are found; when one is missing, it is named", () => {
    expect(listColumns(["urn", "DESIGNATION", "Specialisms", "capacity"])).toMatchObject({
      columns: { urn: "urn", designation: "DESIGNATION" },
    });
    expect(listColumns(["URN", "Designation"])).toEqual({ missing: ["specialisms", "capacity"] });
  });

  it("when rows are valid, then each becomes a designation, a blank capacity taking the default", () => {
    const { records, rejections } = parseSystemLeaderList(
      csvTable([
        header,
        "100000,NLE,Maths; Leadership,2",
        '100001,Specialist leader of education,"English, SEND",',
      ]),
      columns(header),
    );

    expect(rejections).toEqual([]);
    expect(records).toEqual([
      {
        line: 2,
        urn: 100000,
        designation: "NLE",
        specialisms: ["MATHEMATICS", "LEADERSHIP"],
        capacity: 2,
        capacityListed: true,
      },
      {
        line: 3,
        urn: 100001,
        designation: "SLE",
        specialisms: ["ENGLISH", "SEND"],
        capacity: 1,
        capacityListed: false,
      },
    ]);
  });

  it("when a row is wrong, then it is rejected with file, line and a reason naming the value", () => {
    const { records, rejections } = parseSystemLeaderList(
      csvTable(
        [
          header,
          "abc,NLE,,1",
          "100000,Head of maths,,1",
          "100000,LLE,Astrology,1",
          "100000,LLE,,0",
          "100000,LLE,,2.5",
        ],
        "leaders.csv",
      ),
      columns(header),
    );

    expect(records).toEqual([]);
    expect(rejections.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
      "leaders.csv:2: URN is not a URN",
      "leaders.csv:3: unknown designation",
      "leaders.csv:4: unknown specialism",
      "leaders.csv:5: capacity is not a whole number from 1 to 20",
      "leaders.csv:6: capacity is not a whole number from 1 to 20",
    ]);
    expect(rejections[2]?.detail).toContain('"Astrology"');
  });
});
