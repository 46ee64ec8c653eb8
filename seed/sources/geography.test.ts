import { describe, expect, it } from "vitest";
import { SkipCounter } from "../rejections.js";
import { csvTable } from "../testing/csv.js";
import { buildLocalAuthorities, parseDeprivation, parseLaHierarchy } from "./geography.js";

describe("parseLaHierarchy", () => {
  it("when a row has no single LA code or an English region, then it is passed over", () => {
    const { records, skipped } = parseLaHierarchy(
      csvTable([
        "region_code,region_name,old_la_code,la_name,new_la_code",
        "E12000007,London,201,City of London,E09000001",
        "E12000004,East Midlands,940 / 941,North / West Northamptonshire,E06000061 / E06000062",
        "z,z,702,British Forces overseas,z",
      ]),
    );
    expect(records).toEqual([
      { laCode: 201, name: "City of London", regionCode: "E12000007", gssCode: "E09000001" },
    ]);
    expect(skipped.total).toBe(2);
  });
});

describe("buildLocalAuthorities", () => {
  const hierarchy = [
    { laCode: 370, name: "Barnsley", regionCode: "E12000003", gssCode: "E08000016" },
    { laCode: 370, name: "Barnsley", regionCode: "E12000003", gssCode: "E08000038" },
    { laCode: 820, name: "Bedfordshire", regionCode: "E12000006", gssCode: "E10000001" },
    { laCode: 942, name: "Cumberland", regionCode: "E12000002", gssCode: "E06000063" },
  ];
  const listing = [
    { laCode: 370, gssCode: "E08000038", name: "Barnsley", live: true },
    { laCode: 942, gssCode: "E06000063", name: "Cumberland", live: true },
  ];

  it("when an LA has two E-codes, then the one its schools' census used wins", () => {
    const las = buildLocalAuthorities(
      hierarchy,
      listing,
      new Map([[370, "E08000016"]]),
      new SkipCounter(),
    );
    expect(las.find((la) => la.code === 370)?.gssCode).toBe("E08000016");
  });

  it("when an LA is abolished and has no schools, then it is left out; a live one stays", () => {
    const skipped = new SkipCounter();
    const las = buildLocalAuthorities(hierarchy, listing, new Map([[370, "E08000016"]]), skipped);
    expect(las.map((la) => la.code)).toEqual([370, 942]);
    expect(skipped.total).toBe(1);
  });
});

describe("parseDeprivation", () => {
  it("when a postcode is in lower case, then it is normalised so schools' postcodes find it", () => {
    const { records } = parseDeprivation(
      csvTable([
        "Postcode,LSOA code,Index of Multiple Deprivation Rank,Index of Multiple Deprivation Decile,Income Score,IDACI Rank,IDACI Decile,IDACI Score",
        "ol6 7hw,E01005650,1200,1,0.3,900,1,0.4",
      ]),
    );
    expect(records.get("OL6 7HW")).toEqual({
      lsoa: "E01005650",
      imdRank: 1200,
      imdDecile: 1,
      incomeScore: 0.3,
      idaciRank: 900,
      idaciDecile: 1,
      idaciScore: 0.4,
    });
  });
});
