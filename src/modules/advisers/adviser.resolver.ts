import type { MaybePromise } from "../common/loaders.js";
import type { Operation } from "../../auth/policy.js";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import type { LocalAuthorityRecord } from "../geography/geography.model.js";
import { LocalAuthority } from "../geography/geography.types.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { Partnership } from "../partnerships/partnership.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import { AssignAdviserInput, RegisterAdviserInput, UnassignAdviserInput } from "./adviser.input.js";
import type { AdviserKind, AdviserRecord } from "./adviser.model.js";
import type { SchoolAdviser } from "./adviser.repository.js";
import type { AdviserCoverageRecord, UnadvisedPage } from "./adviser.service.js";
import {
  Adviser,
  AdviserCoverage,
  AdviserKindEnum,
  AdviserSchoolConnection,
  SchoolAdviserLink,
  UnadvisedSchoolConnection,
} from "./adviser.types.js";

@Resolver(() => Adviser)
export class AdviserResolver {
  @Query(() => Adviser, { nullable: true, description: "An adviser by id; null when unknown." })
  adviser(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdviserRecord | null> {
    return ctx.services.advisers.byId(id);
  }

  @Query(() => AdviserCoverage, {
    description:
      "How many open state-funded schools of an LA (or of England) have an adviser, by need band and weighted by need, with the unadvised schools neediest first. NOT_FOUND for an unknown LA.",
  })
  adviserCoverage(
    @Arg("localAuthorityCode", () => Int, { nullable: true, description: "Null: all of England." })
    localAuthorityCode: number | null,
    @Arg("kind", () => AdviserKindEnum, {
      nullable: true,
      description: "Count only advisers of this kind; null: any kind.",
    })
    kind: AdviserKind | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdviserCoverageRecord> {
    return ctx.services.advisers.coverage(localAuthorityCode, kind);
  }

  @Mutation(() => Adviser, {
    description:
      "Records a school improvement adviser (admins, or oversight in the region of the adviser's council or partnership).",
  })
  @Authorized<Operation>("registerAdviser")
  registerAdviser(
    @Arg("input", () => RegisterAdviserInput)
    input: RegisterAdviserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdviserRecord> {
    return ctx.services.advisers.register({
      name: input.name.trim(),
      kind: input.kind,
      organisation: input.organisation.trim(),
      localAuthorityCode: input.localAuthorityCode ?? null,
      partnershipId: input.partnershipId ?? null,
    });
  }

  @Mutation(() => Adviser, {
    description:
      "The adviser starts advising the schools, all or none: a school has at most one adviser of each kind, so one that has another is a CONFLICT naming it and its adviser. A council officer takes only its council's schools and a trust lead only its trust's current members (BAD_USER_INPUT otherwise). Schools it already advises are left as they are. Admins, or oversight of every school's region.",
  })
  @Authorized<Operation>("assignAdviser")
  assignAdviser(
    @Arg("input", () => AssignAdviserInput)
    input: AssignAdviserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdviserRecord> {
    return ctx.services.advisers.assign({
      adviserId: input.adviserId,
      urns: input.urns,
      since: input.since ?? null,
    });
  }

  @Mutation(() => Adviser, {
    description: "The adviser stops advising a school: NOT_FOUND when it does not advise it.",
  })
  @Authorized<Operation>("unassignAdviser")
  unassignAdviser(
    @Arg("input", () => UnassignAdviserInput)
    input: UnassignAdviserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdviserRecord> {
    return ctx.services.advisers.unassign({ adviserId: input.adviserId, urn: input.urn });
  }

  @FieldResolver(() => LocalAuthority, { nullable: true, description: "The council it works for." })
  localAuthority(
    @Root() adviser: AdviserRecord,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<LocalAuthorityRecord | null> {
    return ctx.services.geography.localAuthorityByCode(adviser.laCode);
  }

  @FieldResolver(() => Partnership, {
    nullable: true,
    description: "The trust or partnership it works for.",
  })
  async partnership(
    @Root() adviser: AdviserRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    return adviser.partnershipId === null
      ? null
      : ctx.services.partnerships.byId(adviser.partnershipId);
  }

  @FieldResolver(() => AdviserSchoolConnection, { description: "The schools it advises, by name." })
  schools(
    @Root() adviser: AdviserRecord,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<SchoolRecord>> {
    return ctx.services.advisers.schools(adviser.id, first, after);
  }
}

@Resolver(() => AdviserCoverage)
export class AdviserCoverageResolver {
  @FieldResolver(() => UnadvisedSchoolConnection, {
    description:
      "The schools without an adviser, neediest first: band 1 first (unbanded last), then need points (most first), then URN.",
  })
  unadvisedSchools(
    @Root() coverage: AdviserCoverageRecord,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UnadvisedPage> {
    return ctx.services.advisers.unadvised(coverage, first, after);
  }
}

@Resolver(() => School)
export class SchoolAdvisersResolver {
  @FieldResolver(() => [SchoolAdviserLink], {
    description: "The school's improvement advisers, at most one of each kind.",
  })
  advisers(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): Promise<SchoolAdviser[]> {
    return ctx.services.advisers.ofSchool(school.urn);
  }
}

export const adviserResolvers = [
  AdviserResolver,
  AdviserCoverageResolver,
  SchoolAdvisersResolver,
] as const;
