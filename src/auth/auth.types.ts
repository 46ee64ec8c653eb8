import { Field, Int, ObjectType } from "type-graphql";
import { ROLES, type Role } from "./principal.js";
import { graphqlEnum } from "../modules/common/enums.js";

export const RoleEnum = graphqlEnum(ROLES, {
  name: "Role",
  description:
    "SCHOOL acts for one school; SYSTEM_LEADER for one system leader's engagements; OVERSIGHT reads everything in its regions; ADMIN does everything.",
});

@ObjectType({ description: "Who the bearer token says the caller is." })
export class Viewer {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String)
  sub!: string;

  @Field(() => Int, { nullable: true, description: "For SCHOOL." })
  urn!: number | null;

  @Field(() => String, { nullable: true, description: "For SYSTEM_LEADER." })
  systemLeaderId!: string | null;

  @Field(() => [String], { description: "For OVERSIGHT; empty otherwise." })
  regionCodes!: string[];
}
