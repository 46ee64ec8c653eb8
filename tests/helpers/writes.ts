/**
 * For tests that write to the shared database: real schools picked by what a test needs, and a
 * clean-up that removes everything made under a test's token subjects.
 */
import { randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import type { Database } from "../../src/db/driver.js";

/** A token subject prefix unique to one test file's run; its writes are found and removed by it. */
export function testSubject(file: string): string {
  return `test-${file}-${randomUUID().slice(0, 8)}`;
}

const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/i;

/**
 * Runs Cypher written in a test. A statement that writes then moves the graph's data version on,
 * as every write through the gateway does, so the service's in-memory snapshots see what the
 * test changed.
 */
export async function query<T = Record<string, unknown>>(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  if (!WRITES.test(cypher)) {
    const result = await db.driver.executeQuery(cypher, params);
    return result.records.map((record) => record.toObject() as T);
  }
  const result = await db.driver.executeQuery(cypher, params);
  await db.driver.executeQuery(db.statement("data/bumpDataVersion"), { areas: ["tests"] });
  return result.records.map((record) => record.toObject() as T);
}

/** Like `query`, with the Neo4j integers among each row's values turned into numbers. */
export async function queryNumbers(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const rows = await query(db, cypher, params);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : value,
      ]),
    ),
  );
}

export interface SchoolPick {
  governance: string;
  /** Only schools in this local authority, so test files do not share schools. */
  laCode: number;
  count: number;
  /** Skip schools with any membership (default true). */
  withoutMemberships?: boolean;
}

/** URNs of open schools matching `pick`, in URN order; fails when there are too few. */
export async function pickSchools(db: Database, pick: SchoolPick): Promise<number[]> {
  const rows = await query<{ urn: number }>(
    db,
    `MATCH (s:School {laCode: $laCode, governance: $governance})
     WHERE NOT $withoutMemberships OR NOT (s)-[:MEMBER_OF]->()
     RETURN s.urn AS urn ORDER BY s.urn LIMIT $limit`,
    {
      laCode: pick.laCode,
      governance: pick.governance,
      withoutMemberships: pick.withoutMemberships ?? true,
      limit: neo4j.int(pick.count),
    },
  );
  const urns = rows.map((row) => Number(row.urn));
  if (urns.length < pick.count) {
    throw new Error(
      `Only ${urns.length} ${pick.governance} schools in LA ${pick.laCode} fit; the test needs ${pick.count}.`,
    );
  }
  return urns;
}

/**
 * Removes what writes under subjects starting with `subjectPrefix` made: proposals, the
 * partnerships they formed, memberships their acceptances created, audit events; and resets
 * the offers of `offerUrns`.
 */
export async function cleanUpWrites(
  db: Database,
  subjectPrefix: string,
  offerUrns: readonly number[] = [],
): Promise<void> {
  await query(
    db,
    `MATCH (pr:PartnershipProposal) WHERE pr.createdBy STARTS WITH $prefix
     OPTIONAL MATCH ()-[m:MEMBER_OF {proposalId: pr.id}]->()
     DELETE m`,
    { prefix: subjectPrefix },
  );
  await query(db, `MATCH (p:Partnership) WHERE p.createdBy STARTS WITH $prefix DETACH DELETE p`, {
    prefix: subjectPrefix,
  });
  await query(
    db,
    `MATCH (pr:PartnershipProposal) WHERE pr.createdBy STARTS WITH $prefix DETACH DELETE pr`,
    { prefix: subjectPrefix },
  );
  // Holders of system leaders designated in a test, and board chairs and members.
  await query(db, `MATCH (l:Leader) WHERE l.createdBy STARTS WITH $prefix DETACH DELETE l`, {
    prefix: subjectPrefix,
  });
  await query(db, `MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $prefix DETACH DELETE e`, {
    prefix: subjectPrefix,
  });
  if (offerUrns.length > 0) {
    await query(
      db,
      `UNWIND $urns AS urn MATCH (s:School {urn: urn}) REMOVE s.offers, s.seeks, s.offerUpdatedAt`,
      { urns: [...offerUrns] },
    );
  }
}
