import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { MaybePromise } from "../common/loaders.js";
import type { GraphQLContext } from "../../context.js";
import { NOT_VALIDATED, PageArgs } from "../common/connection.types.js";
import type { Page } from "../common/pagination.js";
import { selectsField } from "../common/selection.js";
import type { DatasetRecord } from "../datasets/dataset.model.js";
import { sourceResolver } from "../datasets/dataset.resolver.js";
import { Dataset } from "../datasets/dataset.types.js";
import { placedResolver } from "../geography/area.resolver.js";
import type { Leadership as LeadershipRecord } from "../leaders/leader.model.js";
import { Leadership } from "../leaders/leader.types.js";
import type { MembershipRecord } from "../partnerships/partnership.model.js";
import { Membership } from "../partnerships/partnership.types.js";
import type {
  EstablishmentLink as EstablishmentLinkRecord,
  InspectionRecord,
  SchoolRecord,
} from "./school.model.js";
import {
  Deprivation,
  EstablishmentLink,
  Inspection,
  Ks2Attainment,
  Ks2Year,
  Ks2Progress,
  Ks4Progress8Band,
  Ks4Results,
  Location,
  Measure,
  Ofsted,
  RuralUrban,
  School,
  SchoolConnection,
  SchoolContact,
  SchoolFilter,
} from "./school.types.js";

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { nullable: true, description: "An open school by URN; null when unknown." })
  school(
    @Arg("urn", () => Int) urn: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.byUrn(urn);
  }

  @Query(() => SchoolConnection, { description: "Schools in name order, a page at a time." })
  schools(
    @Arg("filter", () => SchoolFilter, { nullable: true }) filter: SchoolFilter | null,
    @Args(() => PageArgs, NOT_VALIDATED) { first, after }: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<SchoolRecord>> {
    return ctx.services.schools.list({
      filter,
      first,
      after,
      includeTotal: selectsField(info, "totalCount"),
    });
  }

  @FieldResolver(() => [Membership], { description: "Partnerships the school belongs to." })
  memberships(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<MembershipRecord[]> {
    return ctx.services.partnerships.membershipsOfSchool(school.urn);
  }

  @FieldResolver(() => [Membership], {
    description:
      "Partnerships the school has left, newest first: e.g. a trust it moved from by 31 August 2025.",
  })
  formerMemberships(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): MaybePromise<MembershipRecord[]> {
    return ctx.services.partnerships.formerMembershipsOfSchool(school.urn);
  }

  @FieldResolver(() => [Inspection], {
    description:
      "Every Ofsted inspection held, graded and ungraded, newest first, each with its source.",
  })
  ofstedHistory(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InspectionRecord[]> {
    return ctx.services.schools.inspections(school.urn);
  }

  @FieldResolver(() => String, {
    description: "The school's record on Get Information About Schools.",
  })
  giasUrl(@Root() school: SchoolRecord): string {
    return `https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/${school.urn}`;
  }

  @FieldResolver(() => String, { description: "The school's Ofsted reports." })
  ofstedReportsUrl(@Root() school: SchoolRecord): string {
    return `https://reports.ofsted.gov.uk/provider/21/${school.urn}`;
  }

  @FieldResolver(() => [Leadership])
  leaders(@Root() school: SchoolRecord, @Ctx() ctx: GraphQLContext): Promise<LeadershipRecord[]> {
    return ctx.services.schools.leaders(school.urn);
  }

  @FieldResolver(() => [EstablishmentLink], {
    description: "Establishments this school replaced (e.g. the school before academy conversion).",
  })
  predecessors(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EstablishmentLinkRecord[]> {
    return ctx.services.schools.predecessors(school.urn);
  }

  @FieldResolver(() => [EstablishmentLink], { description: "Establishments that replaced it." })
  successors(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EstablishmentLinkRecord[]> {
    return ctx.services.schools.successors(school.urn);
  }

  @FieldResolver(() => Dataset, {
    nullable: true,
    description: "Where the descriptive fields (name, phase, type ...) came from.",
  })
  async detailsSource(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DatasetRecord | null> {
    return school.detailsSourceId === null
      ? null
      : ctx.services.datasets.sourceOf(school.detailsSourceId);
  }

  @FieldResolver(() => Dataset, {
    nullable: true,
    description: "Where `coastal` and `coastDistanceKm` came from.",
  })
  async coastalSource(
    @Root() school: SchoolRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DatasetRecord | null> {
    if (school.coastal === null && school.coastDistanceKm === null) return null;
    return ctx.services.datasets.sourceOf(school.coastalSourceId);
  }
}

@Resolver(() => EstablishmentLink)
export class EstablishmentLinkResolver {
  @FieldResolver(() => School, { nullable: true, description: "The school, if it is open." })
  school(
    @Root() link: EstablishmentLinkRecord,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SchoolRecord | null> {
    return ctx.services.schools.linked(link);
  }
}

/** `source: Dataset!` on every figure group a school carries. */
export const SchoolPlaceResolver = placedResolver(School);

export const schoolSourceResolvers = [
  Measure,
  Location,
  RuralUrban,
  Ofsted,
  Deprivation,
  Ks2Progress,
  Ks2Attainment,
  Ks4Results,
  Ks4Progress8Band,
  Inspection,
  Ks2Year,
  SchoolContact,
].map(sourceResolver);
