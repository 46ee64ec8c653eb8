import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionTypes } from "../common/connection.types.js";
import { School } from "../schools/school.types.js";
import { PARTNERSHIP_TYPES, type PartnershipType } from "./partnership.model.js";

export const PartnershipTypeEnum = Object.fromEntries(
  PARTNERSHIP_TYPES.map((type) => [type, type]),
) as { [K in PartnershipType]: K };
registerEnumType(PartnershipTypeEnum, {
  name: "PartnershipType",
  description: "GIAS group types, then kinds of partnership made in the service.",
});

@ObjectType({ description: "A trust, federation or other group of schools working together." })
export class Partnership {
  @Field(() => ID, { description: "gias-<Group UID> for GIAS groups." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PartnershipTypeEnum, { nullable: true })
  type!: PartnershipType | null;

  @Field(() => String, { nullable: true, description: "As GIAS records it, e.g. Open." })
  status!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  openedOn!: string | null;

  @Field(() => String, { nullable: true })
  companiesHouseNumber!: string | null;

  @Field(() => String, { nullable: true, description: "GIAS group UID." })
  giasUid!: string | null;

  @Field(() => Int, { description: "How many schools are members." })
  memberCount!: number;
}

@ObjectType({ description: "A school's membership of a partnership." })
export class Membership {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When the school joined; null when GIAS records no date.",
  })
  joinedOn!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When the school left, where known; null for a current membership.",
  })
  leftOn!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      "For a membership that has ended: the date of the source that shows it had ended by then " +
      "(e.g. 2025-08-31, Ofsted's snapshot of trusts).",
  })
  leftBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why it ended, e.g. Moved to another trust.",
  })
  endedReason!: string | null;
}

@ObjectType({ description: "A member school of a partnership." })
export class PartnershipMember {
  @Field(() => School)
  school!: School;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "When the school joined; null when GIAS records no date.",
  })
  joinedOn!: string | null;
}

export const { Edge: PartnershipMemberEdge, Connection: PartnershipMemberConnection } =
  connectionTypes("PartnershipMember", PartnershipMember, "How many members it has (memberCount).");
