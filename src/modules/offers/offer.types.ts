import { ArrayMaxSize, ArrayUnique } from "class-validator";
import { ArgsType, Field, Int, registerEnumType } from "type-graphql";
import { Urn } from "../../hardening/input-decorators.js";
import { SUPPORT_TOPICS, type SupportTopic } from "./offer.model.js";

export const SupportTopicEnum = Object.fromEntries(
  SUPPORT_TOPICS.map((topic) => [topic, topic]),
) as {
  [K in SupportTopic]: K;
};
registerEnumType(SupportTopicEnum, {
  name: "SupportTopic",
  description: "Something one school can help another with, or seeks help with.",
});

@ArgsType()
export class UpdateSchoolOfferArgs {
  @Field(() => Int, { description: "The school." })
  @Urn()
  urn!: number;

  @Field(() => [SupportTopicEnum], {
    description: "What it can offer other schools; [] for nothing.",
  })
  @ArrayUnique({ message: "must not list a topic twice" })
  @ArrayMaxSize(SUPPORT_TOPICS.length, { message: "lists more topics than there are" })
  offers!: SupportTopic[];

  @Field(() => [SupportTopicEnum], { description: "What it seeks support with; [] for nothing." })
  @ArrayUnique({ message: "must not list a topic twice" })
  @ArrayMaxSize(SUPPORT_TOPICS.length, { message: "lists more topics than there are" })
  seeks!: SupportTopic[];
}
