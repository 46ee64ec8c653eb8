import { ArgsType, Field } from "type-graphql";
import { OptionalBoundedText } from "../../hardening/input-decorators.js";

export const MAX_PLACE_SEARCH_LENGTH = 100;

const SEARCH_DESCRIPTION = `Only those whose name contains this, ignoring case, apostrophes and punctuation (1 to ${MAX_PLACE_SEARCH_LENGTH} characters); [] when none does.`;

@ArgsType()
export class RegionsArgs {
  @Field(() => String, { nullable: true, description: SEARCH_DESCRIPTION })
  @OptionalBoundedText(1, MAX_PLACE_SEARCH_LENGTH)
  search?: string | null;
}

@ArgsType()
export class LocalAuthoritiesArgs {
  @Field(() => String, {
    nullable: true,
    description: "Only this region's (E12000001..E12000009); NOT_FOUND when no region has it.",
  })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: SEARCH_DESCRIPTION })
  @OptionalBoundedText(1, MAX_PLACE_SEARCH_LENGTH)
  search?: string | null;
}
