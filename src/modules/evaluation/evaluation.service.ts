import { NotFoundError } from "../../errors/index.js";
import {
  PARTNERSHIP_TYPES,
  type PartnershipRecord,
  type PartnershipType,
} from "../partnerships/partnership.model.js";
import type { FeatureIndex } from "../similarity/feature-index.js";
import { ContextNeighbourFinder } from "./context-neighbours.js";
import {
  CONTEXT_NEIGHBOUR_WEIGHTS,
  familyComparisons,
  measureImpact,
  type ComparisonPool,
  type GroupMember,
  type ImpactGroup,
} from "./evaluation.rules.js";
import {
  IMPACT_MEASURES,
  type ComparisonBasis,
  type GroupImpact,
  type ImpactSchool,
  type PartnershipImpactRecord,
  type PartnershipTypeImpactRecord,
} from "./evaluation.model.js";
import type { PreparedImpactSnapshot } from "./evaluation.store.js";

/** Ids we issue are short; a longer one cannot name a partnership and is not looked up. */
const MAX_ID_LENGTH = 200;

export interface ImpactSnapshots {
  current(): Promise<PreparedImpactSnapshot>;
}

export interface PartnershipLookup {
  partnershipById: { load(id: string): Promise<PartnershipRecord | null> };
}

/** The in-memory similarity index (SimilarityIndex in the application). */
export interface NeighbourIndexSource {
  current(): Promise<{ index: Pick<FeatureIndex, "locate">; builtAt: number }>;
}

/** Whom members are compared with, with what that needs. */
export type ComparisonChoice =
  | { basis: "FAMILY" }
  | {
      basis: "CONTEXT_NEIGHBOURS";
      index: Pick<FeatureIndex, "locate">;
      /** Changes whenever the index is rebuilt, so neighbours are found again. */
      indexVersion: number;
      /** Neighbours per member; CONTEXT_NEIGHBOURS (20) unless a test asks for fewer. */
      k?: number;
    };

const NEIGHBOUR_FEATURES = Object.entries(CONTEXT_NEIGHBOUR_WEIGHTS)
  .map(([feature, weight]) => `${feature} ${weight}`)
  .join(", ");

const FAMILY_CAVEATS = [
  "Similar schools are the school's family in the current run of families, which are drawn from 2022/23 characteristics; in earlier years a school and its family may have differed more.",
];

function neighbourCaveats(k: number): string[] {
  return [
    `Comparison schools are each member's ${k} nearest schools of the same phase on context alone (weights ${NEIGHBOUR_FEATURES}; no outcome figure at all), leaving out the group's own schools. This basis exists because families are formed partly on outcomes, which makes members and their families alike in those outcomes by construction: gaps in the matched years are pulled towards zero, and matching on a figure from after joining biases before/after.`,
    "Context figures are each school's latest (mostly 2022/23 or later); in earlier years a school and its neighbours may have differed more, and joining a partnership may itself have changed a member's intake.",
  ];
}

const SHARED_CAVEATS = [
  "There were no KS2 tests in 2019/20, 2020/21 and 2021/22, so the KS2 series has no figures for those years; Progress 8 is for 2018/19 only.",
  "Figures a school published under an earlier URN (before converting to an academy, for instance) count as the school's.",
  "Effect sizes divide the gap by the standard deviation of the measure across all schools with a figure that year (the national spread); before/after uses the mean of those yearly spreads.",
  "Memberships are those GIAS recorded in March 2022 and those made in the service, less any whose notice has run out; a school that has left a partnership counts as not in it, and as no comparison for it or its type either.",
  "Intervals treat the members as independent; members that share comparison schools are not quite, so intervals are somewhat too narrow.",
  "This shows an association, not proof of cause: schools join partnerships for reasons (falling results, a sponsor's choice) that the comparison may not capture.",
  "Schools often join after a bad year, and a school's results tend back towards its usual level after one (regression to the mean), so a before/after gain partly reflects when schools joined, not only what joining did.",
];

function placeholder(urn: number): ImpactSchool {
  return {
    urn,
    regionCode: null,
    familyId: null,
    series: { KS2_RWM_EXPECTED: new Map(), KS4_PROGRESS_8: new Map() },
  };
}

/** The outcome properties each measure's figures come from, as family features name them. */
const MATCHED_FEATURES: readonly [string, string][] = [
  [
    "ks2RwmExpected",
    "KS2 reading, writing and maths (each school's latest figure, mostly 2024/25)",
  ],
  ["ks4Progress8", "Progress 8 (2018/19)"],
];

/**
 * Families matched on an outcome make members and comparison schools alike in it, so gaps in
 * those years are pulled towards zero by construction; a reader must know.
 */
export function matchingCaveats(familyFeatures: readonly string[]): string[] {
  const matched = MATCHED_FEATURES.filter(([feature]) => familyFeatures.includes(feature));
  if (matched.length === 0) return [];
  return [
    `The current families were formed partly on ${matched.map(([, what]) => what).join(" and ")}, so gaps in those years are pulled towards zero by construction, and after-joining gaps lean the same way; comparison: CONTEXT_NEIGHBOURS compares each member with its nearest schools on context alone instead.`,
  ];
}

/** Schools by URN, built once per snapshot. */
function schoolsByUrn(prepared: PreparedImpactSnapshot): Map<number, ImpactSchool> {
  return prepared.memoize(
    "schoolsByUrn",
    () => new Map(prepared.snapshot.schools.map((school) => [school.urn, school])),
  );
}

function hasFigure(school: ImpactSchool): boolean {
  return IMPACT_MEASURES.some((measure) => school.series[measure].size > 0);
}

/**
 * Members and the schools none of them may be compared with, for one group (`groupKey` names it,
 * so neighbours found for it are kept with the snapshot and shared by later questions).
 */
function groupImpact(
  prepared: PreparedImpactSnapshot,
  groupKey: string,
  members: readonly GroupMember[],
  excluded: ReadonlySet<number>,
  choice: ComparisonChoice,
  caveats: readonly string[],
): GroupImpact {
  let comparisonOf: ImpactGroup["comparisonOf"];
  let comparisonLabel: string;
  let neighboursPerMember: number | null = null;
  let basisCaveats: string[];
  if (choice.basis === "FAMILY") {
    comparisonOf = familyComparisons(prepared.baseline, excluded);
    comparisonLabel = "similar schools in their families";
    basisCaveats = [...FAMILY_CAVEATS, ...matchingCaveats(prepared.snapshot.familyFeatures)];
  } else {
    const schools = schoolsByUrn(prepared);
    const finder = prepared.memoize(
      `neighbours:${groupKey}:${choice.indexVersion}:${choice.k ?? "default"}`,
      () => new ContextNeighbourFinder(choice.index, excluded, choice.k),
    );
    neighboursPerMember = finder.k;
    comparisonLabel = `their ${finder.k} nearest schools on context`;
    const pools = new Map<number, ComparisonPool | null>();
    comparisonOf = (school): ComparisonPool | null => {
      let pool = pools.get(school.urn);
      if (pool === undefined) {
        const urns = finder.neighbours(school.urn);
        // A neighbour missing from the snapshot has no figure in any year, so adds nothing.
        pool =
          urns.length === 0
            ? null
            : {
                key: `neighbours:${school.urn}`,
                schools: urns.flatMap((urn) => schools.get(urn) ?? []),
              };
        pools.set(school.urn, pool);
      }
      return pool;
    };
    basisCaveats = neighbourCaveats(finder.k);
  }
  const group: ImpactGroup = { members, comparisonOf, comparisonLabel };
  return {
    comparison: choice.basis,
    neighboursPerMember,
    members: members.length,
    membersInFamilies: members.filter(({ school }) => school.familyId !== null).length,
    membersWithComparisonSchools: members.filter(
      ({ school }) => hasFigure(school) && (comparisonOf(school)?.schools.length ?? 0) > 0,
    ).length,
    familyVersion: prepared.snapshot.version.familyVersion,
    measures: IMPACT_MEASURES.map((measure) => measureImpact(group, prepared.baseline, measure)),
    caveats: [...caveats, ...basisCaveats, ...SHARED_CAVEATS],
  };
}

export function partnershipGroupImpact(
  prepared: PreparedImpactSnapshot,
  partnershipId: string,
  choice: ComparisonChoice = { basis: "FAMILY" },
): GroupImpact {
  const schools = schoolsByUrn(prepared);
  const memberships = prepared.snapshot.memberships.filter(
    (membership) => membership.partnershipId === partnershipId,
  );
  const members: GroupMember[] = memberships
    .filter((membership) => !membership.ended)
    .map((membership) => ({
      school: schools.get(membership.urn) ?? placeholder(membership.urn),
      joinedOn: membership.joinedOn,
    }));
  // Schools that have left were treated for a while, so they are no fair comparison either.
  const excluded = new Set(memberships.map((membership) => membership.urn));
  return groupImpact(prepared, `partnership:${partnershipId}`, members, excluded, choice, [
    choice.basis === "FAMILY"
      ? "Comparison schools are the members' family members outside this partnership (and never schools that have left it); some of them belong to other partnerships."
      : "Comparison schools are outside this partnership (and never schools that have left it); some of them belong to other partnerships.",
  ]);
}

/** The earlier of two joining dates, a known one before an unknown one. */
function earlier(a: string | null | undefined, b: string | null): string | null {
  if (a === undefined || a === null) return b;
  return b !== null && b < a ? b : a;
}

export function partnershipTypeImpacts(
  prepared: PreparedImpactSnapshot,
  regionCode: string | null,
  choice: ComparisonChoice = { basis: "FAMILY" },
): PartnershipTypeImpactRecord[] {
  const schools = schoolsByUrn(prepared);
  const typeOf = new Map(prepared.snapshot.partnerships.map((p) => [p.id, p.type]));
  const byType = new Map<
    PartnershipType,
    {
      /** Every school ever in a partnership of the type, with its earliest known joining date. */
      joined: Map<number, string | null>;
      current: Set<number>;
      partnershipsInArea: Set<string>;
    }
  >();
  for (const membership of prepared.snapshot.memberships) {
    const type = typeOf.get(membership.partnershipId);
    if (!type) continue;
    let entry = byType.get(type);
    if (!entry) {
      entry = { joined: new Map(), current: new Set(), partnershipsInArea: new Set() };
      byType.set(type, entry);
    }
    // A school in two partnerships of one type, even one it has left, has been in the type since
    // the earlier known joining date.
    entry.joined.set(
      membership.urn,
      earlier(entry.joined.get(membership.urn), membership.joinedOn),
    );
    if (membership.ended) continue;
    entry.current.add(membership.urn);
    const school = schools.get(membership.urn);
    if (regionCode === null || school?.regionCode === regionCode) {
      entry.partnershipsInArea.add(membership.partnershipId);
    }
  }

  return PARTNERSHIP_TYPES.flatMap((type) => {
    const entry = byType.get(type);
    if (!entry) return [];
    const members: GroupMember[] = [];
    for (const urn of entry.current) {
      const school = schools.get(urn) ?? placeholder(urn);
      if (regionCode === null || school.regionCode === regionCode) {
        members.push({ school, joinedOn: entry.joined.get(urn) ?? null });
      }
    }
    if (members.length === 0) return [];
    const excluded = new Set(entry.joined.keys());
    return [
      {
        type,
        regionCode,
        partnerships: entry.partnershipsInArea.size,
        ...groupImpact(prepared, `type:${type}`, members, excluded, choice, [
          choice.basis === "FAMILY"
            ? "Comparison schools are the members' family members in no partnership of this type (now or before), wherever they are; members are the schools in the area."
            : "Comparison schools are in no partnership of this type (now or before), wherever they are; members are the schools in the area.",
        ]),
      },
    ];
  });
}

export class EvaluationService {
  constructor(
    private readonly snapshots: ImpactSnapshots,
    private readonly partnerships: PartnershipLookup,
    private readonly neighbourIndex: NeighbourIndexSource,
  ) {}

  async partnershipImpact(
    partnershipId: string,
    comparison: ComparisonBasis = "FAMILY",
  ): Promise<PartnershipImpactRecord> {
    const partnership =
      partnershipId.length === 0 || partnershipId.length > MAX_ID_LENGTH
        ? null
        : await this.partnerships.partnershipById.load(partnershipId);
    if (partnership === null) {
      throw new NotFoundError(`No partnership has id "${partnershipId}".`, "partnershipId");
    }
    const [prepared, choice] = await Promise.all([
      this.snapshots.current(),
      this.comparisonChoice(comparison),
    ]);
    const impact = prepared.memoize(`partnership:${partnershipId}:${memoKey(choice)}`, () =>
      partnershipGroupImpact(prepared, partnershipId, choice),
    );
    return { partnership, ...impact };
  }

  async impactByPartnershipType(
    regionCode: string | null,
    comparison: ComparisonBasis = "FAMILY",
  ): Promise<PartnershipTypeImpactRecord[]> {
    const [prepared, choice] = await Promise.all([
      this.snapshots.current(),
      this.comparisonChoice(comparison),
    ]);
    if (regionCode !== null && !prepared.snapshot.regionCodes.includes(regionCode)) {
      throw new NotFoundError(`No region has code "${regionCode}".`, "regionCode");
    }
    return prepared.memoize(`types:${regionCode ?? "ENGLAND"}:${memoKey(choice)}`, () =>
      partnershipTypeImpacts(prepared, regionCode, choice),
    );
  }

  private async comparisonChoice(basis: ComparisonBasis): Promise<ComparisonChoice> {
    if (basis === "FAMILY") return { basis };
    const { index, builtAt } = await this.neighbourIndex.current();
    return { basis, index, indexVersion: builtAt };
  }
}

/** Answers are kept per basis and, for neighbours, per build of the similarity index. */
function memoKey(choice: ComparisonChoice): string {
  return choice.basis === "FAMILY"
    ? choice.basis
    : `${choice.basis}@${choice.indexVersion}:${choice.k ?? "default"}`;
}
