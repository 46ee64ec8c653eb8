import { LocalDateResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A person leading a school or partnership, as GIAS publishes them." })
export class Leadership {
  @Field(() => String, { description: "Full name, as published." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Title, e.g. Mrs, Dr." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "E.g. Headteacher, Chief Executive." })
  role!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "Start date; null when the source publishes none.",
  })
  since!: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The date of the published extract that names them.",
  })
  asOf!: string | null;
}
