/**
 * npm run bench:defences
 *
 * How long a document of doubling fragments (each spreading the one before twice) takes to be
 * refused by the field count that runs before validation (`documentLimitError`), against the
 * depth rule that would otherwise walk it spread by spread (`depthLimit` under graphql-js's
 * `validate`), in the same run. No database or server is needed. Prints milliseconds per
 * document and the baseline/ours ratio; asserts nothing.
 */
import "reflect-metadata";
import { parse, validate } from "graphql";
import { documentLimitError } from "../src/hardening/document-limits.js";
import { depthLimit } from "../src/hardening/query-limits.js";
import { buildGraphQLSchema } from "../src/server.js";
import { ms, ratio, table } from "./support.js";

function doublingFragments(levels: number): string {
  const fragments = ["fragment F0 on School { name }"];
  for (let level = 1; level <= levels; level++) {
    fragments.push(`fragment F${level} on School { ...F${level - 1} ...F${level - 1} }`);
  }
  return `query { school(urn: 100000) { ...F${levels} } }\n${fragments.join("\n")}`;
}

function timed(run: () => unknown, rounds: number): number {
  const started = performance.now();
  for (let round = 0; round < rounds; round++) run();
  return (performance.now() - started) / rounds;
}

const schema = await buildGraphQLSchema();
const rows: string[][] = [];
for (const levels of [8, 12, 16, 20]) {
  const document = parse(doublingFragments(levels));
  const ours = timed(
    () => documentLimitError(document, { maxFields: 2_000, maxAliases: 100, maxDirectives: 50 }),
    20,
  );
  const baseline = timed(() => validate(schema, document, [depthLimit(10)]), levels >= 20 ? 1 : 3);
  rows.push([String(levels), ms(baseline), ms(ours), ratio(baseline, ours)]);
}
console.log(table(["levels", "depth walk", "field count", "baseline/ours"], rows));
