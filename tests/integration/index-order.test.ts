/**
 * A page of an LA's or a region's schools reads only its own rows: the composite indexes
 * (cypher/schema/school*CodeNameUrnIndex.cypher) give the (name, urn) order, so the plan has no
 * sort and the index scan stops at the page's limit. A sort over all 691 of Kent's schools was
 * most of the cost of a page of 100.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../src/config.js";
import type { Database } from "../../src/db/driver.js";
import { applySchema } from "../../src/db/schema.js";
import type { CypherName } from "../../src/db/cypher.js";
import { connectConfigured } from "../../src/db/connect.js";

let db: Database;

beforeAll(async () => {
  const c = config();
  db = connectConfigured(c);
  await applySchema(db);
  // An index just created is still filling; the planner only uses it once it is online.
  await db.driver.executeQuery("CALL db.awaitIndexes(300)");
});

afterAll(async () => {
  await db?.close();
});

interface Plan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: Plan[];
}

function operators(plan: Plan): Plan[] {
  return [plan, ...plan.children.flatMap(operators)];
}

const filters = {
  afterName: null,
  afterUrn: null,
  phase: null,
  stateFunded: null,
  rural: null,
  coastal: null,
  nameContains: null,
  limit: neo4j.int(101),
  properties: ["name", "urn"],
  areas: true,
  memberships: true,
  memberLimit: neo4j.int(11),
};

async function profile(name: string, params: Record<string, unknown>) {
  const result = await db.driver.executeQuery(
    `PROFILE ${db.statement(name as CypherName)}`,
    params,
    {
      routing: neo4j.routing.READ,
    },
  );
  const rows = result.records[0]?.get("schools") as unknown[];
  return { plan: operators(result.summary.profile as unknown as Plan), rows };
}

describe("pages of an area's schools", () => {
  it.each([
    ["schools/listSchoolsByLaCode", { laCode: 886, regionCode: null }, "laCode, name, urn"],
    ["schools/listSchoolsByRegionCode", { regionCode: "E12000008" }, "regionCode, name, urn"],
  ])("%s reads the page from its index in order, with no sort", async (name, area, index) => {
    const { plan, rows } = await profile(name, { ...filters, ...area });
    expect(rows).toHaveLength(101);
    const types = plan.map((operator) => operator.operatorType.replace(/@.*$/, ""));
    expect(types.filter((type) => /Sort|Top/.test(type))).toEqual([]);
    const seek = plan.find((operator) => operator.operatorType.startsWith("NodeIndexSeek"));
    expect(String(seek?.arguments["Details"])).toContain(`School(${index})`);
    expect(Number((seek as unknown as { rows: number }).rows)).toBeLessThanOrEqual(102);
  });
});

describe("pages of school profiles", () => {
  it("similarity/findSchoolProfiles reads a page by URN from the URN index, with no sort", async () => {
    const result = await db.driver.executeQuery(
      `PROFILE ${db.statement("similarity/findSchoolProfiles")}`,
      { afterUrn: neo4j.int(100_000), limit: neo4j.int(50) },
      { routing: neo4j.routing.READ },
    );
    const urns = result.records.map((record) => Number(record.get("profile").urn));
    expect(urns).toHaveLength(50);
    expect(urns).toEqual([...urns].sort((a, b) => a - b));
    expect(urns[0]).toBeGreaterThan(100_000);
    const plan = operators(result.summary.profile as unknown as Plan);
    const types = plan.map((operator) => operator.operatorType.replace(/@.*$/, ""));
    expect(types.filter((type) => /Sort|Top/.test(type))).toEqual([]);
    expect(types.some((type) => /Node(Unique)?IndexSeekByRange/.test(type))).toBe(true);
  });
});
