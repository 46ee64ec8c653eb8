import { describe, expect, it } from "vitest";
import {
  editDistance,
  escapeLucene,
  isEmptySearch,
  matchedOn,
  normaliseSearchText,
  schoolSearchQuery,
  searchTerms,
  type SearchFields,
} from "./search-text.js";

describe("normaliseSearchText", () => {
  it.each([
    ["Blackpool St John's CE", "blackpool st johns ce"],
    ["St. John’s", "st johns"],
    ["Ss Peter & Paul", "ss peter and paul"],
    ["  Church (C.E.)  Primary—School ", "church c e primary school"],
    ["Ysgol Gymraeg Llundain/London", "ysgol gymraeg llundain london"],
    ["FY1 4AD", "fy1 4ad"],
    ["École Jeannine Manuel", "école jeannine manuel"],
  ])("when the text is %j, then it becomes %j", (text, expected) => {
    expect(normaliseSearchText(text)).toBe(expected);
  });
});

describe("escapeLucene", () => {
  it("when a word holds query syntax, then every special character is escaped", () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it("when input is full of query syntax, then the query built from it holds none of it unescaped", () => {
    const query = schoolSearchQuery(searchTerms('name:"x" OR *:* AND (y~9)^100'));
    expect(query).not.toContain("*:*");
    expect(query).not.toContain("name:");
    expect(query).not.toMatch(/\bOR\b.*\bOR\b.*\bAND\b.*y~9/);
  });
});

describe("searchTerms", () => {
  it("when a postcode is typed with its space, then the outward code and the whole postcode are both searched", () => {
    expect(searchTerms("FY1 3NX")).toEqual({
      words: [],
      numbers: [],
      postcodes: ["fy1", "fy13nx"],
      postcodePrefixes: [],
    });
  });

  it("when a postcode is typed without its space, then it is searched as it is", () => {
    expect(searchTerms("fy13nx").postcodes).toEqual(["fy13nx"]);
  });

  it("when only an outward code is typed, then it is searched exactly, not as a prefix of FY10", () => {
    expect(searchTerms("FY1 ")).toMatchObject({ postcodes: ["fy1"], postcodePrefixes: [] });
  });

  it("when a postcode is half typed, then its start is searched as a prefix", () => {
    expect(searchTerms("fy1 3n").postcodePrefixes).toEqual(["fy13n"]);
    expect(searchTerms("ec3a5").postcodePrefixes).toEqual(["ec3a5"]);
  });

  it("when a name, a town and a URN are mixed, then each is sorted by what it looks like", () => {
    expect(searchTerms("St John's Blackpool 119595")).toEqual({
      words: ["st", "johns", "blackpool"],
      numbers: ["119595"],
      postcodes: [],
      postcodePrefixes: [],
    });
  });

  it("when a word repeats, then it is searched once", () => {
    expect(searchTerms("school School SCHOOL").words).toEqual(["school"]);
  });

  it("when nothing but punctuation is typed, then there is nothing to search", () => {
    expect(isEmptySearch(searchTerms("?! -- '"))).toBe(true);
    expect(isEmptySearch(searchTerms("a"))).toBe(false);
  });
});

describe("schoolSearchQuery", () => {
  it("when a word is long enough, then it may be misspelt by one edit, and begun", () => {
    const query = schoolSearchQuery(searchTerms("aldgte"));
    expect(query).toContain("searchName:aldgte^4");
    expect(query).toContain("searchName:aldgte~1^2");
    expect(query).toContain("searchName:aldgte*^1.2");
  });

  it("when a word is short, then it must match exactly", () => {
    expect(schoolSearchQuery(searchTerms("oak"))).not.toContain("~");
  });

  it("when a word is nine letters or more, then two edits are allowed", () => {
    expect(schoolSearchQuery(searchTerms("blackpool"))).toContain("searchName:blackpool~2");
  });

  it("when st is typed, then saint is searched in the name too", () => {
    expect(schoolSearchQuery(searchTerms("st albans"))).toContain("searchName:saint^4");
  });

  it("when ce is typed, then the phrase church of england is searched in the name", () => {
    expect(schoolSearchQuery(searchTerms("ce primary"))).toContain(
      'searchName:"church of england"^4',
    );
  });

  it("when the query has several parts, then schools matching all of them get a bonus, and words close together another", () => {
    const query = schoolSearchQuery(searchTerms("st johns fy1"));
    expect(query).toMatch(/\(\(.*\) AND \(.*\) AND \(searchPostcode:fy1\^3\)\)\^1/);
    expect(query).toContain('searchName:"st johns"~4^3');
    expect(query).toContain('searchFormer:"st johns"~4^2');
  });

  it("when a postcode is searched, then only the postcode field is asked", () => {
    expect(schoolSearchQuery(searchTerms("FY1 3NX"))).toBe(
      "(searchPostcode:fy1^3) (searchPostcode:fy13nx^3) ((searchPostcode:fy1^3) AND (searchPostcode:fy13nx^3))^1",
    );
  });

  it("when a number is searched, then it is matched exactly in the name and among URNs", () => {
    expect(schoolSearchQuery(searchTerms("100083"))).toBe(
      "(searchName:100083^4 OR searchFormer:100083^1)",
    );
  });
});

describe("editDistance", () => {
  it.each([
    ["aldgate", "aldgte", 1],
    ["johns", "jhons", 1],
    ["blackpool", "blakpool", 1],
    ["school", "school", 0],
    ["kitten", "sitting", 3],
  ])("when %s and %s are compared, then they are %d edits apart", (a, b, distance) => {
    expect(editDistance(a, b, 5)).toBe(distance);
  });

  it("when the words differ by more than the limit, then it stops at limit + 1", () => {
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
  });
});

describe("matchedOn", () => {
  const fields: SearchFields = {
    searchName: "blackpool st johns church of england primary school",
    searchPlace: "blackpool",
    searchPostcode: "fy1 3nx fy13nx",
    searchFormer: "st johns ce school 117000 119595",
  };

  it("when name words and the town match, then both are named", () => {
    expect(matchedOn(searchTerms("st jhons blackpool"), fields, 119595)).toEqual([
      "name",
      "town or local authority",
      "former name",
    ]);
  });

  it("when the postcode matches, with or without its space, then postcode is named", () => {
    expect(matchedOn(searchTerms("FY1 3NX"), fields, 119595)).toEqual(["postcode"]);
    expect(matchedOn(searchTerms("fy13n"), fields, 119595)).toEqual(["postcode"]);
  });

  it("when the school's own URN or a predecessor's is typed, then they are told apart", () => {
    expect(matchedOn(searchTerms("119595"), fields, 119595)).toEqual(["URN"]);
    expect(matchedOn(searchTerms("117000"), fields, 119595)).toEqual(["former URN"]);
  });

  it("when a synonym is typed, then the name spelling it out counts as matched", () => {
    expect(matchedOn(searchTerms("ce"), { ...fields, searchFormer: "119595" }, 119595)).toEqual([
      "name",
    ]);
  });
});
