import { ArrayMaxSize, ArrayMinSize, IsInt, ValidateNested } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import {
  BoundedText,
  OptionalBoundedText,
  OptionalUrn,
  UrnList,
} from "../../hardening/input-decorators.js";
import { CLUSTER_SIZES } from "./cluster.rules.js";

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
    description: `0 to ${CLUSTER_SIZES.maxBoardMembers} members.`,
  })
  @ArrayMaxSize(CLUSTER_SIZES.maxBoardMembers, {
    message: `must list at most ${CLUSTER_SIZES.maxBoardMembers} members`,
  })
  @ValidateNested({ each: true })
  members!: BoardMemberInput[];
}

@InputType({ description: "One cluster to adopt, as a list of schools." })
export class AdoptClusterInput {
  @Field(() => String, { description: "3 to 120 characters." })
  @BoundedText(3, 120)
  name!: string;

  @Field(() => [Int], {
    description: `${CLUSTER_SIZES.minClusterSchools} to ${CLUSTER_SIZES.maxClusterSchools} URNs of open schools in the LA.`,
  })
  @UrnList(CLUSTER_SIZES.minClusterSchools, CLUSTER_SIZES.maxClusterSchools)
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

  @Field(() => [AdoptClusterInput], {
    description: `1 to ${CLUSTER_SIZES.maxAdoptedClusters} clusters.`,
  })
  @ArrayMinSize(1, { message: `must list 1 to ${CLUSTER_SIZES.maxAdoptedClusters} clusters` })
  @ArrayMaxSize(CLUSTER_SIZES.maxAdoptedClusters, {
    message: `must list 1 to ${CLUSTER_SIZES.maxAdoptedClusters} clusters`,
  })
  @ValidateNested({ each: true })
  clusters!: AdoptClusterInput[];
}
