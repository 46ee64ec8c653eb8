import { describe, expect, it } from "vitest";
import { FeatureIndex, type SimilarOptions } from "./feature-index.js";
import { FEATURE_COLUMN, FEATURE_COUNT, FEATURES } from "./features.js";
import { profile } from "./profile.fixture.js";
import { seededRandom } from "./stats.js";
import { argumentOf } from "../../errors/errors.fixtures.js";

// Pupils 100..500: median 300, type-7 quartiles 200 and 400, so one scaled unit is
// 200 / 1.349 pupils and the scaled values are 0, ±0.6745 and ±1.349.
const PUPILS = [300, 100, 200, 400, 500];

function primaries() {
  return PUPILS.map((pupils, i) =>
    profile({
      urn: 101 + i,
      pupils,
      fsmPercent: pupils / 10,
      regionCode: i < 3 ? "E12000001" : "E12000002",
    }),
  );
}

describe("FeatureIndex scaling and imputation", () => {
  it("when built, then scales each figure to a robust z-score within its phase", () => {
    const index = new FeatureIndex(primaries());
    const table = index.table("PRIMARY")!;
    const pupilsOf = (urn: number) =>
      table.scaled[index.locate(urn)!.row * FEATURE_COUNT + FEATURE_COLUMN.pupils];

    expect(pupilsOf(101)).toBe(0);
    expect(pupilsOf(102)).toBeCloseTo(-1.349, 12);
    expect(pupilsOf(103)).toBeCloseTo(-0.6745, 12);
    expect(pupilsOf(105)).toBeCloseTo(1.349, 12);
    expect(table.scales[FEATURE_COLUMN.pupils]).toEqual({ median: 300, scale: 200 / 1.349 });
  });

  it("when a figure is missing, then imputes the phase median (scaled 0) and flags it", () => {
    const schools = [
      ...primaries(),
      profile({ urn: 200, pupils: null, fsmPercent: 35, ruralUrbanCode: "A1" }),
    ];
    const index = new FeatureIndex(schools);
    const ref = index.locate(200)!;

    expect(ref.table.scaled[ref.row * FEATURE_COUNT + FEATURE_COLUMN.pupils]).toBe(0);
    expect(Number.isNaN(ref.table.raw[ref.row * FEATURE_COUNT + FEATURE_COLUMN.pupils])).toBe(true);
    expect(index.imputedFeatures(200)).toEqual([
      "pupils",
      "ealPercent",
      "senPercent",
      "idaciScore",
      "ks2ReadingProgress",
      "ks2WritingProgress",
      "ks2MathsProgress",
      "ks2RwmExpected",
      "ofstedGrade",
    ]);
  });

  it("when a feature does not apply to the phase, then it is not flagged as imputed", () => {
    const index = new FeatureIndex([profile({ urn: 1, phase: "SECONDARY" })]);

    expect(index.imputedFeatures(1)).not.toContain("ks2MathsProgress");
    expect(index.imputedFeatures(1)).toContain("ks4Progress8");
  });

  it("when the same schools come in another order, then the index is the same", () => {
    const forward = new FeatureIndex(primaries()).table("PRIMARY")!;
    const backward = new FeatureIndex(primaries().reverse()).table("PRIMARY")!;

    expect(backward.urns).toEqual(forward.urns);
    expect(backward.scaled).toEqual(forward.scaled);
  });

  it("when a school has no phase, then it is left out", () => {
    const index = new FeatureIndex([profile({ urn: 1, phase: null }), profile({ urn: 2 })]);

    expect(index.size).toBe(1);
    expect(index.locate(1)).toBeNull();
  });

  it("when a URN is given twice, then building fails", () => {
    expect(() => new FeatureIndex([profile({ urn: 1 }), profile({ urn: 1 })])).toThrow(/twice/);
  });
});

describe("FeatureIndex.similar", () => {
  it("when weighing pupils alone, then ranks by scaled pupil difference with ties to the lower URN", () => {
    const index = new FeatureIndex(primaries());

    const similar = index.similar(101, { weights: { pupils: 1 }, first: 4 });

    // 200 and 400 pupils are both 0.6745 away from 300; 100 and 500 both 1.349.
    expect(similar.map((school) => school.urn)).toEqual([103, 104, 102, 105]);
    expect(similar[0]!.distance).toBeCloseTo(0.6745, 12);
    expect(similar[2]!.distance).toBeCloseTo(1.349, 12);
  });

  it("when weights differ, then the squared terms sum to the squared distance and shares to 1", () => {
    const index = new FeatureIndex(primaries());

    const [nearest] = index.similar(101, { weights: { pupils: 1, fsmPercent: 3 }, first: 1 });

    // FSM 10..50 scales like pupils: school 103 (200 pupils, 20 % FSM) is -0.6745 on both axes,
    // so its terms are 1·0.6745² and 3·0.6745²: shares 1/4 and 3/4, distance 2·0.6745.
    expect(nearest!.urn).toBe(103);
    const [pupils, fsm] = nearest!.contributions;
    expect(pupils).toMatchObject({ feature: "pupils", value: 200, weight: 1, imputed: false });
    expect(fsm).toMatchObject({ feature: "fsmPercent", value: 20, weight: 3, imputed: false });
    expect(pupils!.term).toBeCloseTo(0.6745 ** 2, 12);
    expect(fsm!.term).toBeCloseTo(3 * 0.6745 ** 2, 12);
    expect(pupils!.share).toBeCloseTo(0.25, 12);
    expect(fsm!.share).toBeCloseTo(0.75, 12);
    expect(nearest!.distance).toBeCloseTo(2 * 0.6745, 12);
    // Contributions split the distance itself in the same proportions.
    expect(pupils!.contribution).toBeCloseTo(0.25 * 2 * 0.6745, 12);
    expect(fsm!.contribution).toBeCloseTo(0.75 * 2 * 0.6745, 12);
  });

  it("when explaining any result, then Σ terms is exactly the squared distance and Σ contributions the distance", () => {
    const random = seededRandom(5);
    const schools = Array.from({ length: 300 }, (_, i) =>
      profile({
        urn: i + 1,
        pupils: 50 + random() * 600,
        fsmPercent: random() < 0.1 ? null : random() * 60,
        senPercent: random() * 30,
        ks2MathsProgress: random() * 6 - 3,
        ruralUrbanCode: ["A1", "C1", "E2"][Math.floor(random() * 3)] ?? null,
      }),
    );
    const index = new FeatureIndex(schools);
    const weights = {
      pupils: 0.3,
      fsmPercent: 1.7,
      senPercent: 0.2,
      ks2MathsProgress: 1,
      rurality: 0.5,
    };

    for (const school of index.similar(7, { weights, first: 50 })) {
      const sum = school.contributions.reduce((total, c) => total + c.term, 0);
      const shares = school.contributions.reduce((total, c) => total + c.share, 0);
      expect(sum).toBe(school.squaredDistance);
      expect(school.distance).toBe(Math.sqrt(school.squaredDistance));
      expect(shares).toBeCloseTo(1, 12);
      const parts = school.contributions.reduce((total, c) => total + c.contribution, 0);
      expect(parts).toBeCloseTo(school.distance, 12);
    }
  });

  it("when compared with a brute-force sort, then returns the same nearest schools", () => {
    const random = seededRandom(9);
    const schools = Array.from({ length: 2000 }, (_, i) =>
      profile({
        urn: 5000 - i,
        pupils: Math.round(50 + random() * 600),
        fsmPercent: Math.round(random() * 60),
        senPercent: Math.round(random() * 30),
      }),
    );
    const index = new FeatureIndex(schools);
    const { table, row: self } = index.locate(4321)!;
    const weights = [0.5, 0.4, 0.1];
    const columns = [FEATURE_COLUMN.pupils, FEATURE_COLUMN.fsmPercent, FEATURE_COLUMN.senPercent];
    const at = (row: number, c: number) => table.scaled[row * FEATURE_COUNT + columns[c]!]!;
    const expected = Array.from(table.urns, (urn, row) => ({
      urn,
      squared: weights.reduce((sum, w, c) => sum + w * (at(row, c) - at(self, c)) ** 2, 0),
    }))
      .filter((school) => school.urn !== 4321)
      .sort((a, b) => a.squared - b.squared || a.urn - b.urn)
      .slice(0, 100)
      .map((school) => school.urn);

    expect(index.similar(4321, { preset: "CONTEXT", first: 100 }).map((s) => s.urn)).toEqual(
      expected,
    );
  });

  it("when weights, regions, ties and missing figures vary, then the search still equals brute force", () => {
    const random = seededRandom(21);
    const schools = Array.from({ length: 1500 }, (_, i) =>
      profile({
        urn: 1 + i,
        // Few distinct values make many ties; some figures missing make imputed zeros.
        pupils: random() < 0.2 ? null : Math.round(random() * 8) * 50,
        fsmPercent: Math.round(random() * 10) * 5,
        senPercent: random() < 0.5 ? null : Math.round(random() * 30),
        ks2MathsProgress: random() * 6 - 3,
        ruralUrbanCode: ["A1", "C1", "E2"][Math.floor(random() * 3)] ?? null,
        regionCode: random() < 0.5 ? "E12000001" : "E12000002",
      }),
    );
    const index = new FeatureIndex(schools);
    const { table } = index.locate(1)!;
    const features = [
      "pupils",
      "fsmPercent",
      "senPercent",
      "ks2MathsProgress",
      "rurality",
    ] as const;

    for (let trial = 0; trial < 40; trial++) {
      const urn = 1 + Math.floor(random() * 1500);
      const weights = Object.fromEntries(
        features.map((f) => [f, random() < 0.3 ? 0 : Math.round(random() * 4) / 2]),
      );
      if (Object.values(weights).every((w) => w === 0)) weights.pupils = 1;
      const sameRegion = random() < 0.3;
      const first = 1 + Math.floor(random() * 60);
      const self = index.locate(urn)!.row;
      const squared = (row: number) =>
        features.reduce((sum, f) => {
          const c = FEATURE_COLUMN[f];
          const d =
            table.scaled[row * FEATURE_COUNT + c]! - table.scaled[self * FEATURE_COUNT + c]!;
          return sum + (weights[f] ?? 0) * d * d;
        }, 0);
      const expected = Array.from(table.urns, (other, row) => ({ other, row }))
        .filter(({ other }) => other !== urn)
        .filter(({ row }) => !sameRegion || table.regionIds[row] === table.regionIds[self])
        .map(({ other, row }) => ({ other, squared: squared(row) }))
        .sort((a, b) => a.squared - b.squared || a.other - b.other)
        .slice(0, first);

      const found = index.similar(urn, { weights, sameRegion, first });

      expect(found.map((s) => s.urn)).toEqual(expected.map((e) => e.other));
      found.forEach((s, i) => expect(s.squaredDistance).toBeCloseTo(expected[i]!.squared, 12));
    }
  });

  it("when a search is asked again, then it is answered from the rows remembered, the same as a fresh index's answer", () => {
    const index = new FeatureIndex(primaries());
    const fresh = () => new FeatureIndex(primaries(), { rememberedSearches: 0 });

    const first = index.similar(101, { weights: { pupils: 1 }, first: 3 });
    const again = index.similar(101, { weights: { pupils: 1 }, first: 3 });

    expect(index.searchesRemembered).toBe(1);
    expect(again).toEqual(first);
    expect(again).toEqual(fresh().similar(101, { weights: { pupils: 1 }, first: 3 }));
    expect(fresh().searchesRemembered).toBe(0);
  });

  it("when searches differ in weights, count or region, then each is remembered apart and answered as asked", () => {
    const index = new FeatureIndex(primaries());
    const fresh = new FeatureIndex(primaries(), { rememberedSearches: 0 });
    const searches: SimilarOptions[] = [
      { weights: { pupils: 1 }, first: 2 },
      { weights: { fsmPercent: 1, pupils: 3 }, first: 2 },
      { weights: { pupils: 1 }, first: 4 },
      { weights: { pupils: 1 }, first: 2, sameRegion: true },
    ];

    for (const search of [...searches, ...searches]) {
      expect(index.similar(102, search)).toEqual(fresh.similar(102, search));
    }
    expect(index.searchesRemembered).toBe(searches.length);
  });

  it("when more searches are asked than it remembers, then the least recently asked is forgotten", () => {
    const index = new FeatureIndex(primaries(), { rememberedSearches: 2 });

    index.similar(101, { first: 2 });
    index.similar(102, { first: 2 });
    index.similar(101, { first: 2 }); // 101 is now the more recent
    index.similar(103, { first: 2 }); // 102 is forgotten

    expect(index.searchesRemembered).toBe(2);
    expect(index.similar(104, { first: 2 }).map((s) => s.urn)).toHaveLength(2);
    expect(index.searchesRemembered).toBe(2);
  });

  it("when the compared school's figure was imputed, then its value is null and flagged", () => {
    const index = new FeatureIndex([...primaries(), profile({ urn: 300, fsmPercent: 30 })]);

    const twin = index.similar(101, { preset: "CONTEXT", first: 1 })[0]!;

    // 300's pupils impute to the median 300 and its FSM is the median 30: a twin of 101.
    expect(twin.urn).toBe(300);
    expect(twin.distance).toBe(0);
    expect(twin.contributions[0]).toMatchObject({ feature: "pupils", value: null, imputed: true });
    expect(twin.contributions.every((c) => c.share === 0)).toBe(true);
  });

  it("when explaining a result, then each contribution sets the asking school's figure beside the compared one", () => {
    const index = new FeatureIndex([...primaries(), profile({ urn: 300, fsmPercent: 30 })]);

    const fromImputed = index.similar(300, { preset: "CONTEXT", first: 1 })[0]!;
    const fromObserved = index.similar(101, { preset: "CONTEXT", first: 5 });

    expect(fromImputed.contributions[0]).toMatchObject({ feature: "pupils", referenceValue: null });
    expect(fromObserved.find((s) => s.urn === 102)?.contributions[0]).toMatchObject({
      feature: "pupils",
      value: 100,
      referenceValue: 300,
    });
  });

  it("when other phases have identical schools, then only the same phase is returned", () => {
    const twinSecondary = profile({ urn: 999, phase: "SECONDARY", pupils: 300, fsmPercent: 30 });
    const index = new FeatureIndex([...primaries(), twinSecondary]);

    const urns = index.similar(101, { first: 100 }).map((school) => school.urn);

    expect(urns).not.toContain(999);
    expect(urns).toHaveLength(4);
  });

  it("when sameRegion is set, then only schools in the asking school's region come back", () => {
    const index = new FeatureIndex(primaries());

    const urns = index.similar(101, { first: 10, sameRegion: true }).map((school) => school.urn);

    expect(urns.sort()).toEqual([102, 103]);
  });

  it("when sameRegion is set and the school's region is unknown, then nothing comes back", () => {
    const index = new FeatureIndex([...primaries(), profile({ urn: 400, pupils: 250 })]);

    expect(index.similar(400, { sameRegion: true })).toEqual([]);
  });

  it("when the URN is unknown, then returns an empty list", () => {
    expect(new FeatureIndex(primaries()).similar(12345)).toEqual([]);
  });

  it("when first is out of 1..100, then rejects it naming first", () => {
    const index = new FeatureIndex(primaries());

    expect(argumentOf(() => index.similar(101, { first: 0 }))).toBe("first");
    expect(argumentOf(() => index.similar(101, { first: 101 }))).toBe("first");
    expect(argumentOf(() => index.similar(101, { first: 2.5 }))).toBe("first");
  });

  it("when custom weights are invalid, then rejects them naming weights", () => {
    const index = new FeatureIndex(primaries());

    expect(argumentOf(() => index.similar(101, { weights: { pupils: -1 } }))).toBe("weights");
    expect(argumentOf(() => index.similar(101, { weights: { size: 1 } }))).toBe("weights");
  });

  it("when the weights only cover another phase's outcomes, then rejects them naming weights", () => {
    const index = new FeatureIndex(primaries());

    expect(argumentOf(() => index.similar(101, { weights: { ks4Progress8: 1 } }))).toBe("weights");
  });

  it("when asked with a preset, then every contribution is a feature of that preset", () => {
    const index = new FeatureIndex(primaries());

    const [first] = index.similar(101, { preset: "ALIKE_IN_RESULTS", first: 1 });

    const features = first!.contributions.map((c) => c.feature);
    expect(features).toEqual(FEATURES.filter((name) => features.includes(name)));
    expect(features).not.toContain("pupils");
    expect(features).toContain("ks2RwmExpected");
  });
});
