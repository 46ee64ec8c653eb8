import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Where a page ends, for fetching the next one." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when another page follows this one." })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Pass as `after` to fetch the next page; null when the page is empty.",
  })
  endCursor!: string | null;
}

/**
 * A Relay connection and its edge type for `node`, named `<name>Connection` and `<name>Edge`.
 * `totalCountDescription` says what the total costs, which differs between connections.
 */
export function connectionTypes<T extends object>(
  name: string,
  node: ClassType<T>,
  totalCountDescription: string,
) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: "Opaque position of this edge, for `after`." })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: totalCountDescription })
    totalCount!: number;
  }

  return { Edge, Connection };
}

/**
 * A connection's `first` and `after`: pages of 1 to 100, 20 by default, checked where the page is
 * read (pagination.ts). Taken with NOT_VALIDATED: class-validator answers asynchronously, and a
 * connection on every row of a list must not turn each field into a promise.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: "1 to 100." })
  first!: number | null;

  @Field(() => String, { nullable: true, description: "endCursor of the previous page." })
  after!: string | null;
}

/** `@Args(() => PageArgs, NOT_VALIDATED)`: arguments without class-validator rules. */
export const NOT_VALIDATED = { validate: false } as const;
