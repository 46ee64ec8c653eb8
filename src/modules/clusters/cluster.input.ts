import { ArrayMaxSize, ArrayMinSize, IsInt, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import {
  BoundedText,
  OptionalBoundedText,
  OptionalUrn,
  UrnList,
} from "../../hardening/input-decorators.js";
import {
  MAX_ADOPTED_CLUSTERS,
  MAX_BOARD_MEMBERS,
  MAX_CLUSTER_SCHOOLS,
  MIN_CLUSTER_SCHOOLS,
} from "./cluster.rules.js";

@InputType({ description: "The board's independent chair." })
export class BoardChairInput {
  @Field(() => String, { description: "2 to 120 characters." })
  @BoundedText(2, 120)
  name!: string;

  @Field(() => String, { nullable: true, description: "Up to 120 characters." })
  @OptionalBoundedText(0, 120)
  organisation?: string | null;
}

@InputType({ description: "A person sitting on the board." })
export class BoardMemberInput {
  @Field(() => String, { description: "2 to 120 characters." })
  @BoundedText(2, 120)
  name!: string;

  @Field(() => String, {
    description: "E.g. Primary headteacher representative (2 to 80 characters).",
  })
  @BoundedText(2, 80)
  role!: string;

  @Field(() => Int, { nullable: true, description: "The school the member represents, if any." })
  @OptionalUrn()
  urn?: number | null;
}

@InputType({ description: "A School Improvement Board." })
export class BoardInput {
  @Field(() => String, { description: "3 to 120 characters." })
  @BoundedText(3, 120)
  name!: string;

  @Field(() => BoardChairInput)
  @ValidateNested()
  chair!: BoardChairInput;

  @Field(() => [BoardMemberInput], {
    defaultValue: [],
    description: `0 to ${MAX_BOARD_MEMBERS} members.`,
  })
  @ArrayMaxSize(MAX_BOARD_MEMBERS, { message: `must list at most ${MAX_BOARD_MEMBERS} members` })
  @ValidateNested({ each: true })
  members!: BoardMemberInput[];
}

@InputType({ description: "One cluster to adopt, as a list of schools." })
export class AdoptClusterInput {
  @Field(() => String, { description: "3 to 120 characters." })
  @BoundedText(3, 120)
  name!: string;

  @Field(() => [Int], {
    description: `${MIN_CLUSTER_SCHOOLS} to ${MAX_CLUSTER_SCHOOLS} URNs of open schools in the LA.`,
  })
  @UrnList(MIN_CLUSTER_SCHOOLS, MAX_CLUSTER_SCHOOLS)
  urns!: number[];
}

@InputType({
  description:
    "A council adopts clusters (adjusted from proposeClusters as it sees fit) under a School Improvement Board.",
})
export class AdoptClustersInput {
  @Field(() => Int, { description: "3-digit DfE code of the council's local authority." })
  @IsInt({ message: "must be a 3-digit local authority code" })
  localAuthorityCode!: number;

  @Field(() => BoardInput)
  @ValidateNested()
  board!: BoardInput;

  @Field(() => [AdoptClusterInput], { description: `1 to ${MAX_ADOPTED_CLUSTERS} clusters.` })
  @ArrayMinSize(1, { message: `must list 1 to ${MAX_ADOPTED_CLUSTERS} clusters` })
  @ArrayMaxSize(MAX_ADOPTED_CLUSTERS, {
    message: `must list 1 to ${MAX_ADOPTED_CLUSTERS} clusters`,
  })
  @ValidateNested({ each: true })
  clusters!: AdoptClusterInput[];
}
