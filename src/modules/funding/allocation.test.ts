import { describe, expect, it } from "vitest";
import { allocateGrant, apportion, shareWeights } from "./allocation.js";

const POUND = 100;

describe("allocateGrant", () => {
  it("when a grant goes to one school, then all of it lands there", () => {
    expect(
      allocateGrant({ amountPence: 100_000 * POUND, matchedPence: 0 }, [{ urn: 7, pupils: 210 }]),
    ).toEqual([{ urn: 7, awardedPence: 10_000_000, matchedPence: 0 }]);
  });

  it("when £25,000 matched £25,000 is shared by 100, 300 and 600 pupils, then £2,500, £7,500 and £15,000 each", () => {
    const shares = allocateGrant({ amountPence: 2_500_000, matchedPence: 2_500_000 }, [
      { urn: 3, pupils: 600 },
      { urn: 1, pupils: 100 },
      { urn: 2, pupils: 300 },
    ]);

    expect(shares).toEqual([
      { urn: 1, awardedPence: 250_000, matchedPence: 250_000 },
      { urn: 2, awardedPence: 750_000, matchedPence: 750_000 },
      { urn: 3, awardedPence: 1_500_000, matchedPence: 1_500_000 },
    ]);
  });

  it("when £100 is shared three ways equally, then the odd penny goes to the lowest URN", () => {
    // 10000 / 3 = 3333 r 1 each; the one penny left goes to the first of the equal remainders.
    const shares = allocateGrant({ amountPence: 10_000, matchedPence: 1 }, [
      { urn: 30, pupils: 50 },
      { urn: 10, pupils: 50 },
      { urn: 20, pupils: 50 },
    ]);

    expect(shares.map((share) => [share.urn, share.awardedPence, share.matchedPence])).toEqual([
      [10, 3334, 1],
      [20, 3333, 0],
      [30, 3333, 0],
    ]);
  });

  it("when shares have different remainders, then the leftover pence go to the largest ones", () => {
    // £1.00 by pupils 1, 2, 4 (of 7): exact 14.29, 28.57, 57.14 → floors 14, 28, 57 (99p);
    // the penny left goes to the largest remainder, 28.57.
    const shares = allocateGrant({ amountPence: 100, matchedPence: 0 }, [
      { urn: 1, pupils: 1 },
      { urn: 2, pupils: 2 },
      { urn: 3, pupils: 4 },
    ]);

    expect(shares.map((share) => share.awardedPence)).toEqual([14, 29, 57]);
  });

  it("when a member has no pupil count, then it is given the mean of the others", () => {
    // Counts 100 and 300, mean 200: weights 100, 300, 200 of 600 → £1,000, £3,000, £2,000.
    const shares = allocateGrant({ amountPence: 600_000, matchedPence: 0 }, [
      { urn: 1, pupils: 100 },
      { urn: 2, pupils: 300 },
      { urn: 3, pupils: null },
    ]);

    expect(shares.map((share) => share.awardedPence)).toEqual([100_000, 300_000, 200_000]);
  });

  it("when no member has a pupil count, then the shares are equal", () => {
    const shares = allocateGrant({ amountPence: 90_000, matchedPence: 30_000 }, [
      { urn: 1, pupils: null },
      { urn: 2, pupils: null },
      { urn: 3, pupils: null },
    ]);

    expect(shares.map((share) => [share.awardedPence, share.matchedPence])).toEqual([
      [30_000, 10_000],
      [30_000, 10_000],
      [30_000, 10_000],
    ]);
  });

  it("when a partnership has no current members, then nothing is allocated", () => {
    expect(allocateGrant({ amountPence: 500, matchedPence: 0 }, [])).toEqual([]);
  });

  it("when the largest grant is shared by schools of many pupils, then no penny is lost", () => {
    const schools = Array.from({ length: 97 }, (_, i) => ({
      urn: i + 1,
      pupils: i % 5 === 0 ? null : 1_000 + i * 37,
    }));
    const shares = allocateGrant(
      { amountPence: 2_000_000_000, matchedPence: 1_999_999_999 },
      schools,
    );

    expect(shares.reduce((sum, share) => sum + share.awardedPence, 0)).toBe(2_000_000_000);
    expect(shares.reduce((sum, share) => sum + share.matchedPence, 0)).toBe(1_999_999_999);
  });
});

describe("shareWeights", () => {
  it("when one of three counts is missing, then weights are scaled so the mean stays whole", () => {
    // Known 101 and 102 (mean 101.5): scaled by 2 → 202, 204, and 203 for the missing one.
    expect(
      shareWeights([
        { urn: 1, pupils: 101 },
        { urn: 2, pupils: 102 },
        { urn: 3, pupils: null },
      ]),
    ).toEqual([202n, 204n, 203n]);
  });
});

describe("apportion", () => {
  it("when the total is zero, then every share is zero", () => {
    expect(apportion(0, [1n, 2n])).toEqual([0, 0]);
  });
});
