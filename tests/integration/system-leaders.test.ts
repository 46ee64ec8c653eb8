/**
 * System leaders and need bands as the import and `npm run need-bands` leave them in the shared
 * database: the 87 Teaching School Hubs, the synthetic designations and their provenance.
 */
import { describe, expect, it } from "vitest";
import { NEED_RULE_VERSION } from "../../src/modules/support/support.rules.js";
import { silentProgress } from "../../seed/progress.js";
import { generateSystemLeaders } from "../../seed/system-leaders/stages.js";
import { useDatabase } from "../helpers/database.js";

const { db, query } = useDatabase();

describe("Teaching School Hubs", () => {
  it("when the bundle is loaded, then all 87 hubs are held by and based at their lead school", async () => {
    const [row] = await query(
      `MATCH (l:SystemLeader {designation: 'TEACHING_SCHOOL_HUB'})
       OPTIONAL MATCH (holder:School)-[:DESIGNATED_AS]->(l)-[:BASED_AT]->(base:School)
       RETURN count(l) AS hubs, count(holder) AS held, count(CASE WHEN holder = base THEN 1 END) AS heldByBase,
         count(CASE WHEN l.synthetic = false AND l.source = 'dfe-teaching-school-hubs' THEN 1 END) AS cited`,
    );

    expect(row).toEqual({ hubs: 87, held: 87, heldByBase: 87, cited: 87 });
  });

  it("when a hub's lead school opened after the census, then it is based at that school, now loaded itself", async () => {
    const [hub] = await query(
      `MATCH (l:SystemLeader {id: 'tsh-sw6'})-[:BASED_AT]->(s:School)
       RETURN l.publishedUrn AS publishedUrn, s.urn AS base`,
    );

    // The DfE list names 149948, which succeeded the census school 109164 (now closed).
    expect(hub).toEqual({ publishedUrn: null, base: 149948 });
  });
});

describe("synthetic system leaders", () => {
  it("when generated, then each is synthetic with its generator, seed and a located base school", async () => {
    const rows = await query(
      `MATCH (l:SystemLeader) WHERE l.designation <> 'TEACHING_SCHOOL_HUB'
       RETURN l.designation AS designation, count(*) AS n,
         count(CASE WHEN l.synthetic = true AND l.generator IS NOT NULL
           AND l.generatorVersion IS NOT NULL AND l.generatorSeed IS NOT NULL THEN 1 END) AS marked,
         count(CASE WHEN l.location IS NOT NULL AND EXISTS { (l)-[:BASED_AT]->(:School {stateFunded: true}) } THEN 1 END) AS based,
         count(CASE WHEN COUNT { (:Leader)-[:DESIGNATED_AS]->(l) } = 1 THEN 1 END) AS heldByOnePerson
       ORDER BY designation`,
    );

    expect(rows.map((row) => row["designation"])).toEqual(["LLE", "NLE", "NLG", "SLE"]);
    for (const row of rows) {
      expect(row["n"]).toBeGreaterThan(100);
      expect(row).toMatchObject({ marked: row["n"], based: row["n"], heldByOnePerson: row["n"] });
    }
  });

  it("when no source names the holder, then a synthetic placeholder named after the post stands in, leading nothing", async () => {
    const [row] = await query(
      `MATCH (p:Leader {synthetic: true})
       RETURN count(p) AS placeholders,
         count(CASE WHEN p.name =~ '(Headteacher of|Specialist leader at|Governor of) .+' THEN 1 END) AS named,
         count(CASE WHEN EXISTS { (p)-[:LEADS]->() } THEN 1 END) AS leading`,
    );

    expect(row?.["placeholders"]).toBeGreaterThan(1000);
    expect(row).toMatchObject({ named: row?.["placeholders"], leading: 0 });
  });

  it("when the generator runs again on the same data, then the same designations remain", async () => {
    const ids = async () =>
      (await query("MATCH (l:SystemLeader {synthetic: true}) RETURN l.id AS id ORDER BY id")).map(
        (row) => row["id"],
      );
    const before = await ids();

    await generateSystemLeaders(db(), silentProgress);

    expect(await ids()).toEqual(before);
  });
});

describe("need bands", () => {
  it("when bands have been computed, then every state-funded school has one, from the current families and rule", async () => {
    const [row] = await query(
      `MATCH (run:FamilyRun {current: true})
       MATCH (s:School {stateFunded: true})
       RETURN run.version AS version, count(s) AS schools,
         count(CASE WHEN s.needBand IN [1, 2, 3, 4] AND s.needFamilyVersion = run.version
           AND s.needRuleVersion = $rule AND size(s.needReasons) = size(s.needDetails) THEN 1 END) AS banded`,
      { rule: NEED_RULE_VERSION },
    );

    expect(row?.["schools"]).toBeGreaterThan(20_000);
    expect(row?.["banded"]).toBe(row?.["schools"]);
  });
});
