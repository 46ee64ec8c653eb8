import { describe, expect, it } from "vitest";
import {
  assignHubAreas,
  namesArea,
  regionGroupOf,
  type AreaInput,
  type HubInput,
} from "./hub-areas.js";

const SW = "E12000009";

function hub(overrides: Partial<HubInput> & { key: number; hubCode: string }): HubInput {
  return {
    name: "Some Teaching School Hub",
    laCode: 865,
    regionCode: SW,
    latitude: 51.3,
    longitude: -2,
    ...overrides,
  };
}

const AREAS: AreaInput[] = [
  { code: 865, name: "Wiltshire", regionCode: SW, latitude: 51.3, longitude: -2 },
  { code: 866, name: "Swindon", regionCode: SW, latitude: 51.56, longitude: -1.78 },
  {
    code: 839,
    name: "Bournemouth, Christchurch and Poole",
    regionCode: SW,
    latitude: 50.73,
    longitude: -1.9,
  },
  { code: 838, name: "Dorset", regionCode: SW, latitude: 50.8, longitude: -2.3 },
];

describe("namesArea", () => {
  it("when the hub's name holds the LA's name as whole words, then it names it", () => {
    expect(namesArea("Swindon and Wiltshire Teaching School Hub", "Wiltshire")).toBe(true);
    expect(namesArea("Leicestershire & Rutland TS Hub", "Leicester")).toBe(false);
    expect(namesArea("Leicester & Leicestershire TSH", "Leicester")).toBe(true);
    expect(namesArea("Five Counties (Bristol)", "Bristol, City of")).toBe(true);
  });

  it("when the hub names a former county, then it names the LAs that replaced it", () => {
    expect(namesArea("Cheshire Teaching School Hub", "Cheshire West and Chester")).toBe(true);
    expect(namesArea("Northamptonshire Teaching School Hub", "West Northamptonshire")).toBe(true);
    expect(namesArea("South Yorkshire Teaching Hub", "North Yorkshire")).toBe(false);
  });
});

describe("assignHubAreas", () => {
  it("when a hub names LAs but its lead school is elsewhere, then it serves the named LAs and takes none by nearness", () => {
    const hubs = [
      hub({
        key: 0,
        hubCode: "SW7",
        name: "Swindon and Wiltshire Teaching School Hub",
        laCode: 839,
        latitude: 50.75,
        longitude: -1.9,
      }),
      hub({
        key: 1,
        hubCode: "SW1",
        name: "South Central Teaching School Hub",
        laCode: 839,
        latitude: 50.72,
        longitude: -1.88,
      }),
    ];

    const areas = assignHubAreas(hubs, AREAS);

    expect(areas.byHub.get(0)).toMatchObject({ regionGroup: SW, leadSchoolInArea: false });
    expect(areas.byHub.get(0)!.served).toEqual([
      { laCode: 865, method: "NAMED" },
      { laCode: 866, method: "NAMED" },
    ]);
    expect(areas.byHub.get(1)!.served).toEqual([
      { laCode: 838, method: "NEAREST_LEAD_SCHOOL" },
      { laCode: 839, method: "NEAREST_LEAD_SCHOOL" },
    ]);
  });

  it("when a lead school lies outside the hub's region group, then it serves nothing by nearness", () => {
    const hubs = [
      hub({
        key: 0,
        hubCode: "SW2",
        laCode: 860,
        regionCode: "E12000005",
        latitude: 51,
        longitude: -2,
      }),
      hub({ key: 1, hubCode: "SW3", latitude: 53, longitude: -1 }),
    ];

    const areas = assignHubAreas(hubs, AREAS);

    expect(areas.byHub.get(0)).toMatchObject({ leadSchoolInArea: false, served: [] });
    expect([...areas.hubOfLa.values()].every((entry) => entry.hub === 1)).toBe(true);
  });

  it("when two hubs name the same LA, then the one whose lead school is nearer serves it", () => {
    const hubs = [
      hub({
        key: 0,
        hubCode: "SW5",
        name: "Hub (Wiltshire) far",
        laCode: 865,
        latitude: 51.9,
        longitude: -2,
      }),
      hub({
        key: 1,
        hubCode: "SW9",
        name: "Hub (Wiltshire) near",
        laCode: 865,
        latitude: 51.31,
        longitude: -2,
      }),
    ];

    expect(assignHubAreas(hubs, AREAS).hubOfLa.get(865)).toEqual({ hub: 1, method: "NAMED" });
  });

  it("when a hub code has its region letters, then they give its region group", () => {
    expect(regionGroupOf("SW7")).toBe(SW);
    expect(regionGroupOf("L10")).toBe("E12000007");
    expect(regionGroupOf("ZZ1")).toBeNull();
  });
});
