/**
 * The @neo4j/graphql peer of bench/peers.bench.ts: bench/peers/generated/typeDefs.graphql
 * (generated from the database by bench/peers/introspect.ts) served by @neo4j/graphql 7 with Apollo, one Cypher
 * statement per query as that library compiles it. Prints `listening <url>` once ready.
 */
import { readFile } from "node:fs/promises";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { countingDriver } from "./counting-driver.js";
import { PEER_TYPE_DEFS } from "./introspect.js";
import { serve } from "./serve.js";

const typeDefs = await readFile(PEER_TYPE_DEFS, "utf8");
const { driver, statements } = countingDriver();
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
await serve(
  schema,
  () => Promise.resolve({}),
  statements,
  () => driver.close(),
);
