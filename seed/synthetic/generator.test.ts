import { describe, expect, it } from "vitest";
import type { SchoolRecord } from "../domain/school.js";
import type { Membership } from "../sources/groups.js";
import { seededRandom } from "../../src/modules/similarity/stats.js";
import {
  DEFAULT_SYNTHETIC_SEED,
  generateCopy,
  isSyntheticUrn,
  SYNTHETIC_URN_BASE,
  syntheticUrn,
  URNS_PER_COPY,
} from "./generator.js";

/** A small England: two LAs, two phases, figures drawn per group so groups differ. */
function sampleSchools(count: number): SchoolRecord[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const laCode = i % 2 === 0 ? 201 : 908;
    const phase = i % 3 === 0 ? "SECONDARY" : "PRIMARY";
    const fsmBase = laCode === 201 ? 40 : 15;
    return {
      urn: 100_000 + i,
      open: i % 17 !== 0,
      detailsAsOf: "2023-01-19",
      detailsSource: "census",
      details: { name: `School ${i}`, phase, laestab: 2012000 + i, postcode: "AB1 2CD" },
      pupils: { value: 200 + Math.round(random() * 800), year: "2022/23", source: "spc" },
      fsmPercent: { value: fsmBase + random() * 10, year: "2022/23", source: "spc" },
      ofsted: null,
      laCode,
      regionCode: laCode === 201 ? "E12000007" : "E12000009",
      location: {
        latitude: laCode === 201 ? 51.51 : 50.3,
        longitude: laCode === 201 ? -0.09 : -5.0,
        precision: "EXACT",
        source: "ks2",
      },
      properties: {
        ealPercent: random() < 0.2 ? null : random() * 60,
        ks2RwmExpected: phase === "PRIMARY" ? 40 + random() * 40 : null,
        ks4Progress8: phase === "SECONDARY" ? random() - 0.5 : null,
        ks2RwmSeriesUrns: null,
      },
    } as unknown as SchoolRecord;
  });
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe("generateCopy", () => {
  const real = sampleSchools(600);
  const memberships: Membership[] = real
    .filter((school) => school.urn % 4 === 0)
    .map((school) => ({ urn: school.urn, partnershipId: "trust-1", joinedOn: null, source: "g" }));

  it("when given the same seed and copy twice, then draws the same schools", () => {
    const first = generateCopy(real, memberships, 2, { seed: 11 });
    const second = generateCopy(real, memberships, 2, { seed: 11 });
    expect(second).toEqual(first);
  });

  it("when given another seed or copy, then draws other schools", () => {
    const first = generateCopy(real, memberships, 1, { seed: 11 });
    expect(generateCopy(real, memberships, 1, { seed: 12 }).schools).not.toEqual(first.schools);
    expect(generateCopy(real, memberships, 2, { seed: 11 }).schools).not.toEqual(first.schools);
  });

  it("when a copy is drawn, then it has one school per open real school, each marked synthetic with a URN no real school has", () => {
    const { schools } = generateCopy(real, memberships, 3);
    const open = real.filter((school) => school.open !== false);
    expect(schools).toHaveLength(open.length);
    for (const school of schools) {
      expect(isSyntheticUrn(school.urn)).toBe(true);
      expect(school.details.name).toBe(`Synthetic school ${school.urn}`);
      expect(school.details.postcode).toBeNull();
      const properties = school.properties as unknown as Record<string, unknown>;
      expect(properties["synthetic"]).toBe(true);
      expect(properties["syntheticSeed"]).toBe(DEFAULT_SYNTHETIC_SEED);
      expect(String(properties["syntheticSource"])).toContain("seed/synthetic/generator.ts");
    }
    expect(new Set(schools.map((s) => s.urn)).size).toBe(schools.length);
    expect(syntheticUrn(1, 0)).toBe(SYNTHETIC_URN_BASE + URNS_PER_COPY);
    expect(isSyntheticUrn(999_999)).toBe(false);
  });

  it("when a copy is drawn, then each school keeps its real counterpart's LA and phase and stays within a few km", () => {
    const { schools } = generateCopy(real, memberships, 1);
    const open = real.filter((school) => school.open !== false);
    schools.forEach((school, i) => {
      const counterpart = open[i]!;
      expect(school.laCode).toBe(counterpart.laCode);
      expect(school.details.phase).toBe(counterpart.details.phase);
      const dLat = (school.location!.latitude - counterpart.location!.latitude) * 111;
      expect(Math.abs(dLat)).toBeLessThan(6);
    });
  });

  it("when a copy is drawn, then each LA's and phase's figures keep their real mean and missing share within tolerance", () => {
    const { schools } = generateCopy(real, memberships, 1);
    const open = real.filter((school) => school.open !== false);
    for (const la of [201, 908]) {
      const fsm = (list: SchoolRecord[]) =>
        mean(list.filter((s) => s.laCode === la).map((s) => s.fsmPercent!.value));
      expect(Math.abs(fsm(schools) - fsm(open))).toBeLessThan(1.5);
    }
    const ks2 = (list: SchoolRecord[]) =>
      mean(
        list.flatMap((s) =>
          s.properties.ks2RwmExpected === null ? [] : [s.properties.ks2RwmExpected],
        ),
      );
    expect(Math.abs(ks2(schools) - ks2(open))).toBeLessThan(3);
    const missingEal = (list: SchoolRecord[]) =>
      list.filter((s) => s.properties.ealPercent === null).length / list.length;
    expect(Math.abs(missingEal(schools) - missingEal(open))).toBeLessThan(0.06);
    for (const school of schools) {
      expect(school.fsmPercent!.value).toBeGreaterThanOrEqual(0);
      expect(school.fsmPercent!.value).toBeLessThanOrEqual(100);
    }
  });

  it("when a donor is in a trust, then its synthetic school joins the same trust", () => {
    const { schools, memberships: joined } = generateCopy(real, memberships, 1);
    const inTrust = new Set(memberships.map((m) => m.urn));
    const donorOf = (school: SchoolRecord) =>
      (school.properties as unknown as Record<string, number>)["syntheticDonorUrn"]!;
    const expected = schools.filter((school) => inTrust.has(donorOf(school))).map((s) => s.urn);
    expect(joined.map((m) => m.urn).sort()).toEqual(expected.sort());
  });
});
