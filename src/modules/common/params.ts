import neo4j, { type Integer } from "neo4j-driver";

/**
 * A whole number as a Cypher INTEGER. The driver sends every JavaScript number as a FLOAT,
 * which LIMIT and list slices refuse; repositories wrap such parameters with this.
 */
export function cypherInt(value: number): Integer {
  return neo4j.int(value);
}
