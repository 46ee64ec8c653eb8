import { describe, expect, it } from "vitest";
import {
  LocalAuthoritiesByNameDocument,
  RegionsByNameDocument,
  SchoolsInAreaDocument,
  SearchSchoolsDocument,
} from "../__generated__/graphql.js";
import { normaliseSearchText } from "../../src/modules/search/search-text.js";
import { dataOf, useApi } from "../helpers/api.js";

const api = useApi();

const ALDGATE = 100000;
const BLACKPOOL_ST_JOHNS = 119595;
/** North Bridge House Senior School, Hampstead; it succeeded Royal School Hampstead (100083). */
const NORTH_BRIDGE_HOUSE_SENIOR = 100074;

type Kind =
  | "typo"
  | "no apostrophe"
  | "name and town"
  | "postcode"
  | "local authority"
  | "former name"
  | "URN";

/** Real searches and the school that must be among the first three, picked from the graph. */
const SEARCHES: [text: string, kind: Kind, urn: number][] = [
  ["aldgte", "typo", ALDGATE],
  ["blakpool st jhons", "typo", BLACKPOOL_ST_JOHNS],
  ["fitzjohn primry", "typo", 100026],
  ["Kate Greenway nursery", "typo", 100385],
  ["Rachel Macmillan nursery", "typo", 100097],
  ["fitzjohns primary school", "no apostrophe", 100026],
  ["kings oak school", "no apostrophe", 100204],
  ["st anthonys school for boys", "no apostrophe", 100070],
  ["central foundation boys school", "no apostrophe", 100458],
  ["childrens hospital school gt ormond street", "no apostrophe", 100060],
  ["st johns blackpool", "name and town", BLACKPOOL_ST_JOHNS],
  ["st marys hampstead", "name and town", 100067],
  ["gateway academy blackpool", "name and town", 142175],
  ["revoe blackpool", "name and town", 140673],
  ["FY1 3NX", "postcode", BLACKPOOL_ST_JOHNS],
  ["fy13nx", "postcode", BLACKPOOL_ST_JOHNS],
  ["EC3A 5DE", "postcode", ALDGATE],
  ["ec3a5de", "postcode", ALDGATE],
  ["NW3 6NP", "postcode", 100026],
  ["aldgate city of london", "local authority", ALDGATE],
  ["east hoathly east sussex", "local authority", 114501],
  ["farnham royal buckinghamshire", "local authority", 110435],
  ["royal school hampstead", "former name", NORTH_BRIDGE_HOUSE_SENIOR],
  ["savio salesian college", "former name", 149486],
  ["khalsa secondary academy", "former name", 149204],
  ["100083", "former name", NORTH_BRIDGE_HOUSE_SENIOR],
  ["119595", "URN", BLACKPOOL_ST_JOHNS],
];

async function search(text: string, first?: number) {
  return api().execute(SearchSchoolsDocument, { text, first });
}

describe("searchSchools: what people type", () => {
  it.each(SEARCHES)(
    "when %j is searched (%s), then school %i is in the first three",
    async (text, _kind, urn) => {
      const { searchSchools } = dataOf(await search(text, 3));
      expect(searchSchools.map((hit) => hit.school.urn)).toContain(urn);
    },
  );

  it("when the table is read, then it covers every kind of search the issue asks for", () => {
    const count = (kind: Kind) => SEARCHES.filter(([, k]) => k === kind).length;
    expect(SEARCHES.length).toBeGreaterThanOrEqual(20);
    expect(count("typo")).toBeGreaterThanOrEqual(3);
    expect(count("no apostrophe")).toBeGreaterThanOrEqual(3);
    expect(count("name and town")).toBeGreaterThanOrEqual(3);
    expect(count("postcode")).toBeGreaterThanOrEqual(3);
    expect(count("local authority")).toBeGreaterThanOrEqual(2);
    expect(count("former name")).toBeGreaterThanOrEqual(2);
  });
});

describe("searchSchools: ranking and answers", () => {
  it("when st johns blackpool is searched, then Blackpool St John's CE comes first, found by name and town", async () => {
    const { searchSchools } = dataOf(await search("st johns blackpool"));

    expect(searchSchools[0]?.school).toMatchObject({ urn: BLACKPOOL_ST_JOHNS, town: "Blackpool" });
    expect(searchSchools[0]?.matchedOn).toEqual(["name", "town or local authority"]);
    const scores = searchSchools.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("when aldgte is searched, then The Aldgate School comes first", async () => {
    const { searchSchools } = dataOf(await search("aldgte"));
    expect(searchSchools[0]?.school.urn).toBe(ALDGATE);
    expect(searchSchools[0]?.matchedOn).toEqual(["name"]);
  });

  it("when an outward code with a trailing space is searched, then every school is in that district, in Blackpool", async () => {
    const { searchSchools } = dataOf(await search("FY1 ", 20));

    expect(searchSchools.length).toBeGreaterThan(5);
    for (const hit of searchSchools) {
      expect(hit.school.postcode).toMatch(/^FY1 /);
      expect(hit.school.localAuthority?.code).toBe(890);
      expect(hit.matchedOn).toEqual(["postcode"]);
    }
  });

  it("when a postcode is searched with and without its space, then the same school comes first", async () => {
    const spaced = dataOf(await search("FY1 3NX"));
    const compact = dataOf(await search("fy13nx"));
    expect(spaced.searchSchools[0]?.school.urn).toBe(BLACKPOOL_ST_JOHNS);
    expect(compact.searchSchools[0]?.school.urn).toBe(BLACKPOOL_ST_JOHNS);
  });

  it("when a predecessor's old name or URN is searched, then the open school that replaced it is found and says why", async () => {
    const byName = dataOf(await search("royal school hampstead"));
    const byUrn = dataOf(await search("100083"));

    expect(byName.searchSchools[0]?.school.urn).toBe(NORTH_BRIDGE_HOUSE_SENIOR);
    expect(byName.searchSchools[0]?.matchedOn).toContain("former name");
    expect(byUrn.searchSchools[0]?.school.urn).toBe(NORTH_BRIDGE_HOUSE_SENIOR);
    expect(byUrn.searchSchools[0]?.matchedOn).toEqual(["former URN"]);
  });

  it("when a closed establishment's URN is searched, then it is not itself returned", async () => {
    const { searchSchools } = dataOf(await search("100083"));
    expect(searchSchools.map((hit) => hit.school.urn)).not.toContain(100083);
  });

  it("when first is 2, then at most two schools come back", async () => {
    const { searchSchools } = dataOf(await search("primary school", 2));
    expect(searchSchools).toHaveLength(2);
  });

  it("when the text is Lucene syntax, then it is searched as words and nothing fails", async () => {
    const result = await search('name:"aldgate" OR *:* AND (x~9)^100 \\');
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).searchSchools[0]?.school.urn).toBe(ALDGATE);
  });

  it("when nothing matches, then the answer is an empty list", async () => {
    const { searchSchools } = dataOf(await search("qqqqzzzzxx"));
    expect(searchSchools).toEqual([]);
  });
});

describe("searchSchools: refused input", () => {
  it.each([
    ["", "text"],
    ["   ", "text"],
    ["?! --", "text"],
    ["x".repeat(201), "text"],
  ])("when the text is %j, then BAD_USER_INPUT names %s", async (text, argument) => {
    const result = await search(text);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  });

  it.each([0, 51, -1])("when first is %i, then BAD_USER_INPUT names first", async (first) => {
    const result = await search("aldgate", first);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "first",
    });
  });
});

describe("the search fields the seed writes", () => {
  it("when schools with apostrophes, ampersands and punctuation are read, then Cypher normalised their names as the query side does", async () => {
    const result = await api().db.driver.executeQuery(
      `MATCH (s:School)
       WHERE s.name CONTAINS "'" OR s.name CONTAINS "&" OR s.name CONTAINS "(" OR s.name CONTAINS "."
       RETURN s.name AS name, s.searchName AS searchName ORDER BY s.urn LIMIT 300`,
    );
    const rows = result.records.map((record) => ({
      name: record.get("name") as string,
      searchName: record.get("searchName") as string | null,
    }));

    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((row) => row.searchName !== normaliseSearchText(row.name))).toEqual([]);
  });

  it("when every school is counted, then none lacks its search name", async () => {
    const result = await api().db.driver.executeQuery(
      "MATCH (s:School) WHERE s.searchName IS NULL RETURN count(s) AS missing",
    );
    expect(Number(result.records[0]?.get("missing"))).toBe(0);
  });
});

describe("places by name", () => {
  it.each([
    ["blackpool", ["Blackpool"]],
    ["EAST SUSSEX", ["East Sussex"]],
    ["st helens", ["St. Helens"]],
    ["kingston upon", ["Kingston upon Hull, City of", "Kingston upon Thames"]],
  ])("when local authorities are searched for %j, then %j come back", async (search, names) => {
    const { localAuthorities } = dataOf(
      await api().execute(LocalAuthoritiesByNameDocument, { search }),
    );
    expect(localAuthorities.map((la) => la.name)).toEqual(names);
  });

  it("when a search matches no local authority, then the answer is an empty list", async () => {
    const { localAuthorities } = dataOf(
      await api().execute(LocalAuthoritiesByNameDocument, { search: "atlantis" }),
    );
    expect(localAuthorities).toEqual([]);
  });

  it("when a region code and a search are both given, then both apply", async () => {
    const { localAuthorities } = dataOf(
      await api().execute(LocalAuthoritiesByNameDocument, {
        search: "sussex",
        regionCode: "E12000008",
      }),
    );
    expect(localAuthorities.map((la) => la.name)).toEqual(["East Sussex", "West Sussex"]);
  });

  it.each([
    ["north west", ["North West"]],
    ["east", ["East Midlands", "East of England", "North East", "South East"]],
    ["nowhere", []],
  ])("when regions are searched for %j, then %j come back", async (search, names) => {
    const { regions } = dataOf(await api().execute(RegionsByNameDocument, { search }));
    expect(regions.map((region) => region.name).sort()).toEqual(names);
  });

  it("when the place search is blank, then BAD_USER_INPUT names search", async () => {
    const result = await api().execute(RegionsByNameDocument, { search: "  " });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "search",
    });
  });
});

describe("unknown area codes in list queries", () => {
  it("when schools are filtered by an LA code no LA has, then NOT_FOUND names the argument", async () => {
    const result = await api().execute(SchoolsInAreaDocument, {
      filter: { localAuthorityCode: 999 },
      first: 5,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "filter.localAuthorityCode",
    });
  });

  it("when schools are filtered by a region code no region has, then NOT_FOUND names the argument", async () => {
    const result = await api().execute(SchoolsInAreaDocument, {
      filter: { regionCode: "E12000099" },
      first: 5,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "filter.regionCode",
    });
  });

  it("when local authorities are asked for a region code no region has, then NOT_FOUND names regionCode", async () => {
    const result = await api().execute(LocalAuthoritiesByNameDocument, {
      regionCode: "E12000099",
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      argument: "regionCode",
    });
  });

  it("when a known LA has no school matching the other filters, then the list is empty, not an error", async () => {
    const result = await api().execute(SchoolsInAreaDocument, {
      filter: { localAuthorityCode: 201, phase: "SPECIAL" },
      first: 5,
    });
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).schools.edges).toEqual([]);
  });
});
