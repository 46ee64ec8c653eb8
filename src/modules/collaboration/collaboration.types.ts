import { Field, Int, ObjectType } from "type-graphql";
import { PartnershipTypeEnum } from "../partnerships/partnership.types.js";
import type { PartnershipType } from "../partnerships/partnership.model.js";
import {
  ELIGIBILITIES,
  FORMATIONS,
  LEAVING_RULES,
  SCHOOL_CATEGORIES,
  type Eligibility,
  type Formation,
  type LeavingRule,
  type SchoolCategory,
} from "./collaboration.model.js";
import { graphqlEnum } from "../common/enums.js";

export const SchoolCategoryEnum = graphqlEnum(SCHOOL_CATEGORIES, {
  name: "SchoolCategory",
  description:
    "The kinds of school joining rules distinguish: maintained; academies (with free schools and CTCs); independent (with non-maintained special schools).",
});

export const EligibilityEnum = graphqlEnum(ELIGIBILITIES, {
  name: "Eligibility",
  description: "Whether a kind of school can join: directly, once converted to an academy, or not.",
});

export const LeavingRuleEnum = graphqlEnum(LEAVING_RULES, {
  name: "LeavingRule",
  description:
    "AT_WILL: the school leaves at once. NOTICE: it stays a member until its notice ends. STATUTORY_PROCESS: only a statutory or DfE process can take it out.",
});

export const FormationEnum = graphqlEnum(FORMATIONS, {
  name: "Formation",
  description:
    "AGREEMENT: schools form it by agreeing. STATUTORY: a statutory or DfE process follows the agreement (partnerships made here start as Forming). DESIGNATION: DfE designates it; schools only join. SINGLE_SCHOOL: one school alone, never proposed.",
});

@ObjectType({ description: "What a kind of school does to take a model up." })
export class JoiningRoute {
  @Field(() => EligibilityEnum)
  eligibility!: Eligibility;

  @Field(() => [String], { description: "The steps, in order; empty when not eligible." })
  steps!: string[];
}

@ObjectType({ description: "Joining routes for each kind of school." })
export class JoiningRoutes {
  @Field(() => JoiningRoute)
  maintained!: JoiningRoute;

  @Field(() => JoiningRoute, { description: "Academies, free schools and CTCs." })
  academy!: JoiningRoute;

  @Field(() => JoiningRoute, { description: "Independent and non-maintained special schools." })
  independent!: JoiningRoute;
}

@ObjectType({ description: "A way schools in England can work together, from the catalogue." })
export class CollaborationModel {
  @Field(() => String, { description: 'Catalogue id, e.g. "multi-academy-trust".' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnershipTypeEnum, { description: "The type its partnerships have." })
  partnershipType!: PartnershipType;

  @Field(() => String)
  summary!: string;

  @Field(() => String)
  legalForm!: string;

  @Field(() => String)
  governance!: string;

  @Field(() => JoiningRoutes, { description: "Who can join, and how." })
  joining!: JoiningRoutes;

  @Field(() => FormationEnum)
  formation!: Formation;

  @Field(() => String, {
    nullable: true,
    description: "Models sharing a group are exclusive: a school belongs to one at a time.",
  })
  exclusiveGroup!: string | null;

  @Field(() => Boolean, {
    description: "Needs at least one independent and one state-funded school.",
  })
  mixesSectors!: boolean;

  @Field(() => LeavingRuleEnum)
  leavingRule!: LeavingRule;

  @Field(() => Int, { nullable: true, description: "Days of notice, for the NOTICE rule." })
  noticeDays!: number | null;

  @Field(() => String, { description: "How a member leaves." })
  leavingProcedure!: string;

  @Field(() => String)
  typicalCosts!: string;

  @Field(() => [String])
  advantages!: string[];

  @Field(() => [String])
  disadvantages!: string[];

  @Field(() => [String], { description: "Legislation and guidance the description rests on." })
  references!: string[];
}

@ObjectType({ description: "A model a school can take up, with its roadmap." })
export class CollaborationOption {
  @Field(() => CollaborationModel)
  model!: CollaborationModel;

  @Field(() => EligibilityEnum, { description: "ELIGIBLE or AFTER_CONVERSION." })
  eligibility!: Eligibility;

  @Field(() => [String], { description: "What this school does, in order." })
  steps!: string[];

  @Field(() => [String], {
    description: "Partnerships of this model the school already belongs to.",
  })
  existingPartnershipIds!: string[];
}

@ObjectType({ description: "A model the school cannot take up now, and why." })
export class UnavailableCollaborationModel {
  @Field(() => CollaborationModel)
  model!: CollaborationModel;

  @Field(() => String)
  reason!: string;
}

@ObjectType({
  description: "Which collaboration models a school can take up, given its status and memberships.",
})
export class CollaborationRoadmap {
  @Field(() => Int)
  urn!: number;

  @Field(() => SchoolCategoryEnum, {
    nullable: true,
    description: "Null when governance is unknown.",
  })
  category!: SchoolCategory | null;

  @Field(() => [CollaborationOption])
  options!: CollaborationOption[];

  @Field(() => [UnavailableCollaborationModel])
  unavailable!: UnavailableCollaborationModel[];
}
