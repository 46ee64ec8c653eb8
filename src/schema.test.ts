/**
 * Resolvers answer in the same execution pass when their data is already held: a field with
 * arguments must not turn into a promise on its own. type-graphql awaited every argument, even
 * with validation off, so each such field and every object above it went through promises
 * (patches/type-graphql+2.0.0-rc.4.patch makes it return the value when there is nothing to
 * validate). Services here are stubs holding their answers; nothing reads the database.
 */
import "reflect-metadata";
import { execute, parse, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { toPage } from "./modules/common/pagination.js";
import { buildGraphQLSchema } from "./server.js";

const school = { urn: 118870, name: "Example Primary", laCode: 886, regionCode: "E12000008" };
const partnership = { id: "gias-1", name: "Example Trust", memberCount: 1 };

const services = {
  schools: { byUrn: (urn: number) => (urn === school.urn ? school : null) },
  geography: { localAuthorityByCode: () => ({ code: 886, name: "Kent" }) },
  partnerships: {
    membershipsOfSchool: () => [{ partnership, joinedOn: null }],
    members: (_id: string, first: number) =>
      toPage([{ school, joinedOn: null }], first, (member) => member.school, 1),
  },
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
}, 30_000);

describe("resolvers with arguments", () => {
  it("answer synchronously when the services hold their data", () => {
    const result = execute({
      schema,
      document: parse(`{
        school(urn: 118870) {
          name
          localAuthority { name }
          memberships { partnership { name members(first: 5) { totalCount edges { node { school { urn } } } } } }
        }
      }`),
      contextValue: { services },
    });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({
      data: {
        school: {
          name: "Example Primary",
          localAuthority: { name: "Kent" },
          memberships: [
            {
              partnership: {
                name: "Example Trust",
                members: { totalCount: 1, edges: [{ node: { school: { urn: 118870 } } }] },
              },
            },
          ],
        },
      },
    });
  });
});
