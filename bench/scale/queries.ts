/**
 * The queries the scale benchmark times, each with its keys, and one autocannon run of a
 * scenario that records every response time (autocannon's own summary has no p95).
 */

export const SIMILAR = `query ($urn: Int!) {
  similarSchools(urn: $urn, first: 10) { urn name distance }
}`;
export const PARTNERS = `query ($urn: Int!) {
  partnerSuggestions(urn: $urn, input: { first: 10 }) {
    urn name score distanceKm reasons { factor contribution }
  }
}`;
export const GAPS = `query ($region: String) {
  supportGaps(regionCode: $region, first: 20) {
    area { code name level } gapIndex needSchools supply coverage
  }
}`;
export const FLOOR = "{ __typename }";

/** England's nine regions, and null for all of England. */
export const REGIONS = [
  null,
  "E12000001",
  "E12000002",
  "E12000003",
  "E12000004",
  "E12000005",
  "E12000006",
  "E12000007",
  "E12000008",
  "E12000009",
];

export type QueryName = "similarSchools" | "partnerSuggestions" | "supportGaps";
export const QUERY_NAMES: QueryName[] = ["similarSchools", "partnerSuggestions", "supportGaps"];

export interface Scenario {
  name: QueryName | "floor" | "mix";
  body: (i: number) => unknown;
}

/** One scenario per query, the floor, and the mix (the three in turn). */
export function scenarios(urns: readonly number[]): Record<Scenario["name"], Scenario> {
  const urn = (i: number) => urns[i % urns.length];
  const bodies: Record<QueryName, (i: number) => unknown> = {
    similarSchools: (i) => ({ query: SIMILAR, variables: { urn: urn(i) } }),
    partnerSuggestions: (i) => ({ query: PARTNERS, variables: { urn: urn(i) } }),
    supportGaps: (i) => ({ query: GAPS, variables: { region: REGIONS[i % REGIONS.length] } }),
  };
  return {
    floor: { name: "floor", body: () => ({ query: FLOOR }) },
    similarSchools: { name: "similarSchools", body: bodies.similarSchools },
    partnerSuggestions: { name: "partnerSuggestions", body: bodies.partnerSuggestions },
    supportGaps: { name: "supportGaps", body: bodies.supportGaps },
    mix: {
      name: "mix",
      body: (i) => bodies[QUERY_NAMES[i % 3]!](Math.floor(i / 3)),
    },
  };
}

/** Posts one request and waits for its answer; throws on an HTTP or GraphQL error. */
export async function ask(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`${response.status} ${text.slice(0, 500)}`);
}
