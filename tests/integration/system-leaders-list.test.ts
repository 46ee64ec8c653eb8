/**
 * `npm run seed -- --system-leaders FILE` and the synthetic generator, on a scratch server with a
 * handful of schools: loading a list replaces every synthetic designation, so it must not run
 * against the database the other tests share.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/driver.js";
import { applySchema } from "../../src/db/schema.js";
import { toPlain } from "../../src/db/mappers.js";
import { DATASETS } from "../../seed/datasets.js";
import { writeDatasets } from "../../seed/load.js";
import { silentProgress } from "../../seed/progress.js";
import { formatRejection } from "../../seed/rejections.js";
import { runSeed } from "../../seed/run.js";
import { generateSystemLeaders } from "../../seed/system-leaders/stages.js";
import { ScratchServer } from "../helpers/scratch-server.js";

let scratch: ScratchServer;
let db: Database;
const folder = mkdtempSync(path.join(tmpdir(), "system-leaders-"));

/** An Outstanding primary with strong, sustained results, whose head GIAS names. */
const NAMED_HEAD = 100001;
/** An Outstanding primary with no named head. */
const UNNAMED = 100002;
/** An independent school: designations there are refused. */
const INDEPENDENT = 100003;
/** Open under its census URN; the list gives the URN it took after converting. */
const CONVERTED_FROM = 100004;
const CONVERTED_TO = 150004;

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const { records } = await db.driver.executeQuery(cypher, params);
  return records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

function list(name: string, lines: string[]): string {
  const file = path.join(folder, name);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

beforeAll(async () => {
  scratch = await ScratchServer.create("system-leaders");
  await scratch.start();
  db = Database.connect(scratch.connection, {
    queryTimeoutMs: 60_000,
    retryMs: 2_000,
    connectTimeoutMs: 5_000,
  });
  await applySchema(db);
  await writeDatasets(db, Object.values(DATASETS));
  const strong = {
    stateFunded: true,
    phase: "PRIMARY",
    ofstedGrade: neo4j.int(1),
    ks2ReadingProgress: 3,
    ks2WritingProgress: 3,
    ks2MathsProgress: 3,
    ks2RwmExpected: 85,
    regionCode: "E12000008",
    laCode: neo4j.int(850),
  };
  await db.driver.executeQuery(
    `UNWIND $schools AS school
     CREATE (s:Establishment:School)
     SET s = school.properties, s.urn = school.urn, s.location = point({latitude: 51, longitude: -1})
     WITH s, school WHERE school.head IS NOT NULL
     CREATE (:Leader {id: school.head, name: "Jo Bloggs", source: "gias-edubasealldata-2022-04-20"})
       -[:LEADS {role: "Headteacher", source: "gias-edubasealldata-2022-04-20"}]->(s)`,
    {
      schools: [
        {
          urn: neo4j.int(NAMED_HEAD),
          properties: { ...strong, name: "Named Head Primary" },
          head: "gias-head-jo",
        },
        { urn: neo4j.int(UNNAMED), properties: { ...strong, name: "Unnamed Primary" }, head: null },
        {
          urn: neo4j.int(INDEPENDENT),
          properties: { ...strong, stateFunded: false, name: "Fee Paying School" },
          head: null,
        },
        {
          urn: neo4j.int(CONVERTED_FROM),
          properties: { ...strong, name: "Converted Primary" },
          head: null,
        },
      ],
    },
  );
  await db.driver.executeQuery(
    `MATCH (s:School {urn: $from})
     CREATE (s)-[:SUCCEEDED_BY]->(:Establishment {urn: $to, name: "Converted Primary Academy", open: false})`,
    { from: neo4j.int(CONVERTED_FROM), to: neo4j.int(CONVERTED_TO) },
  );
});

afterAll(async () => {
  await db?.close();
  await scratch?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe("the synthetic generator", () => {
  it("when schools meet the NLE criteria, then designations are synthetic, seeded and held by the named head or a post-named placeholder", async () => {
    await generateSystemLeaders(db, silentProgress);

    const leaders = await query(
      `MATCH (holder)-[:DESIGNATED_AS]->(l:SystemLeader)-[:BASED_AT]->(s:School)
       WHERE l.designation IN ['NLE', 'LLE']
       RETURN s.urn AS urn, l.synthetic AS synthetic, l.generator AS generator,
         l.generatorSeed AS seed, holder.name AS holder, holder.synthetic AS placeholder
       ORDER BY urn`,
    );

    expect(leaders.length).toBeGreaterThan(0);
    for (const leader of leaders) {
      expect(leader).toMatchObject({
        synthetic: true,
        generator: "dfe-criteria-system-leaders",
        seed: 2024,
      });
      if (leader["urn"] === NAMED_HEAD) expect(leader["holder"]).toBe("Jo Bloggs");
      else expect(leader["holder"]).toMatch(/^Headteacher of /);
    }
    expect(leaders.some((leader) => leader["urn"] === INDEPENDENT)).toBe(false);
  });
});

describe("--system-leaders FILE", () => {
  it("when a list is loaded, then its rows become designations, bad rows are reported by line, and synthetic ones go", async () => {
    const file = list("leaders.csv", [
      "URN,Designation,Specialisms,Capacity",
      `${NAMED_HEAD},National Leader of Education,Maths; Leadership,2`,
      `${UNNAMED},SLE,English,`,
      `${UNNAMED},SLE,Phonics,1`,
      `${CONVERTED_TO},NLG,Governance,3`,
      `${INDEPENDENT},LLE,,1`,
      "999999,NLE,,1",
      `${UNNAMED},Head of maths,,1`,
      `${UNNAMED},SLE,Astrology,1`,
      `${UNNAMED},SLE,,99`,
    ]);

    const summary = await runSeed({ db, systemLeadersFile: file, rejectionLog: null });

    expect(
      summary.rejections.map((r) => formatRejection(r).replace(folder + path.sep, "")),
    ).toEqual([
      expect.stringMatching(/^leaders\.csv:8: unknown designation/),
      expect.stringMatching(/^leaders\.csv:9: unknown specialism \("Astrology"/),
      "leaders.csv:10: capacity is not a whole number from 1 to 20 (99)",
      `leaders.csv:6: school is not state-funded (URN ${INDEPENDENT})`,
      "leaders.csv:7: URN is not a school in the graph (URN 999999)",
    ]);
    const leaders = await query(
      `MATCH (holder)-[:DESIGNATED_AS]->(l:SystemLeader)-[:BASED_AT]->(s:School)
       RETURN l.id AS id, l.designation AS designation, l.specialisms AS specialisms,
         l.capacity AS capacity, l.synthetic AS synthetic, l.publishedUrn AS publishedUrn,
         s.urn AS base, holder.name AS holder
       ORDER BY id`,
    );
    expect(leaders).toEqual([
      {
        id: `list-nle-${NAMED_HEAD}-1`,
        designation: "NLE",
        specialisms: ["MATHEMATICS", "LEADERSHIP"],
        capacity: 2,
        synthetic: false,
        publishedUrn: null,
        base: NAMED_HEAD,
        holder: "Jo Bloggs",
      },
      {
        id: `list-nlg-${CONVERTED_FROM}-1`,
        designation: "NLG",
        specialisms: ["GOVERNANCE"],
        capacity: 3,
        synthetic: false,
        publishedUrn: CONVERTED_TO,
        base: CONVERTED_FROM,
        holder: "Governor of Converted Primary",
      },
      // Unnamed Primary's two SLE rows, a placeholder leader each.
      ...[1, 2].map((n) => ({
        id: `list-sle-${UNNAMED}-${n}`,
        designation: "SLE",
        specialisms: ["ENGLISH"],
        capacity: 1,
        synthetic: false,
        publishedUrn: null,
        base: UNNAMED,
        holder: "Specialist leader at Unnamed Primary",
      })),
    ]);
    const [dataset] = await query(
      "MATCH (d:Dataset {id: 'system-leaders-list:leaders.csv'}) RETURN d.id AS id",
    );
    expect(dataset).toEqual({ id: "system-leaders-list:leaders.csv" });
  });

  it("when the same list is loaded again, then nothing changes", async () => {
    const count = async () =>
      (await query("MATCH (n) WHERE n:SystemLeader OR n:Leader RETURN count(n) AS n"))[0]?.["n"];
    const before = await count();

    await runSeed({
      db,
      systemLeadersFile: path.join(folder, "leaders.csv"),
      rejectionLog: null,
    });

    expect(await count()).toBe(before);
  });

  it("when a shorter list is loaded under the same name, then the rows it dropped are removed, with placeholders no one holds", async () => {
    const file = list("leaders.csv", [
      "urn,designation,specialisms,capacity",
      `${NAMED_HEAD},NLE,Maths,2`,
    ]);

    await runSeed({ db, systemLeadersFile: file, rejectionLog: null });

    expect(await query("MATCH (l:SystemLeader) RETURN l.id AS id")).toEqual([
      { id: `list-nle-${NAMED_HEAD}-1` },
    ]);
    expect(await query("MATCH (p:Leader {synthetic: true}) RETURN p.name AS name")).toEqual([]);
  });

  it("when a list has been loaded, then the generator stands aside", async () => {
    const result = await generateSystemLeaders(db, silentProgress);

    expect(result.notes[0]).toMatch(/not generated, the graph holds 1 from a loaded list/);
    expect(await query("MATCH (l:SystemLeader {synthetic: true}) RETURN l.id AS id")).toEqual([]);
  });

  it("when a reload drops a leader with a recorded engagement, then it is kept as a former system leader with the engagement, and is no longer supply", async () => {
    await runSeed({
      db,
      systemLeadersFile: list("leaders.csv", [
        "urn,designation,specialisms,capacity",
        `${NAMED_HEAD},NLE,Maths,2`,
        `${UNNAMED},SLE,English,1`,
      ]),
      rejectionLog: null,
    });
    await db.driver.executeQuery(
      `MATCH (l:SystemLeader {id: $id}), (s:School {urn: $urn})
       CREATE (l)-[:SUPPORTS {id: "engagement-kept", start: date("2024-09-02"), source: "service"}]->(s)`,
      { id: `list-sle-${UNNAMED}-1`, urn: neo4j.int(NAMED_HEAD) },
    );

    const summary = await runSeed({
      db,
      systemLeadersFile: list("leaders.csv", [
        "urn,designation,specialisms,capacity",
        `${NAMED_HEAD},NLE,Maths,2`,
      ]),
      rejectionLog: null,
    });

    expect(await query("MATCH (l:SystemLeader) RETURN l.id AS id")).toEqual([
      { id: `list-nle-${NAMED_HEAD}-1` },
    ]);
    expect(
      await query(
        `MATCH (l:FormerSystemLeader)-[r:SUPPORTS]->(s)
         RETURN l.id AS id, l.withdrawnAt IS NOT NULL AS withdrawn, r.id AS engagement, s.urn AS urn`,
      ),
    ).toEqual([
      {
        id: `list-sle-${UNNAMED}-1`,
        withdrawn: true,
        engagement: "engagement-kept",
        urn: NAMED_HEAD,
      },
    ]);
    expect(summary.rejections).toEqual([]);
  });

  it("when the file lacks a column, then the error names it", async () => {
    const file = list("wrong.csv", ["URN,Designation", "100001,NLE"]);

    await expect(runSeed({ db, systemLeadersFile: file, rejectionLog: null })).rejects.toThrow(
      /lacks the column\(s\) specialisms, capacity/,
    );
  });
});
