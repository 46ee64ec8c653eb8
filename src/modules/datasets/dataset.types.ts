import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A published dataset that figures in the graph were loaded from." })
export class Dataset {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'The period it describes, e.g. "2022/23".' })
  period!: string | null;

  @Field(() => String, { nullable: true })
  licence!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The attribution line the licence asks users to keep with any copy.",
  })
  attribution!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Where the copy was taken from: repository, path and commit.",
  })
  origin!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
