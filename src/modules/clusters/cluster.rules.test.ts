import { describe, expect, it } from "vitest";
import type { Phase, SchoolRecord } from "../schools/school.model.js";
import type {
  AdoptClustersRequest,
  AdoptionSchoolState,
  ClusterCandidates,
} from "./cluster.model.js";
import { phaseGroupOf } from "./cluster.model.js";
import { buildProposals, checkAdoptionRequest, checkAdoptionSchools } from "./cluster.rules.js";

const KM_LAT = 1 / 111.195;

function school(urn: number, phase: Phase, northKm: number, town: string | null): SchoolRecord {
  return {
    urn,
    name: `School ${urn}`,
    phase,
    town,
    pupils: { value: 100, year: "2023/24", sourceId: null },
    location: {
      latitude: 50 + northKm * KM_LAT,
      longitude: -2,
      precision: "EXACT",
      sourceId: null,
    },
  } as SchoolRecord;
}

/** Primary and secondary schools side by side along a north-south line, bands alternating. */
function candidates(): ClusterCandidates {
  const schools = Array.from({ length: 16 }, (_, i) => ({
    school: school(
      100 + i,
      i % 2 === 0 ? "PRIMARY" : "SECONDARY",
      Math.floor(i / 2),
      i < 8 ? "Lowton" : "Highton",
    ),
    needBand: [1, 4, 3, 2][i % 4] ?? null,
  }));
  schools.push({ school: { ...school(200, "PRIMARY", 0, null), location: null }, needBand: null });
  return {
    localAuthority: { code: 838, name: "Dorset", gssCode: null, regionCode: "E12000009" },
    schools,
  };
}

describe("buildProposals", () => {
  it("when phases are not mixed, then no cluster holds schools of two phase groups", () => {
    const proposals = buildProposals(candidates(), { targetSize: 4, mixPhases: false });
    expect(proposals).toHaveLength(4);
    for (const proposal of proposals) {
      const groups = new Set(proposal.schools.map((s) => phaseGroupOf(s.phase)));
      expect(groups.size).toBe(1);
      expect(proposal.phaseGroup).toBe([...groups][0]);
    }
  });

  it("when phases are mixed, then clusters are cross-phase", () => {
    const proposals = buildProposals(candidates(), { targetSize: 4, mixPhases: true });
    expect(proposals.some((p) => new Set(p.schools.map((s) => s.phase)).size > 1)).toBe(true);
  });

  it("when proposals are built, then schools without a location are left out and the rest appear once", () => {
    const proposals = buildProposals(candidates(), { targetSize: 4, mixPhases: true });
    const urns = proposals.flatMap((p) => p.schools.map((s) => s.urn)).sort((a, b) => a - b);
    expect(urns).toEqual(Array.from({ length: 16 }, (_, i) => 100 + i));
  });

  it("when proposals are built, then they are numbered north to south and named after their commonest town", () => {
    const proposals = buildProposals(candidates(), { targetSize: 4, mixPhases: true });
    expect(proposals.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const latitudes = proposals.map((p) => p.centre.latitude);
    expect([...latitudes].sort((a, b) => b - a)).toEqual(latitudes);
    expect(proposals[0]?.name).toBe("Dorset cluster 1: Highton");
    expect(proposals[3]?.name).toBe("Dorset cluster 4: Lowton");
  });

  it("when a cluster's figures are counted, then bands, pupils and the mix agree with its members", () => {
    const [first] = buildProposals(candidates(), { targetSize: 4, mixPhases: true });
    expect(first?.size).toBe(4);
    expect(first?.pupils).toBe(400);
    const bandTotal = first?.needBands.reduce((sum, b) => sum + b.schools, 0);
    expect(bandTotal).toBe(4);
    expect(first?.needBands.map((b) => b.band)).toEqual([1, 2, 3, 4, null]);
    expect(first?.mixed).toBe((first?.strongerSchools ?? 0) > 0 && (first?.weakerSchools ?? 0) > 0);
    expect(first?.explanation).toMatch(/stronger school/);
  });

  it("when built twice, then ids and everything else are identical, and other parameters give other ids", () => {
    const once = buildProposals(candidates(), { targetSize: 4, mixPhases: true });
    expect(buildProposals(candidates(), { targetSize: 4, mixPhases: true })).toEqual(once);
    const other = buildProposals(candidates(), { targetSize: 4, mixPhases: false });
    expect(other.map((p) => p.id)).not.toEqual(once.map((p) => p.id));
  });
});

describe("the explanation of a cluster left unmixed", () => {
  /**
   * Two clusters of three primary schools, `apartKm` apart north-south: the southern one (urns
   * 1-3, numbered 2) with `south` bands, the northern one (urns 4-6, numbered 1) with `north`.
   */
  function southernExplanation(
    south: (number | null)[],
    north: (number | null)[],
    apartKm: number,
    mixPhases = true,
  ): string {
    const schools = [
      ...south.map((band, i) => ({
        school: school(1 + i, "PRIMARY", i * 0.5, "Lowton"),
        needBand: band,
      })),
      ...north.map((band, i) => ({
        school: school(4 + i, "PRIMARY", apartKm + i * 0.5, "Highton"),
        needBand: band,
      })),
    ];
    const proposals = buildProposals(
      {
        localAuthority: { code: 838, name: "Dorset", gssCode: null, regionCode: "E12000009" },
        schools,
      },
      { targetSize: 3, mixPhases },
    );
    const southern = proposals.find((p) => p.schools.some((s) => s.urn === 1))!;
    expect(southern.schools.map((s) => s.urn)).toEqual([1, 2, 3]);
    expect(southern.mixed).toBe(false);
    return southern.explanation;
  }

  it("when it has one banded school only, then it says the school cannot be spared, not the tolerance", () => {
    const explanation = southernExplanation([4, null, null], [1, 1, 4], 3);
    expect(explanation).toContain(
      "Not mixed: it has no weaker school and only one stronger school, which it cannot spare: swapping it for a weaker school would leave it without a stronger school.",
    );
    expect(explanation).not.toMatch(/2 km or 25%/);
  });

  it("when no other cluster has two schools of the kind it lacks, then it says so", () => {
    const explanation = southernExplanation([1, 2, 1], [4, 1, 1], 3);
    expect(explanation).toContain(
      "Not mixed: it has no stronger school, and no other cluster has two stronger schools, so none could give one away and stay mixed itself.",
    );
    expect(explanation).not.toMatch(/2 km or 25%/);
  });

  it("when phases are clustered apart and no cluster of its group could give one away, then it names the group", () => {
    const explanation = southernExplanation([1, 2, 1], [4, 1, 1], 3, false);
    expect(explanation).toContain(
      "no other primary cluster has two stronger schools, so none could give one away",
    );
  });

  it("when every swap would grow a spread too far, then it blames the tolerance", () => {
    const explanation = southernExplanation([4, 3, 4], [1, 2, 4], 30);
    expect(explanation).toContain(
      "Not mixed: it has no weaker school, and no swap with a nearby cluster kept both clusters mixed without growing either's spread by more than 2 km or 25%.",
    );
  });

  it("when none of its schools has a need band, then it says so", () => {
    expect(southernExplanation([null, null, null], [1, 2, 4], 30)).toContain(
      "Not mixed: none of its schools has a need band.",
    );
  });
});

function request(clusters: number[][], memberUrn: number | null = null): AdoptClustersRequest {
  return {
    localAuthorityCode: 838,
    board: {
      name: "Board",
      chair: { name: "Chair", organisation: null },
      members: [{ name: "Member", role: "Head", urn: memberUrn }],
    },
    clusters: clusters.map((urns, i) => ({ name: `Cluster ${i + 1}`, urns })),
  };
}

function state(urn: number, over: Partial<AdoptionSchoolState> = {}): AdoptionSchoolState {
  return { urn, name: `School ${urn}`, laCode: 838, open: true, clusterIds: [], ...over };
}

describe("adoption rules", () => {
  it("when a URN is in two clusters, then the request is refused naming it", () => {
    expect(() =>
      checkAdoptionRequest(
        request([
          [1, 2],
          [2, 3],
        ]),
      ),
    ).toThrow(/URN 2 appears in clusters 1 and 2/);
  });

  it("when a cluster has one school, then the request is refused", () => {
    expect(() => checkAdoptionRequest(request([[1]]))).toThrow(/2 to 80 schools/);
  });

  it("when the schools are unknown, closed, elsewhere or clustered already, then each gets its own error", () => {
    const schools = new Map([
      [1, state(1)],
      [2, state(2, { open: false })],
      [3, state(3, { laCode: 908 })],
      [4, state(4, { clusterIds: ["svc-x"] })],
      [5, state(5)],
    ]);
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return null;
      } catch (error) {
        return (error as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(codeOf(() => checkAdoptionSchools(request([[1, 9]]), "Dorset", schools))).toBe(
      "NOT_FOUND",
    );
    expect(codeOf(() => checkAdoptionSchools(request([[1, 2]]), "Dorset", schools))).toBe(
      "BAD_USER_INPUT",
    );
    expect(codeOf(() => checkAdoptionSchools(request([[1, 3]]), "Dorset", schools))).toBe(
      "BAD_USER_INPUT",
    );
    expect(codeOf(() => checkAdoptionSchools(request([[1, 4]]), "Dorset", schools))).toBe(
      "CONFLICT",
    );
    expect(codeOf(() => checkAdoptionSchools(request([[1, 4]], 9), "Dorset", schools))).toBe(
      "NOT_FOUND",
    );
    expect(codeOf(() => checkAdoptionSchools(request([[1, 5]], 5), "Dorset", schools))).toBeNull();
  });
});
