import { describe, expect, it } from "vitest";
import { PreparedSnapshot } from "./gap.store.js";
import { fixtureLeader, fixtureSchool, fixtureSnapshot, north } from "./support.fixture.js";
import { planAssignments } from "./assignment-plan.js";

const REGION = "E12000004";

describe("planAssignments", () => {
  it("when leaders can cover some of the region's need, then every leader stays within capacity and the rest is listed by area", () => {
    const snapshot = fixtureSnapshot(
      [
        fixtureSchool({ urn: 1, needBand: 1, needAreas: ["MATHEMATICS"] }),
        fixtureSchool({ urn: 2, needBand: 2, latitude: north(3) }),
        fixtureSchool({ urn: 3, needBand: 2, latitude: north(6) }),
        fixtureSchool({
          urn: 4,
          needBand: 1,
          latitude: north(60),
          districtCode: "E07000136",
          districtName: "Boston",
        }),
        fixtureSchool({ urn: 5, needBand: 4 }),
        // Another region's school is not the region's to cover.
        fixtureSchool({ urn: 6, needBand: 1, regionCode: "E12000006", laCode: 926 }),
      ],
      [
        fixtureLeader({
          id: "maths",
          capacity: 1,
          specialisms: ["MATHEMATICS"],
          latitude: north(1),
        }),
        fixtureLeader({ id: "other", capacity: 1, latitude: north(2) }),
        fixtureLeader({ id: "elsewhere", capacity: 5, regionCode: "E12000006" }),
      ],
    );

    const plan = planAssignments(new PreparedSnapshot(snapshot), REGION, "REAL");

    expect(plan).toMatchObject({
      leaders: 2,
      availableCapacity: 2,
      needSchools: 4,
      needWeight: 6,
      assignedSchools: 2,
      coveredWeight: 3,
    });
    expect(plan.assignments.map((a) => [a.systemLeaderId, a.urn, a.fitsWeakestArea])).toEqual([
      ["maths", 1, true],
      ["other", 2, false],
    ]);
    expect(plan.unmet.map((u) => [u.area.name, u.urns])).toEqual([
      ["Boston", [4]],
      ["West Lindsey", [3]],
    ]);
  });

  it("when a school already has an open engagement, then it is not planned again", () => {
    const snapshot = fixtureSnapshot(
      [fixtureSchool({ urn: 1, needBand: 1 }), fixtureSchool({ urn: 2, needBand: 2 })],
      [fixtureLeader({ id: "a", capacity: 2, openEngagements: 1 })],
      [{ systemLeaderId: "a", urn: 1, open: true }],
    );

    const plan = planAssignments(new PreparedSnapshot(snapshot), REGION, "REAL");

    expect(plan.assignments.map((a) => a.urn)).toEqual([2]);
    expect(plan.needSchools).toBe(1);
  });
});
