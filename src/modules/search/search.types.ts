import { IsOptional } from "class-validator";
import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";
import { BoundedText, WholeNumber } from "../../hardening/input-decorators.js";
import type { SchoolRecord } from "../schools/school.model.js";
import { School } from "../schools/school.types.js";
import {
  DEFAULT_SEARCH_RESULTS,
  MAX_SEARCH_RESULTS,
  MAX_SEARCH_TEXT_LENGTH,
} from "./search.rules.js";

@ArgsType()
export class SearchSchoolsArgs {
  @Field(() => String, {
    description: `What people call the school: name, town, local authority, postcode, a former name or a URN, in any mix (1 to ${MAX_SEARCH_TEXT_LENGTH} characters). Case, apostrophes and punctuation do not matter; longer words may be misspelt.`,
  })
  @BoundedText(1, MAX_SEARCH_TEXT_LENGTH)
  text!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_SEARCH_RESULTS,
    description: `How many schools, 1 to ${MAX_SEARCH_RESULTS}; null means ${DEFAULT_SEARCH_RESULTS}.`,
  })
  @IsOptional()
  @WholeNumber(1, MAX_SEARCH_RESULTS, `must be a whole number from 1 to ${MAX_SEARCH_RESULTS}`)
  first?: number | null;
}

@ObjectType({ description: "A school found by searchSchools: how well and by what it matched." })
export class SchoolSearchHit {
  @Field(() => School)
  school!: SchoolRecord;

  @Field(() => Float, {
    description: "Relevance (higher is better); comparable within one search only.",
  })
  score!: number;

  @Field(() => [String], {
    description:
      'Which fields the text matched, in words: "name", "town or local authority", "postcode", "URN", "former name", "former URN".',
  })
  matchedOn!: string[];
}
