/**
 * An unexpected failure (here a statement broken on purpose in a copy of cypher/) reaches the
 * client as a generic INTERNAL_SERVER_ERROR with the request id, and the log holds the rest.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CYPHER_ROOT } from "../../src/db/cypher.js";
import { useApi } from "../helpers/api.js";

const cypherRoot = mkdtempSync(path.join(tmpdir(), "cypher-broken-"));
cpSync(CYPHER_ROOT, cypherRoot, { recursive: true });
writeFileSync(
  path.join(cypherRoot, "schools", "findSchoolsByUrns.cypher"),
  "// findSchoolsByUrns: broken on purpose\nUNWIND $urns AS urn RETURN noSuchFunction(urn) AS school\n",
);

const api = useApi({ cypherRoot });

afterAll(() => {
  rmSync(cypherRoot, { recursive: true, force: true });
});

describe("when a statement fails unexpectedly", () => {
  it("then the client sees a generic error with a request id, and no Cypher or stack trace", async () => {
    const result = await api().executeText("{ school(urn: 100000) { name } }");
    const error = result.errors?.[0];

    expect(result.data).toEqual({ school: null });
    expect(error?.message).toBe("Internal server error");
    expect(error?.extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      requestId: expect.any(String),
    });
    expect(JSON.stringify(result)).not.toMatch(/noSuchFunction|UNWIND|stacktrace|Neo4j/i);
  });

  it("then the full error is logged under the same request id", async () => {
    const result = await api().executeText("{ school(urn: 100000) { name } }");
    const requestId = result.errors?.[0]?.extensions?.["requestId"];

    const logged = api()
      .logs.map((line) => JSON.parse(line) as { requestId?: string; level: string; err?: object })
      .find((entry) => entry.requestId === requestId && entry.level === "error");
    expect(JSON.stringify(logged?.err)).toContain("noSuchFunction");
  });

  it("then other fields of the same request still resolve", async () => {
    const result = await api().executeText("{ school(urn: 100000) { name } regions { code } }");
    expect(result.data).toMatchObject({
      school: null,
      regions: expect.arrayContaining([{ code: "E12000007" }]),
    });
  });
});
