import type { Operation } from "../../auth/policy.js";
import {
  Arg,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Authorized,
} from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import { LocalAuthority } from "../geography/geography.types.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { Partnership } from "../partnerships/partnership.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import { AdoptClustersInput } from "./cluster.input.js";
import {
  type AdoptedClustersRecord,
  type BoardMemberRecord,
  type BoardRecord,
  type ClusterProposalRecord,
} from "./cluster.model.js";
import { CLUSTER_SIZES } from "./cluster.rules.js";
import {
  AdoptedClusters,
  BoardMember,
  ClusterProposal,
  SchoolImprovementBoard,
} from "./cluster.types.js";

@Resolver(() => ClusterProposal)
export class ClusterResolver {
  @Query(() => [ClusterProposal], {
    description:
      "Proposed geographic clusters of a local authority's open state-funded schools with a location (schools without one cannot be placed and are left out). Deterministic: the same data and parameters give the same clusters.",
  })
  proposeClusters(
    @Arg("localAuthorityCode", () => Int, { description: "3-digit DfE code, e.g. 838 (Dorset)." })
    localAuthorityCode: number,
    @Arg("targetSize", () => Int, {
      nullable: true,
      defaultValue: CLUSTER_SIZES.defaultTarget,
      description: `Schools per cluster aimed at, ${CLUSTER_SIZES.minTarget} to ${CLUSTER_SIZES.maxTarget}.`,
    })
    targetSize: number | null,
    @Arg("mixPhases", () => Boolean, {
      nullable: true,
      defaultValue: true,
      description:
        "Cluster all phases together (cross-phase pyramids); false clusters primary, secondary, special and other schools separately.",
    })
    mixPhases: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClusterProposalRecord[]> {
    return ctx.services.clusters.propose({ localAuthorityCode, targetSize, mixPhases });
  }

  @Mutation(() => AdoptedClusters, {
    description:
      "A council adopts clusters under a new School Improvement Board (admins, or oversight of the LA's region): CONFLICT when a school is already in an open cluster.",
  })
  @Authorized<Operation>("adoptClusters")
  adoptClusters(
    @Arg("input", () => AdoptClustersInput)
    input: AdoptClustersInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdoptedClustersRecord> {
    return ctx.services.clusters.adopt({
      localAuthorityCode: input.localAuthorityCode,
      board: {
        name: input.board.name.trim(),
        chair: {
          name: input.board.chair.name.trim(),
          organisation: input.board.chair.organisation?.trim() || null,
        },
        members: (input.board.members ?? []).map((member) => ({
          name: member.name.trim(),
          role: member.role.trim(),
          urn: member.urn ?? null,
        })),
      },
      clusters: input.clusters.map((cluster) => ({
        name: cluster.name.trim(),
        urns: cluster.urns,
      })),
    });
  }
}

@Resolver(() => AdoptedClusters)
export class AdoptedClustersResolver {
  @FieldResolver(() => Partnership)
  async board(
    @Root() adopted: AdoptedClustersRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord> {
    return required(await ctx.services.partnerships.byId(adopted.boardId), adopted.boardId);
  }

  @FieldResolver(() => [Partnership])
  async clusters(
    @Root() adopted: AdoptedClustersRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord[]> {
    const found = await Promise.all(
      adopted.clusterIds.map((id) => ctx.services.partnerships.byId(id)),
    );
    return found.map((partnership, i) => required(partnership, adopted.clusterIds[i]!));
  }
}

function required(partnership: PartnershipRecord | null, id: string): PartnershipRecord {
  if (partnership === null) throw new Error(`Partnership ${id} was just created but is not found`);
  return partnership;
}

@Resolver(() => Partnership)
export class PartnershipBoardResolver {
  @FieldResolver(() => Partnership, {
    nullable: true,
    description: "The School Improvement Board overseeing this cluster, if any.",
  })
  async overseenBy(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    const id = await ctx.services.clusters.overseenById(partnership.id);
    return id === null ? null : ctx.services.partnerships.byId(id);
  }

  @FieldResolver(() => [Partnership], {
    description: "Clusters this School Improvement Board oversees, by name.",
  })
  async oversees(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord[]> {
    const ids = await ctx.services.clusters.overseesIds(partnership.id);
    const found = await Promise.all(ids.map((id) => ctx.services.partnerships.byId(id)));
    return found.filter((p): p is PartnershipRecord => p !== null);
  }

  @FieldResolver(() => SchoolImprovementBoard, {
    nullable: true,
    description: "Chair, members and advising council; null unless a School Improvement Board.",
  })
  async board(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BoardRecord | null> {
    return partnership.type === "SCHOOL_IMPROVEMENT_BOARD"
      ? ctx.services.clusters.board(partnership.id)
      : null;
  }
}

@Resolver(() => SchoolImprovementBoard)
export class SchoolImprovementBoardResolver {
  @FieldResolver(() => LocalAuthority, {
    nullable: true,
    description: "The council advising the board.",
  })
  advisingCouncil(
    @Root() board: BoardRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LocalAuthorityRecord | null> {
    return board.advisingCouncilCode === null
      ? Promise.resolve(null)
      : ctx.services.geography.localAuthority(board.advisingCouncilCode);
  }
}

@Resolver(() => BoardMember)
export class BoardMemberResolver {
  @FieldResolver(() => School, { nullable: true, description: "The school represented, if any." })
  school(
    @Root() member: BoardMemberRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return member.urn === null ? Promise.resolve(null) : ctx.services.schools.byUrn(member.urn);
  }
}

export const clusterResolvers = [
  ClusterResolver,
  AdoptedClustersResolver,
  PartnershipBoardResolver,
  SchoolImprovementBoardResolver,
  BoardMemberResolver,
] as const;
