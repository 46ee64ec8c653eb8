import type { Operation } from "../../auth/policy.js";
import { LocalDateResolver } from "graphql-scalars";
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import type { PartnershipRecord } from "../partnerships/partnership.model.js";
import { Partnership } from "../partnerships/partnership.types.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import { grantRequestOf, RecordGrantInput } from "./funding.input.js";
import type { GrantRecord } from "./funding.model.js";
import type { FundingReportRecord } from "./funding.service.js";
import { FundingReport, Grant, GrantConnection } from "./funding.types.js";

@Resolver(() => Grant)
export class GrantResolver {
  @Mutation(() => Grant, {
    description:
      "Records a school improvement grant to one school or one partnership (admins, or oversight of every region the recipient's schools are in).",
  })
  @Authorized<Operation>("recordGrant")
  recordGrant(
    @Arg("input", () => RecordGrantInput)
    input: RecordGrantInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GrantRecord> {
    return ctx.services.funding.record(grantRequestOf(input));
  }

  @Query(() => FundingReport, {
    description:
      "Where the money of grants awarded between from and to lands: in an LA, a region, or (neither) England. BAD_USER_INPUT for an LA outside the region; NOT_FOUND for an unknown code.",
  })
  fundingReport(
    @Arg("regionCode", () => String, { nullable: true, description: "E12000001..E12000009." })
    regionCode: string | null,
    @Arg("localAuthorityCode", () => Int, { nullable: true, description: "3-digit DfE code." })
    localAuthorityCode: number | null,
    @Arg("from", () => LocalDateResolver, {
      nullable: true,
      description: "Grants awarded on or after this date.",
    })
    from: string | null,
    @Arg("to", () => LocalDateResolver, {
      nullable: true,
      description: "Grants awarded on or before this date.",
    })
    to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<FundingReportRecord> {
    return ctx.services.funding.report({ regionCode, localAuthorityCode, from, to });
  }

  @Query(() => GrantConnection, {
    description:
      "Grants with a share landing on a school in the area (as shared when awarded), newest award first.",
  })
  grants(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | null,
    @Arg("localAuthorityCode", () => Int, { nullable: true }) localAuthorityCode: number | null,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<GrantRecord>> {
    return ctx.services.funding.list({ regionCode, localAuthorityCode, first, after });
  }

  @FieldResolver(() => School, {
    nullable: true,
    description:
      "The school it went to; null for a grant to a partnership, or when that school has since closed (recipientUrn still names it).",
  })
  async recipientSchool(
    @Root() grant: GrantRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return grant.recipientUrn === null ? null : ctx.services.schools.byUrn(grant.recipientUrn);
  }

  @FieldResolver(() => Partnership, { nullable: true, description: "The partnership it went to." })
  async recipientPartnership(
    @Root() grant: GrantRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnershipRecord | null> {
    return grant.recipientPartnershipId === null
      ? null
      : ctx.services.partnerships.byId(grant.recipientPartnershipId);
  }
}

@Resolver(() => School)
export class SchoolGrantsResolver {
  @FieldResolver(() => [Grant], {
    description:
      "Grants awarded to the school itself and, as its history, to the closed schools it replaced (predecessors up to three SUCCEEDED_BY links back, e.g. before an academy conversion), newest first (at most 100). recipientUrn tells them apart: the school's own URN, or the predecessor's.",
  })
  grants(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): Promise<GrantRecord[]> {
    return ctx.services.funding.ofSchool(school.urn);
  }
}

@Resolver(() => Partnership)
export class PartnershipGrantsResolver {
  @FieldResolver(() => [Grant], {
    description: "Grants awarded to the partnership, newest first (at most 100).",
  })
  grants(
    @Root() partnership: PartnershipRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GrantRecord[]> {
    return ctx.services.funding.ofPartnership(partnership.id);
  }
}

export const fundingResolvers = [
  GrantResolver,
  SchoolGrantsResolver,
  PartnershipGrantsResolver,
] as const;
