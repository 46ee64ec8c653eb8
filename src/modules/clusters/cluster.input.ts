import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import {
  MAX_ADOPTED_CLUSTERS,
  MAX_BOARD_MEMBERS,
  MAX_CLUSTER_SCHOOLS,
  MIN_CLUSTER_SCHOOLS,
} from "./cluster.model.js";

const MAX_URN = 9_999_999;
const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;
const urnMessage = { message: `must be a URN from 1 to ${MAX_URN}` };
const text = (min: number, max: number) => ({ message: `must be ${min} to ${max} characters` });

@InputType({ description: "The board's independent chair." })
export class BoardChairInput {
  @Field(() => String, { description: "2 to 120 characters." })
  @MinLength(2, text(2, 120))
  @MaxLength(120, text(2, 120))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name!: string;

  @Field(() => String, { nullable: true, description: "Up to 120 characters." })
  @IsOptional()
  @MaxLength(120, text(0, 120))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  organisation?: string | null;
}

@InputType({ description: "A person sitting on the board." })
export class BoardMemberInput {
  @Field(() => String, { description: "2 to 120 characters." })
  @MinLength(2, text(2, 120))
  @MaxLength(120, text(2, 120))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name!: string;

  @Field(() => String, {
    description: "E.g. Primary headteacher representative (2 to 80 characters).",
  })
  @MinLength(2, text(2, 80))
  @MaxLength(80, text(2, 80))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  role!: string;

  @Field(() => Int, { nullable: true, description: "The school the member represents, if any." })
  @IsOptional()
  @IsInt(urnMessage)
  @Min(1, urnMessage)
  @Max(MAX_URN, urnMessage)
  urn?: number | null;
}

@InputType({ description: "A School Improvement Board." })
export class BoardInput {
  @Field(() => String, { description: "3 to 120 characters." })
  @MinLength(3, text(3, 120))
  @MaxLength(120, text(3, 120))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
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
  @MinLength(3, text(3, 120))
  @MaxLength(120, text(3, 120))
  @Matches(PRINTABLE, { message: "must not contain control characters" })
  @Matches(/\S/, { message: "must not be blank" })
  name!: string;

  @Field(() => [Int], {
    description: `${MIN_CLUSTER_SCHOOLS} to ${MAX_CLUSTER_SCHOOLS} URNs of open schools in the LA.`,
  })
  @ArrayMinSize(MIN_CLUSTER_SCHOOLS, {
    message: `must list ${MIN_CLUSTER_SCHOOLS} to ${MAX_CLUSTER_SCHOOLS} schools`,
  })
  @ArrayMaxSize(MAX_CLUSTER_SCHOOLS, {
    message: `must list ${MIN_CLUSTER_SCHOOLS} to ${MAX_CLUSTER_SCHOOLS} schools`,
  })
  @IsInt({ each: true, ...urnMessage })
  @Min(1, { each: true, ...urnMessage })
  @Max(MAX_URN, { each: true, ...urnMessage })
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
