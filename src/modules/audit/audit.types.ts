import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/connection.types.js";
import type { Role } from "../../auth/principal.js";
import { RoleEnum } from "../../auth/auth.types.js";

@ObjectType({ description: "Who made a change." })
export class AuditActor {
  @Field(() => String, { description: "The token's subject." })
  sub!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ObjectType({ description: "One change made through the API, recorded in the same transaction." })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeResolver)
  at!: string;

  @Field(() => String, { description: 'The mutation, e.g. "respondToProposal".' })
  action!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => String, { nullable: true, description: "The request that made the change." })
  requestId!: string | null;

  @Field(() => String, { description: 'What changed, e.g. "PartnershipProposal", "School".' })
  targetType!: string;

  @Field(() => String)
  targetId!: string;

  @Field(() => [Int], { description: "Schools the change concerns." })
  urns!: number[];

  @Field(() => [String], { description: "Their regions." })
  regionCodes!: string[];

  @Field(() => JSONResolver, { nullable: true, description: "State before the change." })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "State after the change." })
  after!: unknown;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType({ description: "Audit events, newest first." })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType({ description: "Events matching every field given." })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'A mutation name, e.g. "leavePartnership".' })
  action?: string | null;

  @Field(() => Int, { nullable: true, description: "Events concerning this school." })
  urn?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Events concerning schools in this region; oversight may name only its own.",
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: "Events by this token subject." })
  actorSub?: string | null;
}
