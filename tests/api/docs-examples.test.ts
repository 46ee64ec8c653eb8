/**
 * Every GraphQL example in the README and docs/ still works: each is valid against the schema
 * (schema/schema.graphql, which `npm run check` holds to the code), and each query runs against
 * the real database without an error, as an admin so no example is refused for its role.
 * Mutations are validated but not run: they would change the shared graph.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import {
  Kind,
  buildSchema,
  parse,
  print,
  validate,
  type DocumentNode,
  type OperationDefinitionNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { testToken, useApi } from "../helpers/api.js";

const api = useApi();
const schema = buildSchema(
  readFileSync(path.join(projectRoot, "schema", "schema.graphql"), "utf8"),
);

interface Example {
  file: string;
  line: number;
  text: string;
}

function examples(): Example[] {
  const files = [
    "README.md",
    ...readdirSync(path.join(projectRoot, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => path.join("docs", name)),
  ];
  return files.flatMap((file) => {
    const text = readFileSync(path.join(projectRoot, file), "utf8");
    return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({
      file,
      line: text.slice(0, match.index).split("\n").length + 1,
      text: match[1]!,
    }));
  });
}

const ALL = examples();

describe("GraphQL examples in the README and docs/", () => {
  it("when the docs are read, then they hold examples to check", () => {
    expect(ALL.length).toBeGreaterThan(10);
  });

  it.each(ALL.map((example) => [`${example.file}:${example.line}`, example] as const))(
    "when %s is checked against the schema, then it is valid, and a query runs without an error",
    async (_where, example) => {
      const document = parse(example.text);
      const fragments = document.definitions.filter(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION,
      );
      // A block may show several operations one after another: each is checked on its own.
      const operations = document.definitions.filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations.length).toBeGreaterThan(0);
      for (const operation of operations) {
        const single: DocumentNode = {
          kind: Kind.DOCUMENT,
          definitions: [operation, ...fragments],
        };
        expect(validate(schema, single).map((error) => error.message)).toEqual([]);
        if (operation.operation !== "query" || (operation.variableDefinitions?.length ?? 0) > 0) {
          continue;
        }
        const token = await testToken({ role: "ADMIN", sub: "docs-examples" });
        const result = await api().executeText(print(single), {}, { token });
        expect(result.errors ?? []).toEqual([]);
        expect(result.data).toBeTruthy();
      }
    },
  );
});
