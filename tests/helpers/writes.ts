/**
 * For tests that write to the shared database: schools a test makes for itself (TestArea), and a
 * clean-up that removes everything made under a test's token subjects.
 */
import { randomInt, randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import type { Database } from "../../src/db/driver.js";

/** A token subject prefix unique to one test file's run; its writes are found and removed by it. */
export function testSubject(file: string): string {
  return `test-${file}-${randomUUID().slice(0, 8)}`;
}

const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/i;

/**
 * Runs Cypher written in a test. A statement that writes then moves the graph's data version on,
 * as every write through the gateway does, naming `areas` (cypher/ folders) as changed, so the
 * service's in-memory snapshots see what the test changed. "data" (schools made or removed)
 * also rebuilds the similarity index and partner facts.
 */
export async function query<T = Record<string, unknown>>(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
  areas: readonly string[] = ["tests"],
): Promise<T[]> {
  const result = await db.driver.executeQuery(cypher, params);
  if (WRITES.test(cypher)) await bumpDataVersion(db, areas);
  return result.records.map((record) => record.toObject() as T);
}

function bumpDataVersion(db: Database, areas: readonly string[]): Promise<unknown> {
  return db.driver.executeQuery(db.statement("data/bumpDataVersion"), { areas: [...areas] });
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

export interface SchoolsLike {
  /** How many schools, each a copy of a different real one; "all": one per real school. */
  count: number | "all";
  governance?: string;
  phase?: string;
  /** A further Cypher condition on the real school `t` copied, e.g. "t.needBand = 1". */
  where?: string;
}

/**
 * A local authority a write test makes for itself, modelled on a real one: in the same region,
 * holding copies of that authority's schools (their figures, location, need band and Ofsted
 * grade; not their families, memberships or history). Its code is one of 950-998, which no DfE
 * authority has (theirs run to 943); its schools' URNs are 9,000,000 plus its code times 1,000
 * plus a number (seven digits where GIAS URNs have six); and everything in it is marked
 * `createdBy` the test's subject, so `cleanUpWrites` removes it with the rest of the test's
 * writes.
 */
export class TestArea {
  private made = 0;
  /** Calls of `schools` run one at a time, each numbering its copies after the last. */
  private making: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Database,
    readonly subject: string,
    /** The authority's code. */
    readonly laCode: number,
    /** The real authority it is modelled on. */
    readonly like: number,
    readonly regionCode: string,
  ) {}

  /** Makes an authority like the real one coded `like` (e.g. 888, Lancashire). */
  static async create(db: Database, subject: string, like: number): Promise<TestArea> {
    // A free code: another file's authority may hold the one drawn.
    for (let attempt = 1; ; attempt += 1) {
      const laCode = randomInt(950, 999);
      try {
        const [made] = await query<{ regionCode: string }>(
          db,
          `MATCH (:LocalAuthority {code: $like})-[:IN_REGION]->(r:Region)
           CREATE (la:LocalAuthority {code: $laCode, name: "Test authority " + toString($laCode),
                                      createdBy: $subject})-[:IN_REGION]->(r)
           RETURN r.code AS regionCode`,
          { like: neo4j.int(like), laCode: neo4j.int(laCode), subject },
        );
        if (!made) throw new Error(`No local authority ${like} to model a test authority on.`);
        return new TestArea(db, subject, laCode, like, made.regionCode);
      } catch (error) {
        const taken = (error as { code?: string }).code?.includes("ConstraintValidationFailed");
        if (!taken || attempt === 10) throw error;
      }
    }
  }

  /**
   * URNs of `like.count` new open schools in this authority, in no partnership, each copied
   * from a different real school of the authority it is modelled on, with that governance (and
   * phase).
   */
  schools(like: SchoolsLike): Promise<number[]> {
    const made = this.making.then(() => this.copy(like));
    this.making = made.catch(() => {});
    return made;
  }

  private async copy(like: SchoolsLike): Promise<number[]> {
    const first = 9_000_000 + this.laCode * 1_000 + this.made;
    const rows = await query<{ urn: unknown }>(
      this.db,
      `MATCH (la:LocalAuthority {code: $laCode})
       MATCH (t:School {laCode: $like})
       WHERE ($governance IS NULL OR t.governance = $governance)
         AND ($phase IS NULL OR t.phase = $phase) AND t.location IS NOT NULL
         AND (${like.where ?? "true"})
       WITH la, t ORDER BY t.urn LIMIT $count
       WITH la, collect(t) AS templates
       UNWIND range(0, size(templates) - 1) AS i
       WITH la, templates[i] AS t, $first + i AS urn
       CREATE (s:Establishment:School)
       SET s = t {
         .*, urn: urn, name: "Test school " + toString(urn), laCode: la.code, status: "Open",
         laestab: null, town: "Test town", searchName: "test school " + toString(urn),
         searchPlace: null, searchPostcode: null, searchFormer: null, createdBy: $subject
       }
       CREATE (s)-[:IN_LOCAL_AUTHORITY]->(la)
       RETURN s.urn AS urn ORDER BY urn`,
      {
        laCode: neo4j.int(this.laCode),
        like: neo4j.int(this.like),
        governance: like.governance ?? null,
        phase: like.phase ?? null,
        count: neo4j.int(like.count === "all" ? 1_000 - this.made : like.count),
        first: neo4j.int(first),
        subject: this.subject,
      },
      ["data"],
    );
    const urns = rows.map((row) => Number(row.urn));
    if (urns.length === 0 || (like.count !== "all" && urns.length < like.count)) {
      throw new Error(
        `Only ${urns.length} schools in LA ${this.like} fit ${JSON.stringify(like)}; the test needs ${like.count}.`,
      );
    }
    this.made += urns.length;
    return urns;
  }

  /** A multi-academy trust of the test's own, open today, with `urns` members since today. */
  async trust(urns: readonly number[]): Promise<string> {
    const id = `${this.subject}-trust-${randomUUID().slice(0, 8)}`;
    await query(
      this.db,
      `CREATE (p:Partnership {id: $id, name: "Test trust " + $id, type: "MULTI_ACADEMY_TRUST",
         status: "Open", openedOn: date(), source: "service", createdBy: $subject,
         membersChangedAt: datetime()})
       WITH p
       UNWIND $urns AS urn
       MATCH (s:School {urn: urn})
       CREATE (s)-[:MEMBER_OF {key: p.id + "|" + toString(urn), joinedOn: date(),
                               source: "service"}]->(p)`,
      { id, subject: this.subject, urns: urns.map((urn) => neo4j.int(urn)) },
      ["partnerships", "memberships"],
    );
    return id;
  }
}

/** What a test makes carries `createdBy`, its token subject; these labels are removed by it. */
const MADE_BY_TESTS = [
  "Partnership",
  "PartnershipProposal",
  "SystemLeader",
  "Leader",
  "Grant",
  "Adviser",
  // The test's schools, and closed establishments it makes as their predecessors.
  "Establishment",
  "LocalAuthority",
] as const;

/**
 * Removes what writes under subjects starting with `subjectPrefix` made: proposals, the
 * partnerships they formed and the memberships their acceptances created, system leaders,
 * leaders, grants, advisers, the test's own schools (and closed establishments) and authority,
 * and audit events; and resets the offers of `offerUrns`.
 */
export async function cleanUpWrites(
  db: Database,
  subjectPrefix: string,
  offerUrns: readonly number[] = [],
): Promise<void> {
  const run = (cypher: string, params: Record<string, unknown>) =>
    db.driver.executeQuery(cypher, params);
  const prefix = { prefix: subjectPrefix };
  await run(
    `MATCH (pr:PartnershipProposal) WHERE pr.createdBy STARTS WITH $prefix
     OPTIONAL MATCH ()-[m:MEMBER_OF {proposalId: pr.id}]->()
     DELETE m`,
    prefix,
  );
  for (const label of MADE_BY_TESTS) {
    await run(`MATCH (n:${label}) WHERE n.createdBy STARTS WITH $prefix DETACH DELETE n`, prefix);
  }
  await run(`MATCH (e:AuditEvent) WHERE e.actorSub STARTS WITH $prefix DETACH DELETE e`, prefix);
  if (offerUrns.length > 0) {
    await run(
      `UNWIND $urns AS urn MATCH (s:School {urn: urn}) REMOVE s.offers, s.seeks, s.offerUpdatedAt`,
      { urns: [...offerUrns] },
    );
  }
  // One move of the data version for all of it, as one write through the gateway would.
  await bumpDataVersion(db, ["data"]);
}
