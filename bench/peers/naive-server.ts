/**
 * The naive peer of bench/peers.bench.ts: the fields of this service's schema that the workloads
 * read, each object field resolved by its own Cypher statement (no DataLoader, no batching), as a
 * first GraphQL server over Neo4j would be written. Prints `listening <url>` once ready.
 */
import { buildSchema, type GraphQLFieldResolver, type GraphQLObjectType } from "graphql";
import neo4j from "neo4j-driver";
import { countingDriver } from "./counting-driver.js";
import { serve } from "./serve.js";

const typeDefs = /* GraphQL */ `
  type Query {
    school(urn: Int!): School
    schools(filter: SchoolFilter, first: Int = 20): SchoolConnection!
  }
  input SchoolFilter {
    localAuthorityCode: Int
  }
  type SchoolConnection {
    edges: [SchoolEdge!]!
  }
  type SchoolEdge {
    node: School!
  }
  type School {
    urn: Int!
    name: String!
    localAuthority: LocalAuthority
    memberships: [Membership!]!
  }
  type LocalAuthority {
    code: Int!
    name: String!
    region: Region
  }
  type Region {
    code: String!
    name: String!
  }
  type Membership {
    partnership: Partnership!
  }
  type Partnership {
    id: ID!
    name: String!
    members(first: Int = 20): PartnershipMemberConnection!
  }
  type PartnershipMemberConnection {
    edges: [PartnershipMemberEdge!]!
  }
  type PartnershipMemberEdge {
    node: PartnershipMember!
  }
  type PartnershipMember {
    school: School!
  }
`;

type Row = Record<string, unknown>;
const { driver, statements } = countingDriver();

async function rows(cypher: string, params: Row): Promise<Row[]> {
  const { records } = await driver.executeQuery(cypher, params, { routing: "READ" });
  return records.map((record) => record.get(0) as Row);
}

const resolvers: Record<string, Record<string, GraphQLFieldResolver<Row, unknown, never>>> = {
  Query: {
    school: async (_: Row, { urn }: { urn: number }) =>
      (await rows("MATCH (s:School {urn: $urn}) RETURN s {.*}", { urn }))[0] ?? null,
    schools: async (_: Row, args: { filter?: { localAuthorityCode?: number }; first: number }) => ({
      edges: (
        await rows(
          `MATCH (s:School {laCode: $laCode}) RETURN s {.*} ORDER BY s.name, s.urn LIMIT $first`,
          { laCode: args.filter?.localAuthorityCode ?? null, first: neo4j.int(args.first) },
        )
      ).map((node) => ({ node })),
    }),
  },
  School: {
    localAuthority: async (school: Row) =>
      (
        await rows(
          "MATCH (:School {urn: $urn})-[:IN_LOCAL_AUTHORITY]->(la:LocalAuthority) RETURN la {.*}",
          { urn: school["urn"] },
        )
      )[0] ?? null,
    memberships: async (school: Row) =>
      (
        await rows(
          `MATCH (:School {urn: $urn})-[:MEMBER_OF]->(p:Partnership)
             RETURN p {.*} ORDER BY p.name, p.id`,
          { urn: school["urn"] },
        )
      ).map((partnership) => ({ partnership })),
  },
  LocalAuthority: {
    region: async (la: Row) =>
      (
        await rows("MATCH (:LocalAuthority {code: $code})-[:IN_REGION]->(r:Region) RETURN r {.*}", {
          code: la["code"],
        })
      )[0] ?? null,
  },
  Partnership: {
    members: async (partnership: Row, { first }: { first: number }) => ({
      edges: (
        await rows(
          `MATCH (s:School)-[:MEMBER_OF]->(:Partnership {id: $id})
             RETURN s {.*} ORDER BY s.name, s.urn LIMIT $first`,
          { id: partnership["id"], first: neo4j.int(first) },
        )
      ).map((school) => ({ node: { school } })),
    }),
  },
};

const schema = buildSchema(typeDefs);
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const [field, resolve] of Object.entries(fields)) {
    type.getFields()[field]!.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
}

await serve(
  schema,
  () => Promise.resolve({}),
  statements,
  () => driver.close(),
);
