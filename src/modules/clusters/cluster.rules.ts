/**
 * Turning clusters of points into proposals a council can read, and the rules an adoption must
 * meet. Pure functions over plain objects. Every number of the clusters module is here too:
 * clustering.ts's iteration guards and swap tolerances, and the sizes of clusters and boards.
 */
import { createHash } from "node:crypto";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/index.js";
import { PHASES, type Phase, type SchoolRecord } from "../schools/school.model.js";
import {
  clusterPoints,
  isMixed,
  strengthOf,
  type Centre,
  type Cluster,
  type ClusterPoint,
} from "./clustering.js";
import {
  PHASE_GROUPS,
  phaseGroupOf,
  type AdoptClustersRequest,
  type AdoptionSchoolState,
  type CandidateSchool,
  type ClusterCandidates,
  type ClusterProposalRecord,
  type PhaseGroupId,
} from "./cluster.model.js";

/** The numbers of clustering.ts's algorithm. */
export const CLUSTERING = {
  /** Assignment and centre updates stop here even if the assignment still changes. */
  maxIterations: 50,
  /** Passes of assignment swaps at most; each pass lowers the total, so this is only a guard. */
  maxSwapPasses: 100,
  /** A swap may grow a cluster's spread by this much at least ... */
  swapToleranceKm: 2,
  /** ... or by this share of its spread, whichever is larger. */
  swapToleranceShare: 0.25,
} as const;

/** Sizes: of proposed clusters, and what an adoption and its board may hold. */
export const CLUSTER_SIZES = {
  defaultTarget: 8,
  minTarget: 3,
  maxTarget: 40,
  maxAdoptedClusters: 100,
  minClusterSchools: 2,
  maxClusterSchools: 80,
  maxBoardMembers: 30,
} as const;

export interface ProposalParameters {
  targetSize: number;
  mixPhases: boolean;
}

interface GroupCluster extends Cluster {
  group: PhaseGroupId;
  /** Index among every group's clusters, before numbering. */
  key: number;
}

/**
 * Proposals for an LA's located schools: all phases clustered together when `mixPhases`, else
 * each phase group on its own (so no cluster mixes groups and swaps stay within a group).
 * Clusters are numbered north to south by centre (then west to east, then lowest URN).
 */
export function buildProposals(
  candidates: ClusterCandidates,
  parameters: ProposalParameters,
): ClusterProposalRecord[] {
  const located = candidates.schools.filter((candidate) => candidate.school.location !== null);
  const byUrn = new Map(located.map((candidate) => [candidate.school.urn, candidate]));
  const groups = new Map<PhaseGroupId, CandidateSchool[]>();
  for (const candidate of located) {
    const group = parameters.mixPhases ? "all" : phaseGroupOf(candidate.school.phase);
    groups.set(group, [...(groups.get(group) ?? []), candidate]);
  }

  const clusters: GroupCluster[] = [];
  const groupOrder: PhaseGroupId[] = ["all", ...PHASE_GROUPS.map((g) => g.id), "other"];
  for (const group of groupOrder) {
    const members = groups.get(group);
    if (!members) continue;
    const offset = clusters.length;
    for (const cluster of clusterPoints(members.map(toPoint), parameters.targetSize)) {
      clusters.push({
        ...cluster,
        group,
        key: clusters.length,
        swaps: cluster.swaps.map((swap) => ({ ...swap, partner: swap.partner + offset })),
      });
    }
  }

  const ordered = [...clusters].sort(
    (a, b) =>
      b.centre.latitude - a.centre.latitude ||
      a.centre.longitude - b.centre.longitude ||
      (a.memberIds[0] ?? 0) - (b.memberIds[0] ?? 0),
  );
  const naming: Naming = {
    byUrn,
    numberOf: new Map(ordered.map((cluster, i) => [cluster.key, i + 1])),
  };
  return ordered.map((cluster, i) => toProposal(cluster, i + 1, candidates, parameters, naming));
}

function toPoint(candidate: CandidateSchool): ClusterPoint {
  const location = candidate.school.location as Centre;
  return {
    id: candidate.school.urn,
    latitude: location.latitude,
    longitude: location.longitude,
    strength: strengthOf(candidate.needBand),
  };
}

/** How an explanation names the schools swapped and the clusters they were swapped with. */
interface Naming {
  byUrn: ReadonlyMap<number, CandidateSchool>;
  /** A cluster's number in the proposal, by its key. */
  numberOf: ReadonlyMap<number, number>;
}

function toProposal(
  cluster: GroupCluster,
  number: number,
  candidates: ClusterCandidates,
  parameters: ProposalParameters,
  naming: Naming,
): ClusterProposalRecord {
  const members = cluster.memberIds.map((urn) => naming.byUrn.get(urn) as CandidateSchool);
  const schools = members.map((member) => member.school);
  const strengths = members.map((member) => ({ strength: strengthOf(member.needBand) }));
  const stronger = strengths.filter((s) => s.strength === "STRONGER").length;
  const weaker = strengths.filter((s) => s.strength === "WEAKER").length;
  const laName = candidates.localAuthority.name;
  const town = mostCommonTown(schools);
  const groupSuffix = cluster.group === "all" ? "" : ` (${cluster.group})`;
  const name = `${laName} cluster ${number}${town === null ? "" : `: ${town}`}${groupSuffix}`;
  const mixed = isMixed(strengths);

  return {
    id: proposalId(candidates.localAuthority.code, parameters, cluster.memberIds),
    number,
    name,
    phaseGroup: cluster.group,
    schools,
    size: schools.length,
    pupils: schools.reduce((sum, school) => sum + (school.pupils?.value ?? 0), 0),
    centre: cluster.centre,
    spreadKm: cluster.spreadKm,
    needBands: [1, 2, 3, 4, null].map((band) => ({
      band,
      schools: members.filter((member) => bandOf(member) === band).length,
    })),
    phases: phaseCounts(schools),
    strongerSchools: stronger,
    weakerSchools: weaker,
    mixed,
    explanation: explain(cluster, members, { stronger, weaker, mixed }, naming),
  };
}

/** Bands outside 1..4 count as no band, as they do for mixing. */
function bandOf(member: CandidateSchool): number | null {
  const band = member.needBand;
  return band !== null && band >= 1 && band <= 4 ? band : null;
}

/** The cluster's id: a hash of the LA, the parameters and the members, so it is reproducible. */
export function proposalId(
  laCode: number,
  parameters: ProposalParameters,
  urns: readonly number[],
): string {
  const text = `${laCode}|${parameters.targetSize}|${parameters.mixPhases}|${[...urns].sort((a, b) => a - b).join(",")}`;
  return `cluster-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}

/** The town most members name, ties alphabetically; null when none names one. */
function mostCommonTown(schools: readonly SchoolRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const school of schools) {
    const town = school.town?.trim();
    if (town) counts.set(town, (counts.get(town) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best?.[0] ?? null;
}

function phaseCounts(schools: readonly SchoolRecord[]) {
  const order: (Phase | null)[] = [...PHASES, null];
  return order
    .map((phase) => ({ phase, schools: schools.filter((s) => s.phase === phase).length }))
    .filter((entry) => entry.schools > 0);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function explain(
  cluster: GroupCluster,
  members: readonly CandidateSchool[],
  { stronger, weaker, mixed }: { stronger: number; weaker: number; mixed: boolean },
  { byUrn, numberOf }: Naming,
): string {
  const unbanded = members.length - stronger - weaker;
  const parts = [
    `${plural(members.length, "school")} within ${cluster.spreadKm.toFixed(1)} km of the centre` +
      (cluster.group === "all" ? "" : `, ${cluster.group} phase group only`) +
      ".",
    `${plural(stronger, "stronger school")} (need band 3-4), ${plural(weaker, "weaker school")} (need band 1-2)` +
      (unbanded > 0 ? ` and ${plural(unbanded, "school")} without a need band.` : "."),
  ];
  const nameOf = (urn: number) => `${byUrn.get(urn)?.school.name ?? "school"} (URN ${urn})`;
  for (const swap of cluster.swaps) {
    parts.push(
      `Swapped ${nameOf(swap.gaveId)} for ${nameOf(swap.receivedId)} with cluster ${numberOf.get(swap.partner) ?? "?"} so that both clusters mix stronger and weaker schools.`,
    );
  }
  parts.push(
    mixed ? "Mixed: it has both stronger and weaker schools." : whyNotMixed(cluster, weaker),
  );
  return parts.join(" ");
}

/** The reason the mixing pass recorded, in words. */
function whyNotMixed(cluster: GroupCluster, weaker: number): string {
  const has = weaker > 0 ? "weaker" : "stronger";
  const lacks = weaker > 0 ? "stronger" : "weaker";
  const others = cluster.group === "all" ? "other cluster" : `other ${cluster.group} cluster`;
  switch (cluster.unmixedReason) {
    case "NO_SPARE":
      return `Not mixed: it has no ${lacks} school and only one ${has} school, which it cannot spare: swapping it for a ${lacks} school would leave it without a ${has} school.`;
    case "NO_PARTNER":
      return `Not mixed: it has no ${lacks} school, and no ${others} has two ${lacks} schools, so none could give one away and stay mixed itself.`;
    case "TOLERANCE":
      return `Not mixed: it has no ${lacks} school, and no swap with a nearby cluster kept both clusters mixed without growing either's spread by more than ${CLUSTERING.swapToleranceKm} km or ${CLUSTERING.swapToleranceShare * 100}%.`;
    default:
      return "Not mixed: none of its schools has a need band.";
  }
}

/**
 * The parts of an adoption that need no database: counts within bounds and no school in two
 * clusters. Throws ValidationError naming the input path.
 */
export function checkAdoptionRequest(request: AdoptClustersRequest): void {
  const { clusters, board } = request;
  if (clusters.length < 1 || clusters.length > CLUSTER_SIZES.maxAdoptedClusters) {
    throw new ValidationError(
      `\`input.clusters\` must list 1 to ${CLUSTER_SIZES.maxAdoptedClusters} clusters.`,
      "input.clusters",
    );
  }
  if (board.members.length > CLUSTER_SIZES.maxBoardMembers) {
    throw new ValidationError(
      `\`input.board.members\` must list at most ${CLUSTER_SIZES.maxBoardMembers} members.`,
      "input.board.members",
    );
  }
  const seen = new Map<number, number>();
  clusters.forEach((cluster, i) => {
    const path = `input.clusters[${i}].urns`;
    if (
      cluster.urns.length < CLUSTER_SIZES.minClusterSchools ||
      cluster.urns.length > CLUSTER_SIZES.maxClusterSchools
    ) {
      throw new ValidationError(
        `\`${path}\` must list ${CLUSTER_SIZES.minClusterSchools} to ${CLUSTER_SIZES.maxClusterSchools} schools.`,
        path,
      );
    }
    for (const urn of cluster.urns) {
      const earlier = seen.get(urn);
      if (earlier !== undefined) {
        throw new ValidationError(
          earlier === i
            ? `URN ${urn} appears twice in cluster ${i + 1}; a school belongs to one cluster.`
            : `URN ${urn} appears in clusters ${earlier + 1} and ${i + 1}; a school belongs to one cluster.`,
          path,
        );
      }
      seen.set(urn, i);
    }
  });
}

/**
 * The rules that need the graph, checked in the write transaction: every URN is a school, open
 * and in the LA, and in no open CLUSTER partnership already (a council's clusters partition its
 * schools, although the cluster model itself is not exclusive); a board member's URN is a school.
 */
export function checkAdoptionSchools(
  request: AdoptClustersRequest,
  laName: string,
  schools: ReadonlyMap<number, AdoptionSchoolState>,
): void {
  request.clusters.forEach((cluster, i) => {
    const path = `input.clusters[${i}].urns`;
    for (const urn of cluster.urns) {
      const school = schools.get(urn);
      if (school === undefined) throw new NotFoundError(`No school has URN ${urn}.`, path);
      if (!school.open) {
        throw new ValidationError(`${school.name} (URN ${urn}) is not an open school.`, path);
      }
      if (school.laCode !== request.localAuthorityCode) {
        throw new ValidationError(`${school.name} (URN ${urn}) is not in ${laName}.`, path);
      }
    }
  });
  request.board.members.forEach((member, i) => {
    if (member.urn !== null && !schools.get(member.urn)?.open) {
      throw new NotFoundError(
        `No open school has URN ${member.urn}.`,
        `input.board.members[${i}].urn`,
      );
    }
  });
  const taken = request.clusters
    .flatMap((cluster) => cluster.urns)
    .flatMap((urn) => {
      const school = schools.get(urn);
      return school && school.clusterIds.length > 0 ? [school] : [];
    });
  if (taken.length > 0) {
    const first = taken[0]!;
    throw new ConflictError(
      `${plural(taken.length, "school is", "schools are")} already in an open cluster, e.g. ${first.name} (URN ${first.urn}) in ${first.clusterIds[0]}.`,
      { urns: taken.map((school) => school.urn) },
    );
  }
}
