import { describe, expect, it } from "vitest";
import {
  academicYearFromPeriod,
  academicYearOf,
  normalisePostcode,
  parseDate,
  parseNumber,
  parsePercent,
  parseText,
  parseUrn,
  postcodeDistrict,
  postcodeSector,
} from "./values.js";

describe("parseNumber", () => {
  it.each(["z", "x", "c", "SUPP", "NP", "NE", "LOWCOV", "NA", "", " ", ":", "..", "NULL"])(
    "when the cell is the marker %j, then the figure is missing, not zero",
    (cell) => {
      expect(parseNumber(cell)).toBeNull();
    },
  );

  it("when the cell is a number with spaces, a sign or thousands separators, then it is read", () => {
    expect(parseNumber(" -0.5 ")).toBe(-0.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("0")).toBe(0);
  });
});

describe("parsePercent", () => {
  it("when the cell carries a % sign, then the sign is stripped", () => {
    expect(parsePercent("16.7%")).toBe(16.7);
    expect(parsePercent("0%")).toBe(0);
    expect(parsePercent("53.5")).toBe(53.5);
  });

  it("when the cell is a suppression marker with a % sign, then the figure is missing", () => {
    expect(parsePercent("x%")).toBeNull();
    expect(parsePercent("%")).toBeNull();
  });
});

describe("parseUrn", () => {
  it("when the cell is a positive whole number, then it is the URN", () => {
    expect(parseUrn("100000")).toBe(100000);
  });

  it.each(["NAT", "0", "-5", "12.5", "", "12345678"])(
    "when the cell is %j, then there is no URN",
    (cell) => {
      expect(parseUrn(cell)).toBeNull();
    },
  );
});

describe("parseText", () => {
  it("when the cell is a placeholder for nothing, then the text is missing", () => {
    for (const cell of [
      "",
      "Not recorded",
      "Not applicable",
      "NULL",
      "Unknown",
      "Not-applicable",
    ]) {
      expect(parseText(cell)).toBeNull();
    }
  });

  it("when the cell has runs of spaces, then they are collapsed", () => {
    expect(parseText("  St  Mary's ")).toBe("St Mary's");
  });
});

describe("parseDate", () => {
  it("when the date is in any of the sources' formats, then it becomes yyyy-mm-dd", () => {
    expect(parseDate("20140204")).toBe("2014-02-04");
    expect(parseDate("31-08-2021")).toBe("2021-08-31");
    expect(parseDate("01/04/2009")).toBe("2009-04-01");
    expect(parseDate("2011-01-27 00:00:00")).toBe("2011-01-27");
    expect(parseDate("2018-10-01")).toBe("2018-10-01");
  });

  it("when GIAS writes its 1900-01-01 placeholder, then there is no date", () => {
    expect(parseDate("1900-01-01")).toBeNull();
  });

  it("when the date does not exist or is not a date, then there is no date", () => {
    expect(parseDate("2021-02-30")).toBeNull();
    expect(parseDate("31-13-2020")).toBeNull();
    expect(parseDate("soon")).toBeNull();
    expect(parseDate("")).toBeNull();
  });
});

describe("academic years", () => {
  it("when a date is in January, then it belongs to the year that started the September before", () => {
    expect(academicYearOf("2021-01-21")).toBe("2020/21");
  });

  it("when a date is in September or later, then it starts an academic year", () => {
    expect(academicYearOf("2022-09-01")).toBe("2022/23");
    expect(academicYearOf("1999-10-01")).toBe("1999/00");
  });

  it("when DfE gives a time period such as 202223, then it reads as 2022/23", () => {
    expect(academicYearFromPeriod("202223")).toBe("2022/23");
    expect(academicYearFromPeriod("2022")).toBeNull();
  });
});

describe("postcodes", () => {
  it("when a postcode is in lower case or lacks its space, then it is normalised", () => {
    expect(normalisePostcode("ol6 7hw")).toBe("OL6 7HW");
    expect(normalisePostcode("EC3A5DE")).toBe("EC3A 5DE");
    expect(normalisePostcode(" Gl20  5JG ")).toBe("GL20 5JG");
  });

  it("when the cell is not a postcode, then there is none", () => {
    expect(normalisePostcode("NULL")).toBeNull();
    expect(normalisePostcode("")).toBeNull();
  });

  it("when asked for the sector and district, then they are the outward code with and without the inward digit", () => {
    expect(postcodeSector("EC3A 5DE")).toBe("EC3A 5");
    expect(postcodeDistrict("EC3A 5DE")).toBe("EC3A");
    expect(postcodeSector("B1 1AA")).toBe("B1 1");
  });
});
