/**
 * Limits that keep one client from hurting the service: query depth and cost, document size,
 * page sizes, introspection, database timeouts, and errors that never show internals. Writes
 * broken on purpose also show that a failed write leaves nothing behind.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CYPHER_ROOT } from "../../src/db/cypher.js";
import { testToken, useApi } from "../helpers/api.js";
import { cleanUpWrites, query, TestArea, testSubject } from "../helpers/writes.js";

const api = useApi({ app: { introspection: true } });
const closed = useApi();

/** A copy of cypher/ with one statement replaced, for failures made on purpose. */
function cypherWith(file: string, statement: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "cypher-hardening-"));
  cpSync(CYPHER_ROOT, root, { recursive: true });
  writeFileSync(path.join(root, file), statement);
  return root;
}

const slowRoot = cypherWith(
  "collaboration/findCollaborationModels.cypher",
  "// findCollaborationModels: slow on purpose\nUNWIND range(1, 200000000) AS x WITH x WHERE x < 0 RETURN {id: toString(x)} AS model\n",
);
const slow = useApi({
  cypherRoot: slowRoot,
  timeouts: { queryTimeoutMs: 500, retryMs: 0, connectTimeoutMs: 3_000 },
});
const brokenAuditRoot = cypherWith(
  "audit/recordAuditEvent.cypher",
  "// recordAuditEvent: broken on purpose\nCREATE (e:AuditEvent) SET e = $event, e.at = noSuchFunction() RETURN e.id AS id\n",
);
const brokenAudit = useApi({ cypherRoot: brokenAuditRoot });

const SUBJECT = testSubject("hardening");
let baseUrl = "";

beforeAll(async () => {
  baseUrl = await api().app.listen(0, "127.0.0.1");
});

afterAll(async () => {
  await cleanUpWrites(api().db, SUBJECT);
  for (const root of [slowRoot, brokenAuditRoot]) rmSync(root, { recursive: true, force: true });
});

async function post(body: unknown) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

describe("query depth", () => {
  it("when a query nests deeper than 10 fields, then it is refused before running with a 400 that says so", async () => {
    const deep = `{ school(urn: 100000) { memberships { partnership { members { edges { node { school {
      memberships { partnership { members { edges { node { school { name } } } } } } } } } } } } } }`;
    const response = await post({ query: deep });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "depth",
      maximum: 10,
    });
    expect(response.body.errors?.[0]?.message).toMatch(/at most 10/);
  });
});

describe("query cost", () => {
  it("when nested pages multiply past the limit, then it is refused with the estimate and the limit", async () => {
    const response = await post({
      query: `{ schools(first: 100) { edges { node { memberships { partnership {
        members(first: 100) { edges { node { school { name } } } } } } } } } }`,
    });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "cost",
      maximum: 25_000,
    });
    expect(response.body.errors?.[0]?.extensions["actual"]).toBeGreaterThan(25_000);
  });

  it("when the page size comes in a variable, then the variable's value is what is costed", async () => {
    const text = `query ($n: Int) { schools(first: 20) { edges { node { memberships { partnership {
      members(first: $n) { totalCount edges { node { joinedOn } } } } } } } } }`;
    expect((await post({ query: text, variables: { n: 2 } })).status).toBe(200);
    expect(
      (await post({ query: text, variables: { n: 100 } })).body.errors?.[0]?.extensions["limit"],
    ).toBe("cost");
  });

  it("when a full page of schools with their areas and memberships is asked for, then it is within the limits", async () => {
    const response = await post({
      query: `{ schools(first: 100) { totalCount edges { cursor node { urn name phase governance
        localAuthority { code name } region { code name } memberships { joinedOn partnership { id name type } }
        ofsted { rating } pupils { value year } } } pageInfo { hasNextPage endCursor } } }`,
    });
    expect(response.body.errors).toBeUndefined();
  });
});

describe("document size", () => {
  it("when a document has more tokens than allowed, then parsing stops with a 400", async () => {
    const response = await post({ query: `{ ${"regions { code } ".repeat(1_300)} }` });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions["code"]).toBe("GRAPHQL_PARSE_FAILED");
    expect(response.body.errors?.[0]?.message).toMatch(/tokens/);
  });
});

describe("page sizes", () => {
  it("when a field takes `first`, then it has a default, so no list is unbounded by omission", async () => {
    const result = await api().executeText(
      `{ __schema { types { name fields { name args { name defaultValue } } } } }`,
    );
    const types = (
      result.data as {
        __schema: {
          types: {
            name: string;
            fields:
              { name: string; args: { name: string; defaultValue: string | null }[] }[] | null;
          }[];
        };
      }
    ).__schema.types;
    const withoutDefault = types.flatMap((type) =>
      (type.fields ?? []).flatMap((field) =>
        field.args
          .filter((arg) => arg.name === "first" && arg.defaultValue === null)
          .map(() => `${type.name}.${field.name}`),
      ),
    );
    expect(withoutDefault).toEqual([]);
  });

  it.each([
    ["schools", "{ schools(first: 101) { totalCount } }"],
    [
      "partnership members",
      '{ partnership(id: "gias-3320") { members(first: 101) { totalCount } } }',
    ],
    [
      "local authority schools",
      "{ localAuthority(code: 201) { schools(first: 101) { totalCount } } }",
    ],
    ["audit events", "{ auditEvents(first: 101) { edges { cursor } } }"],
    ["partnership proposals", "{ partnershipProposals(urn: 100000, first: 101) { id } }"],
  ])(
    "when %s are asked for 101 at once, then BAD_USER_INPUT names `first`",
    async (_name, text) => {
      const token = await testToken({ role: "ADMIN", sub: `${SUBJECT}-pages` });
      const result = await api().executeText(text, {}, { token });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        argument: "first",
      });
    },
  );
});

describe("introspection", () => {
  it("when introspection is on, then the standard introspection query works despite its depth", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const result = await api().executeText(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
  });

  it("when introspection is left off, then introspection is refused and ordinary queries work", async () => {
    const refused = await closed().executeText("{ __schema { queryType { name } } }");
    expect(refused.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    const allowed = await closed().executeText("{ regions { code } }");
    expect(allowed.errors).toBeUndefined();
  });
});

describe("database failures", () => {
  it("when a statement runs past DB_QUERY_TIMEOUT_MS, then the client gets SERVICE_UNAVAILABLE saying so, not a server error", async () => {
    const result = await slow().executeText("{ collaborationModels { id } }");
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/took too long/),
      extensions: { code: "SERVICE_UNAVAILABLE" },
    });
  });

  it("when the last statement of a write fails, then the client sees a generic error with a request id, no Cypher, and nothing was written", async () => {
    const area = await TestArea.create(api().db, SUBJECT, 931);
    const [proposer, invitee] = (await area.schools({ governance: "MAINTAINED", count: 2 })) as [
      number,
      number,
    ];
    const token = await testToken({ role: "SCHOOL", sub: `${SUBJECT}-${proposer}`, urn: proposer });

    const result = await brokenAudit().executeText(
      `mutation ($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      { input: { proposerUrn: proposer, inviteeUrns: [invitee], model: "cluster" } },
      { token },
    );

    expect(result.errors?.[0]?.extensions).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      requestId: expect.any(String),
    });
    expect(JSON.stringify(result)).not.toMatch(/noSuchFunction|CREATE|AuditEvent|stack/i);
    const [row] = await query<{ n: number }>(
      api().db,
      "MATCH (:School {urn: $urn})-[:PROPOSED]->(pr) WHERE pr.createdBy STARTS WITH $prefix RETURN count(pr) AS n",
      { urn: proposer, prefix: SUBJECT },
    );
    expect(Number(row?.n)).toBe(0);
  });
});
