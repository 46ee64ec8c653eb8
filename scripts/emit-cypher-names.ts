/**
 * Writes src/db/cypher-names.ts, the type of every statement and fragment name under cypher/
 * (`npm run cypher:names`), or with `--check` exits non-zero when the committed file is stale.
 * Run it after adding, renaming or removing a .cypher file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { commandLineArguments, projectRoot } from "../src/config.js";
import { cypherFileNames } from "../src/db/cypher.js";

const NAMES_FILE = path.join(projectRoot, "src", "db", "cypher-names.ts");

function emitted(): string {
  const names = cypherFileNames().map((name) => `  | ${JSON.stringify(name)}`);
  return [
    "// Emitted by scripts/emit-cypher-names.ts from the files under cypher/: do not edit by hand.",
    "",
    "/** Every statement and fragment under cypher/, by its path without the extension. */",
    "export type CypherName =",
    `${names.join("\n")};`,
    "",
  ].join("\n");
}

const text = emitted();
const relative = path.relative(process.cwd(), NAMES_FILE);
if (commandLineArguments().includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(NAMES_FILE, "utf8");
  } catch {
    // A missing file is stale like any other.
  }
  if (committed !== text) {
    console.error(`${relative} is out of date with cypher/: run \`npm run cypher:names\`.`);
    process.exitCode = 1;
  } else {
    console.log(`${relative} is up to date.`);
  }
} else {
  writeFileSync(NAMES_FILE, text);
  console.log(`Wrote ${relative}.`);
}
