/**
 * Facts the bundle import must get right, checked against the real database after a full import
 * (the global setup loads the bundle when the graph is empty).
 */
import neo4j, { type Transaction } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../src/db/mappers.js";
import { parseCsv } from "../../seed/csv/table.js";
import { readTextFile } from "../../seed/csv/text.js";
import { DATASETS, dataFile } from "../../seed/datasets.js";
import { GROUP_COLUMNS, parseGroups } from "../../seed/sources/groups.js";
import type { SchoolFacts } from "../../seed/domain/school.js";
import { schoolFactsParams } from "../../seed/load.js";
import { runSeed } from "../../seed/run.js";
import { useDatabase } from "../helpers/database.js";

const { db, query } = useDatabase();

async function school(urn: number) {
  const [row] = await query(
    `MATCH (s:School {urn: $urn})-[:IN_LOCAL_AUTHORITY]->(la:LocalAuthority)-[:IN_REGION]->(r:Region)
     RETURN s {.*} AS school, la {.*} AS la, r {.*} AS region`,
    { urn },
  );
  if (!row) {
    throw new Error(`School ${urn} is not in the graph with its LA and region: run npm run seed`);
  }
  return row as {
    school: Record<string, unknown>;
    la: Record<string, unknown>;
    region: Record<string, unknown>;
  };
}

describe("the bundle import", () => {
  it("when The Aldgate School is loaded, then it sits in the City of London, urban, inland, with its pupils and their source", async () => {
    const { school: aldgate, la, region } = await school(100000);
    expect(la).toMatchObject({ code: 201, name: "City of London", gssCode: "E09000001" });
    expect(region).toMatchObject({ code: "E12000007", name: "London" });
    expect(aldgate).toMatchObject({
      name: "The Aldgate School",
      laCode: 201,
      regionCode: "E12000007",
      rural: false,
      coastal: false,
      // The newest source wins: Ofsted's August 2025 file (2024/25) over the 2022/23 census's 271.
      pupils: 249,
      pupilsYear: "2024/25",
      pupilsSource: DATASETS.ofsted2025.id,
      stateFunded: true,
      governance: "MAINTAINED",
      locationPrecision: "EXACT",
    });
    expect(aldgate.coastDistanceKm as number).toBeGreaterThan(20);
    const [dataset] = await query("MATCH (d:Dataset {id: $id}) RETURN d {.*} AS d", {
      id: DATASETS.spc.id,
    });
    expect(dataset?.d).toMatchObject({
      period: "2022/23",
      licence: "Open Government Licence v3.0",
    });
  });

  it("when St Ives School in Cornwall is loaded, then it is rural and coastal", async () => {
    const { school: stIves, la } = await school(140675);
    expect(la).toMatchObject({ code: 908, name: "Cornwall" });
    expect(stIves).toMatchObject({
      name: "St Ives School",
      rural: true,
      ruralUrbanSource: DATASETS.ruralUrban.id,
      coastal: true,
      coastalBasis: "ONS_TOWN",
      coastalSource: DATASETS.coastalTowns.id,
    });
    // The distance is kept as a figure beside the ONS flag.
    expect(stIves.coastDistanceKm as number).toBeLessThan(5);
  });

  it("when Halton's schools are loaded, then the towns on the Mersey estuary are not coastal, by the ONS towns flag", async () => {
    const rows = await query(
      `MATCH (s:School {laCode: 876}) WHERE s.stateFunded = true AND s.town IN ["Widnes", "Runcorn"]
       RETURN s.coastal AS coastal, s.coastalBasis AS basis, s.coastDistanceKm AS km`,
    );

    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => row["coastal"] === false && row["basis"] === "ONS_TOWN")).toBe(true);
    // By distance alone some would be: the estuary is open at 1:10m.
    expect(rows.some((row) => (row["km"] as number) <= 5)).toBe(true);
  });

  it("when a school's postal town is another local authority's name, then the ONS flag of that town is not taken", async () => {
    const rows = await query(
      `MATCH (s:School)-[:IN_LOCAL_AUTHORITY]->(la:LocalAuthority), (other:LocalAuthority)
       WHERE s.stateFunded = true AND other <> la AND toLower(s.town) = toLower(other.name)
       RETURN s.coastalBasis AS basis`,
    );

    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row["basis"] !== "ONS_TOWN")).toBe(true);
  });

  it("when an academy belongs to a trust, then it is a MEMBER_OF that trust with the date it joined", async () => {
    const rows = await query(
      `MATCH (s:School {urn: 136354})-[m:MEMBER_OF]->(p:Partnership)
       RETURN s.name AS school, s.governance AS governance, p {.*} AS trust, m.joinedOn AS joinedOn, m.source AS source`,
    );
    expect(rows).toEqual([
      {
        school: "Bourne Abbey Church of England Primary Academy",
        governance: expect.stringMatching(/^ACADEMY_/),
        trust: expect.objectContaining({
          id: "gias-2044",
          name: "ABBEY ACADEMIES TRUST",
          type: "MULTI_ACADEMY_TRUST",
          status: "OPEN",
        }),
        joinedOn: "2010-12-01",
        source: DATASETS.groupLinks.id,
      },
    ]);
  });

  // The member statements count a partnership's members by its MEMBER_OF degree and check no
  // label at either end (cypher/schools/_schoolPage.cypher), which holds only while this does.
  it("when memberships are loaded, then every MEMBER_OF joins a School to a Partnership", async () => {
    const [row] = await query(
      `MATCH (a)-[m:MEMBER_OF]->(b)
       RETURN count(m) AS all, count(CASE WHEN NOT a:School OR NOT b:Partnership THEN m END) AS other`,
    );
    expect(row).toEqual({ all: expect.any(Number), other: 0 });
    expect(row!["all"]).toBeGreaterThan(10_000);
  });

  it("when GIAS partnerships are counted by type, then the open ones match the open groups of the newest GIAS list", async () => {
    const [file] = DATASETS.groups2026.files;
    const table = parseCsv(readTextFile(dataFile(file)), file, { required: GROUP_COLUMNS });
    const expected: Record<string, number> = {};
    for (const group of parseGroups(table, DATASETS.groups2026.id).records.partnerships) {
      expected[group.type] = (expected[group.type] ?? 0) + 1;
    }
    const rows = await query(
      `MATCH (p:Partnership) WHERE p.id STARTS WITH 'gias-' AND p.source = $groups2026
       RETURN p.type AS type, count(*) AS count`,
      { groups2026: DATASETS.groups2026.id },
    );
    const counts = Object.fromEntries(rows.map((row) => [row.type, row.count]));
    expect(counts).toEqual(expected);
    expect(expected["MULTI_ACADEMY_TRUST"]).toBeGreaterThan(1000);
  });

  it("when GIAS partnerships are listed, then no sponsor or children's-centre group is among them, and one open in 2022 but closed since is kept as closed", async () => {
    const [row] = await query(
      `MATCH (p:Partnership) WHERE p.id STARTS WITH 'gias-'
       RETURN sum(CASE WHEN NOT p.status IN ['OPEN', 'CLOSED'] THEN 1 ELSE 0 END) AS other,
              sum(CASE WHEN p.status = 'CLOSED' AND p.source <> $groups2022 THEN 1 ELSE 0 END)
                AS closedNotFrom2022,
              sum(CASE WHEN p.id IN ['gias-80637', 'gias-1000'] THEN 1 ELSE 0 END) AS excluded`,
      { groups2022: DATASETS.groups.id },
    );
    // gias-80637 is the "Central" children's centres group, gias-1000 a federation closed in 2010.
    expect(row).toEqual({ other: 0, closedNotFrom2022: 0, excluded: 0 });
  });

  it("when a school converted, then its predecessor is linked to it by SUCCEEDED_BY", async () => {
    const rows = await query(
      `MATCH (p:Establishment {urn: 134643})-[r:SUCCEEDED_BY]->(s:School {urn: 100006})
       RETURN p.open AS open, r.reason AS reason, r.on AS on`,
    );
    expect(rows).toEqual([{ open: false, reason: "merged", on: "2022-01-01" }]);
  });
});

describe("the GIAS sample import", () => {
  // Counted within the sample's LAs (850 Hampshire, 936 Surrey), so data that other tests make
  // and remove elsewhere in the shared database cannot disturb the comparison.
  async function sampleFootprint() {
    const [row] = await query(
      `MATCH (s:School) WHERE s.laCode IN [850, 936]
       OPTIONAL MATCH (l:Leader)-[r:LEADS]->(s)
       RETURN count(DISTINCT s) AS schools, count(DISTINCT l) AS leaders, count(r) AS leads,
              count(DISTINCT s.statutoryLowAge) AS ages, sum(s.pupils) AS pupils,
              count(s.ofstedDate) AS inspections`,
    );
    const [datasets] = await query("MATCH (d:Dataset) RETURN count(d) AS datasets");
    return { ...row, ...datasets };
  }

  it("when the sample is loaded again, then no counts change and the Hampshire head is still there", async () => {
    const before = await sampleFootprint();
    await runSeed({
      db: db(),
      giasFile: dataFile(DATASETS.giasSample.files[0]),
      rejectionLog: null,
    });
    expect(await sampleFootprint()).toEqual(before);

    const heads = await query(
      `MATCH (l:Leader)-[r:LEADS]->(s:School {urn: 115850})
       RETURN s.name AS school, l.name AS name, l.title AS title, r.role AS role, r.source AS source`,
    );
    expect(heads).toEqual([
      {
        school: "Alton Infant School",
        name: "Richard Mead",
        title: "Mr",
        role: "Headteacher",
        source: DATASETS.giasSample.id,
      },
    ]);
  });
});

/**
 * The newest-wins rules, exercised on a school made inside a transaction that is rolled back, so
 * nothing is left behind and tests running alongside never see it.
 */
describe("newest-wins updates", () => {
  const urn = 9_900_001;

  async function inRolledBackTransaction(work: (tx: Transaction) => Promise<void>): Promise<void> {
    const session = db().driver.session();
    const tx = session.beginTransaction();
    try {
      await tx.run("CREATE (:Establishment:School {urn: $urn})", { urn: neo4j.int(urn) });
      await work(tx);
    } finally {
      await tx.rollback();
      await session.close();
    }
  }

  function facts(asOf: string, name: string, pupils: number, year: string): SchoolFacts {
    return {
      urn,
      detailsAsOf: asOf,
      detailsSource: `test-${asOf}`,
      details: {
        name,
        laestab: null,
        phase: null,
        establishmentType: null,
        governance: null,
        stateFunded: null,
        status: null,
        gender: null,
        religiousCharacter: null,
        statutoryLowAge: asOf < "2022-06-01" ? 4 : null,
        statutoryHighAge: null,
        postcode: null,
        town: null,
      },
      pupils: { value: pupils, year, source: `test-${asOf}` },
      fsmPercent: null,
      ofsted: null,
    };
  }

  async function read(tx: Transaction, cypher: string) {
    const result = await tx.run(cypher, { urn: neo4j.int(urn) });
    return result.records.map((record) => toPlain(record.toObject()));
  }

  it("when an older source arrives after a newer one, then it only fills what the school lacks", async () => {
    await inRolledBackTransaction(async (tx) => {
      const update = db().statement("seed/updateSchoolFacts");
      await tx.run(update, {
        rows: [schoolFactsParams(facts("2023-01-19", "New Name", 300, "2022/23"))],
      });
      await tx.run(update, {
        rows: [schoolFactsParams(facts("2022-04-20", "Old Name", 250, "2020/21"))],
      });
      const [row] = await read(
        tx,
        "MATCH (s:School {urn: $urn}) RETURN s.name AS name, s.pupils AS pupils, s.pupilsYear AS year, s.statutoryLowAge AS low",
      );
      expect(row).toEqual({ name: "New Name", pupils: 300, year: "2022/23", low: 4 });
    });
  });

  it("when a newer GIAS extract names a different head, then the previous head is replaced; an older one changes nothing", async () => {
    await inRolledBackTransaction(async (tx) => {
      const replace = db().statement("seed/replaceSchoolHeads");
      const head = (asOf: string, firstName: string) => ({
        urn: neo4j.int(urn),
        id: `gias-head-${urn}-${firstName.toLowerCase()}-smith`,
        title: "Ms",
        firstName,
        lastName: "Smith",
        name: `${firstName} Smith`,
        role: "Headteacher",
        source: `gias-edubasealldata-${asOf}`,
        asOf,
      });
      await tx.run(replace, { rows: [head("2022-04-20", "Ann")] });
      await tx.run(replace, { rows: [head("2024-09-01", "Beth")] });
      await tx.run(replace, { rows: [head("2023-01-01", "Cara")] });
      const rows = await read(
        tx,
        `MATCH (l:Leader)-[:LEADS]->(:School {urn: $urn}) RETURN l.name AS name
         UNION ALL
         MATCH (l:Leader) WHERE l.id STARTS WITH 'gias-head-' + $urn + '-' RETURN l.name AS name`,
      );
      expect(rows).toEqual([{ name: "Beth Smith" }, { name: "Beth Smith" }]);
    });
  });
});
