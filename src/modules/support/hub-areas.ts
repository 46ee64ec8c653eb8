/**
 * Which local authorities each Teaching School Hub serves, by the rule in
 * support.rules.ts: LAs its name names, else the hub of the region group whose lead school is
 * nearest. Pure: it takes plain objects and is computed once per support snapshot.
 */
import { haversineKm } from "../matching/geo.js";
import { FORMER_COUNTIES, HUB_REGION_GROUPS, type HubAreaMethod } from "./support.rules.js";

export interface HubInput {
  /** The caller's key for the hub (its position in the snapshot). */
  key: number;
  hubCode: string;
  name: string;
  /** Where the lead school is. */
  laCode: number | null;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface AreaInput {
  code: number;
  name: string;
  regionCode: string | null;
  /** The mean position of the LA's schools; null when none is located. */
  latitude: number | null;
  longitude: number | null;
}

export interface HubAreaFacts {
  regionGroup: string | null;
  /** LAs the hub's name names (before ties with other hubs are settled). */
  namedLaCodes: number[];
  /** False when the lead school lies outside the region group or every LA the name names. */
  leadSchoolInArea: boolean;
  /** What it serves, in LA code order, each with how it was given. */
  served: { laCode: number; method: HubAreaMethod }[];
}

export interface HubAreas {
  /** The hub serving each LA, by the hub's key. */
  hubOfLa: Map<number, { hub: number; method: HubAreaMethod }>;
  byHub: Map<number, HubAreaFacts>;
}

export function regionGroupOf(hubCode: string): string | null {
  const prefix = /^[A-Z]+/.exec(hubCode.toUpperCase())?.[0];
  return prefix === undefined ? null : (HUB_REGION_GROUPS[prefix] ?? null);
}

/** Lower case, "&" as "and", punctuation as spaces, padded so whole words match with spaces. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

/** "Bristol, City of" is named "Bristol"; "Herefordshire, County of" "Herefordshire". */
function plainName(laName: string): string {
  return laName.split(",")[0]!.trim();
}

/** Whether the hub's name names the LA, directly or through a former county. */
export function namesArea(hubName: string, laName: string): boolean {
  const hub = words(hubName);
  if (hub.includes(words(plainName(laName)))) return true;
  return Object.entries(FORMER_COUNTIES).some(
    ([county, successors]) => successors.includes(laName) && hub.includes(words(county)),
  );
}

function distance(hub: HubInput, area: AreaInput): number {
  if (
    hub.latitude === null ||
    hub.longitude === null ||
    area.latitude === null ||
    area.longitude === null
  ) {
    return Infinity;
  }
  return haversineKm(hub.latitude, hub.longitude, area.latitude, area.longitude);
}

/** The nearest hub to the area; ties to the lower hub code, so the result is stable. */
function nearest(hubs: readonly HubInput[], area: AreaInput): HubInput | null {
  let best: HubInput | null = null;
  let bestKm = Infinity;
  for (const hub of hubs) {
    const km = distance(hub, area);
    if (
      best === null ||
      km < bestKm ||
      (km === bestKm && hub.hubCode.localeCompare(best.hubCode) < 0)
    ) {
      best = hub;
      bestKm = km;
    }
  }
  return best;
}

export function assignHubAreas(hubs: readonly HubInput[], areas: readonly AreaInput[]): HubAreas {
  const byHub = new Map<number, HubAreaFacts>();
  for (const hub of hubs) {
    const regionGroup = regionGroupOf(hub.hubCode);
    const namedLaCodes = areas
      .filter((area) => area.regionCode === regionGroup && namesArea(hub.name, area.name))
      .map((area) => area.code);
    const inGroup = regionGroup !== null && hub.regionCode === regionGroup;
    const inNamed =
      namedLaCodes.length === 0 || (hub.laCode !== null && namedLaCodes.includes(hub.laCode));
    byHub.set(hub.key, {
      regionGroup,
      namedLaCodes,
      leadSchoolInArea: inGroup && inNamed,
      served: [],
    });
  }
  const hubOfLa = new Map<number, { hub: number; method: HubAreaMethod }>();
  for (const area of [...areas].sort((a, b) => a.code - b.code)) {
    const naming = hubs.filter((hub) => byHub.get(hub.key)!.namedLaCodes.includes(area.code));
    let chosen: HubInput | null = null;
    let method: HubAreaMethod = "NAMED";
    if (naming.length > 0) {
      chosen = nearest(naming, area);
    } else {
      method = "NEAREST_LEAD_SCHOOL";
      chosen = nearest(
        hubs.filter((hub) => {
          const facts = byHub.get(hub.key)!;
          return facts.regionGroup === area.regionCode && facts.leadSchoolInArea;
        }),
        area,
      );
    }
    if (chosen === null) continue;
    hubOfLa.set(area.code, { hub: chosen.key, method });
    byHub.get(chosen.key)!.served.push({ laCode: area.code, method });
  }
  return { hubOfLa, byHub };
}
