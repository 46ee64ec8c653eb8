/**
 * Writes schema/schema.graphql from the resolver classes (`npm run schema:emit`), or with
 * `--check` exits non-zero when the committed file differs from what the code defines.
 */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { commandLineArguments, projectRoot } from "../src/config.js";
import { buildGraphQLSchema } from "../src/server.js";

const SCHEMA_FILE = path.join(projectRoot, "schema", "schema.graphql");
const HEADER =
  "# Emitted by scripts/emit-schema.ts from the resolver classes: do not edit by hand.\n\n";

async function main(check: boolean): Promise<void> {
  const schema = await buildGraphQLSchema();
  const emitted = HEADER + printSchema(lexicographicSortSchema(schema)) + "\n";
  const relative = path.relative(process.cwd(), SCHEMA_FILE);
  if (!check) {
    writeFileSync(SCHEMA_FILE, emitted);
    console.log(`Wrote ${relative}.`);
    return;
  }
  let committed = "";
  try {
    committed = readFileSync(SCHEMA_FILE, "utf8");
  } catch {
    // A missing file is stale like any other.
  }
  if (committed !== emitted) {
    console.error(
      `${relative} is out of date with the code: run \`npm run schema:emit\` and commit it.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`${relative} is up to date.`);
}

main(commandLineArguments().includes("--check")).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
