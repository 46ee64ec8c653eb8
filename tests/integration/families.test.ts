/**
 * Families stored in the real database: a run is a complete, versioned set of Family nodes; a new
 * run (`npm run families`) adds version n+1, makes it current and keeps n; a run that fails while
 * writing leaves nothing behind and the previous run current. Families must exist already (the
 * test global setup runs `tsx scripts/families.ts --if-missing`). The run this file adds is
 * deleted afterwards and the previous one made current again.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { CYPHER_ROOT, CypherRegistry } from "../../src/db/cypher.js";
import { Database } from "../../src/db/driver.js";
import { FeatureIndex } from "../../src/modules/similarity/feature-index.js";
import { runFamilies } from "../../src/modules/similarity/family-run.js";
import type { FamilyRunRecord } from "../../src/modules/similarity/family.model.js";
import { SimilarityRepository } from "../../src/modules/similarity/similarity.repository.js";
import { computeFamilies } from "../../src/modules/similarity/similarity.service.js";
import { dataOf, useApi } from "../helpers/api.js";

const run = promisify(execFile);
const api = useApi();
const ALDGATE = 100000;

let repository: SimilarityRepository;
let before: FamilyRunRecord;
/** The version the script run below adds, deleted in afterAll. */
let added: number | undefined;

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const result = await api().db.driver.executeQuery(query, params);
  return Number(result.records[0]?.get(0));
}

function familiesScript(...args: string[]) {
  return run(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts", "families.ts"), ...args],
    { cwd: projectRoot, env: process.env, maxBuffer: 32 * 1024 * 1024 },
  );
}

beforeAll(async () => {
  repository = new SimilarityRepository(api().db);
  const current = (await repository.findRuns()).find((r) => r.current);
  if (!current) {
    throw new Error(
      "No current families run: run `npm run families` (the test global setup runs `tsx scripts/families.ts --if-missing`).",
    );
  }
  before = current;
});

afterAll(async () => {
  if (added === undefined || !repository) return;
  await repository.markCurrent(before.version);
  await repository.deleteRun(added);
});

describe("a stored families run", () => {
  it("when the current run is read, then it records its parameters, counts and quality", () => {
    expect(before).toMatchObject({
      current: true,
      preset: "FAMILIES",
      seed: expect.any(Number),
      targetSize: expect.any(Number),
      durationMs: expect.any(Number),
    });
    expect(before.features).toContain("fsmPercent");
    expect(before.parameters?.phases.map((phase) => phase.phase)).toContain("PRIMARY");
    expect(before.quality.silhouetteSampleSize).toBeGreaterThan(0);
    expect(before.families).toBeGreaterThan(100);
  });

  it("when its families are counted, then every school is in exactly one, and sizes match the members", async () => {
    const version = neo4j.int(before.version);
    const families = await count(
      "MATCH (f:Family)-[:IN_RUN]->(:FamilyRun {version: $version}) RETURN count(f)",
      { version },
    );
    const memberships = await count(
      "MATCH (:School)-[m:IN_FAMILY]->(:Family)-[:IN_RUN]->(:FamilyRun {version: $version}) RETURN count(m)",
      { version },
    );
    const schoolsInTwo = await count(
      `MATCH (s:School)-[m:IN_FAMILY]->() WHERE m.version = $version
       WITH s, count(m) AS n WHERE n > 1 RETURN count(s)`,
      { version },
    );
    const wrongSize = await count(
      `MATCH (f:Family)-[:IN_RUN]->(:FamilyRun {version: $version})
       WHERE f.size <> COUNT { (:School)-[:IN_FAMILY]->(f) } OR NOT f.id STARTS WITH toString($version) + ':' + f.phase + ':'
       RETURN count(f)`,
      { version },
    );

    expect(families).toBe(before.families);
    expect(memberships).toBe(before.schools);
    expect(schoolsInTwo).toBe(0);
    expect(wrongSize).toBe(0);
  });
});

describe("families are deterministic", () => {
  it("when computed twice from the real schools with the same seed, in any order, then every school gets the same family", async () => {
    const profiles = await repository.findProfiles();

    const first = computeFamilies(new FeatureIndex(profiles), { seed: 11 });
    const again = computeFamilies(new FeatureIndex([...profiles].reverse()), { seed: 11 });

    expect(first.assignments.size).toBeGreaterThan(20_000);
    expect(again.assignments).toEqual(first.assignments);
    expect(again.phases.map((phase) => phase.quality)).toEqual(
      first.phases.map((phase) => phase.quality),
    );
  }, 120_000);
});

describe("npm run families", () => {
  let output: { stdout: string; stderr: string };

  beforeAll(async () => {
    output = await familiesScript();
    const complete = output.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { msg: string; version?: number })
      .find((entry) => entry.msg === "families run complete");
    added = complete?.version;
  }, 180_000);

  it("when run, then it shows progress and logs structured lines ending with the new version", () => {
    expect(output.stderr).toMatch(/clustering phases: \d+\/\d+ phases/);
    expect(output.stderr).toMatch(/writing families: (\d+)\/\1 families in [\d.]+s/);
    expect(output.stdout).toContain('"msg":"schools read"');
    expect(output.stdout).toContain('"msg":"clustered PRIMARY"');
    expect(added).toBeGreaterThan(before.version);
  });

  it("when a second run is made, then it adds version n+1 as current and keeps version n", async () => {
    const runs = await repository.findRuns();

    expect(runs.find((r) => r.version === added)).toMatchObject({ current: true });
    expect(runs.find((r) => r.version === before.version)).toMatchObject({ current: false });
    expect(runs.filter((r) => r.current)).toHaveLength(1);
  });

  it("when family is asked for version n, then it still answers from that run; without a version, from n+1", async () => {
    const query = `query ($urn: Int!, $version: Int) {
      family(urn: $urn, version: $version) { version run { version current } members(first: 1) { totalCount } }
    }`;
    const old = dataOf(
      await api().executeText(query, { urn: ALDGATE, version: before.version }),
    ) as { family: { version: number; run: { current: boolean } } | null };
    const latest = dataOf(await api().executeText(query, { urn: ALDGATE })) as {
      family: { version: number } | null;
    };

    expect(old.family).toMatchObject({ version: before.version, run: { current: false } });
    expect(latest.family?.version).toBe(added);
  });

  it("when run with --if-missing while a run is current, then it computes nothing", async () => {
    const runsBefore = (await repository.findRuns()).length;

    const { stdout } = await familiesScript("--if-missing");

    expect(stdout).toContain("already current");
    expect((await repository.findRuns()).length).toBe(runsBefore);
  }, 60_000);
});

describe("family run numbers", () => {
  it("when a run is deleted, then its number is never given to a later run", async () => {
    const { db } = api();
    const draft = {
      featuresVersion: 0,
      seed: 0,
      targetSize: 0,
      preset: "TEST",
      features: [],
      parameters: "{}",
      schools: 0,
      families: 0,
      meanDistanceToCentroid: 0,
      silhouette: null,
      silhouetteSampleSize: 0,
    };
    const create = async () =>
      Number((await db.write("similarity/createFamilyRun", { run: draft }))[0]?.["version"]);
    const remove = (version: number) => db.write("similarity/deleteFamilyRun", { version });

    const first = await create();
    await remove(first);
    const second = await create();
    await remove(second);

    expect(first).toBeGreaterThan(before.version);
    expect(second).toBe(first + 1);
  });
});

describe("a run that fails while writing", () => {
  const cypherRoot = mkdtempSync(path.join(tmpdir(), "cypher-families-"));

  afterAll(() => {
    rmSync(cypherRoot, { recursive: true, force: true });
  });

  it("when a batch of families cannot be written, then no part of the run is stored and the current run stays", async () => {
    cpSync(CYPHER_ROOT, cypherRoot, { recursive: true });
    writeFileSync(
      path.join(cypherRoot, "similarity", "createFamilies.cypher"),
      "// createFamilies: broken on purpose\nUNWIND $families AS f RETURN noSuchFunction(f) AS x\n",
    );
    const { db } = api();
    const broken = new Database(
      db.driver,
      new CypherRegistry(cypherRoot),
      { uri: "", user: "", password: "", local: true },
      { queryTimeoutMs: 120_000, retryMs: 0, connectTimeoutMs: 3_000 },
    );
    const currentBefore = await repository.findCurrentRun();
    const runsBefore = await count("MATCH (r:FamilyRun) RETURN count(r)");

    await expect(runFamilies(new SimilarityRepository(broken), {})).rejects.toThrow(
      /noSuchFunction/,
    );

    expect(await count("MATCH (r:FamilyRun) RETURN count(r)")).toBe(runsBefore);
    expect(await repository.findCurrentRun()).toEqual(currentBefore);
  }, 120_000);
});
