import { NotFoundError } from "../../errors/index.js";
import {
  PARTNERSHIP_TYPES,
  type PartnershipRecord,
  type PartnershipType,
} from "../partnerships/partnership.model.js";
import {
  IMPACT_MEASURES,
  type GroupImpact,
  type ImpactSchool,
  type PartnershipImpactRecord,
  type PartnershipTypeImpactRecord,
} from "./evaluation.model.js";
import type { PreparedImpactSnapshot } from "./evaluation.store.js";
import { measureImpact, type GroupMember, type ImpactGroup } from "./impact.js";

/** Ids we issue are short; a longer one cannot name a partnership and is not looked up. */
const MAX_ID_LENGTH = 200;

export interface ImpactSnapshots {
  current(): Promise<PreparedImpactSnapshot>;
}

export interface PartnershipLookup {
  partnershipById: { load(id: string): Promise<PartnershipRecord | null> };
}

const SHARED_CAVEATS = [
  "Similar schools are the school's family in the current run of families, which are drawn from 2022/23 characteristics; in earlier years a school and its family may have differed more.",
  "There were no KS2 tests in 2019/20, 2020/21 and 2021/22, so the KS2 series has no figures for those years; Progress 8 is for 2018/19 only.",
  "Figures a school published under an earlier URN (before converting to an academy, for instance) count as the school's.",
  "Effect sizes divide the gap by the standard deviation of the measure across all schools with a figure that year (the national spread); before/after uses the mean of those yearly spreads.",
  "Memberships are those GIAS recorded in March 2022 and those made in the service, less any whose notice has run out; a school that left a partnership earlier counts as not in it.",
  "This shows an association, not proof of cause: schools join partnerships for reasons (falling results, a sponsor's choice) that the comparison may not capture.",
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
    `The current families were formed partly on ${matched.map(([, what]) => what).join(" and ")}, so gaps in those years are pulled towards zero by construction, and after-joining gaps lean the same way.`,
  ];
}

function groupImpact(
  prepared: PreparedImpactSnapshot,
  group: ImpactGroup,
  caveats: readonly string[],
): GroupImpact {
  return {
    members: group.members.length,
    membersInFamilies: group.members.filter(({ school }) => school.familyId !== null).length,
    familyVersion: prepared.snapshot.version.familyVersion,
    measures: IMPACT_MEASURES.map((measure) => measureImpact(group, prepared.baseline, measure)),
    caveats: [...caveats, ...matchingCaveats(prepared.snapshot.familyFeatures), ...SHARED_CAVEATS],
  };
}

/** Schools by URN, built once per snapshot. */
function schoolsByUrn(prepared: PreparedImpactSnapshot): Map<number, ImpactSchool> {
  return prepared.memoize(
    "schoolsByUrn",
    () => new Map(prepared.snapshot.schools.map((school) => [school.urn, school])),
  );
}

export function partnershipGroupImpact(
  prepared: PreparedImpactSnapshot,
  partnershipId: string,
): GroupImpact {
  const schools = schoolsByUrn(prepared);
  const members: GroupMember[] = prepared.snapshot.memberships
    .filter((membership) => membership.partnershipId === partnershipId)
    .map((membership) => ({
      school: schools.get(membership.urn) ?? placeholder(membership.urn),
      joinedOn: membership.joinedOn,
    }));
  const excluded = new Set(members.map(({ school }) => school.urn));
  return groupImpact(prepared, { members, excluded }, [
    "Comparison schools are the members' family members outside this partnership; some of them belong to other partnerships.",
  ]);
}

export function partnershipTypeImpacts(
  prepared: PreparedImpactSnapshot,
  regionCode: string | null,
): PartnershipTypeImpactRecord[] {
  const schools = schoolsByUrn(prepared);
  const typeOf = new Map(prepared.snapshot.partnerships.map((p) => [p.id, p.type]));
  const byType = new Map<
    PartnershipType,
    { joined: Map<number, string | null>; partnershipsInArea: Set<string> }
  >();
  for (const membership of prepared.snapshot.memberships) {
    const type = typeOf.get(membership.partnershipId);
    if (!type) continue;
    let entry = byType.get(type);
    if (!entry) {
      entry = { joined: new Map(), partnershipsInArea: new Set() };
      byType.set(type, entry);
    }
    // A school in two partnerships of one type counts from the earlier known joining date.
    const known = entry.joined.get(membership.urn);
    const joinedOn =
      known === undefined || known === null
        ? membership.joinedOn
        : membership.joinedOn !== null && membership.joinedOn < known
          ? membership.joinedOn
          : known;
    entry.joined.set(membership.urn, joinedOn);
    const school = schools.get(membership.urn);
    if (regionCode === null || school?.regionCode === regionCode) {
      entry.partnershipsInArea.add(membership.partnershipId);
    }
  }

  return PARTNERSHIP_TYPES.flatMap((type) => {
    const entry = byType.get(type);
    if (!entry) return [];
    const members: GroupMember[] = [];
    for (const [urn, joinedOn] of entry.joined) {
      const school = schools.get(urn) ?? placeholder(urn);
      if (regionCode === null || school.regionCode === regionCode) {
        members.push({ school, joinedOn });
      }
    }
    if (members.length === 0) return [];
    const group = { members, excluded: new Set(entry.joined.keys()) };
    return [
      {
        type,
        regionCode,
        partnerships: entry.partnershipsInArea.size,
        ...groupImpact(prepared, group, [
          "Comparison schools are the members' family members in no partnership of this type, wherever they are; members are the schools in the area.",
        ]),
      },
    ];
  });
}

export class EvaluationService {
  constructor(
    private readonly snapshots: ImpactSnapshots,
    private readonly partnerships: PartnershipLookup,
  ) {}

  async partnershipImpact(partnershipId: string): Promise<PartnershipImpactRecord> {
    const partnership =
      partnershipId.length === 0 || partnershipId.length > MAX_ID_LENGTH
        ? null
        : await this.partnerships.partnershipById.load(partnershipId);
    if (partnership === null) {
      throw new NotFoundError(`No partnership has id "${partnershipId}".`, "partnershipId");
    }
    const prepared = await this.snapshots.current();
    const impact = prepared.memoize(`partnership:${partnershipId}`, () =>
      partnershipGroupImpact(prepared, partnershipId),
    );
    return { partnership, ...impact };
  }

  async impactByPartnershipType(regionCode: string | null): Promise<PartnershipTypeImpactRecord[]> {
    const prepared = await this.snapshots.current();
    if (regionCode !== null && !prepared.snapshot.regionCodes.includes(regionCode)) {
      throw new NotFoundError(`No region has code "${regionCode}".`, "regionCode");
    }
    return prepared.memoize(`types:${regionCode ?? "ENGLAND"}`, () =>
      partnershipTypeImpacts(prepared, regionCode),
    );
  }
}
