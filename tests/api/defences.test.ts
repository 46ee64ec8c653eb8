/**
 * Defences over HTTP: documents too large once expanded are refused before validation, with a
 * code, while the process keeps answering others.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { testToken, useApi } from "../helpers/api.js";

const api = useApi();
const explorable = useApi({ app: { introspection: true } });
const limited = useApi({
  app: {
    rateLimit: { limit: 3, windowMs: 60_000, exempt: ["198.51.100.9", "bench-runner"] },
    trustProxy: "loopback",
  },
});
let baseUrl = "";
let limitedUrl = "";

beforeAll(async () => {
  baseUrl = await api().app.listen(0, "127.0.0.1");
  limitedUrl = await limited().app.listen(0, "127.0.0.1");
});

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLBody,
  };
}

/** Twenty fragments, each spreading the one before twice: about a million fields once expanded. */
function doublingFragments(levels: number): string {
  const fragments = ["fragment F0 on School { name }"];
  for (let level = 1; level <= levels; level++) {
    fragments.push(`fragment F${level} on School { ...F${level - 1} ...F${level - 1} }`);
  }
  return `query { school(urn: 100000) { ...F${levels} } }\n${fragments.join("\n")}`;
}

describe("documents too large once expanded", () => {
  it("when twenty fragments each spread the one before twice, then it is refused with its code while /health answers", async () => {
    const [refused, health] = await Promise.all([
      post({ query: doublingFragments(20) }),
      fetch(`${baseUrl}/health`),
    ]);

    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "fields",
      maximum: 2_000,
    });
    expect(health.status).toBe(200);
  });

  it("when a field is aliased 400 times, then it is refused for its aliases", async () => {
    const aliased = Array.from({ length: 400 }, (_, i) => `a${i}: regions { code }`).join(" ");
    const response = await post({ query: `{ ${aliased} }` });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "aliases",
      maximum: 100,
      actual: 400,
    });
  });

  it("when one field carries 200 directives, then it is refused for its directives before validation", async () => {
    const repeated = Array.from({ length: 200 }, () => "@include(if: true)").join(" ");
    const response = await post({ query: `{ __typename ${repeated} }` });

    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "directives",
      maximum: 50,
      actual: 200,
    });
  });

  it("when a few fragments and aliases are used, then the query answers", async () => {
    const response = await post({
      query: `{ a: school(urn: 100000) { ...S } b: school(urn: 100000) { ...S } }
        fragment S on School { urn name }`,
    });
    expect(response.body).toEqual({
      data: {
        a: { urn: 100000, name: "The Aldgate School" },
        b: { urn: 100000, name: "The Aldgate School" },
      },
    });
  });
});

describe("requests the service cannot serve", () => {
  it("when a subscription is sent, then it is refused as a client error and nothing is logged as an error", async () => {
    const response = await post(
      { query: "subscription { __typename }" },
      { "x-request-id": "defences-subscription" },
    );

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: "This service does not support subscription operations.",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", operation: "subscription" },
    });
    const errorLines = api()
      .logs.map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line["requestId"] === "defences-subscription" && line["level"] === "error");
    expect(errorLines).toEqual([]);
  });

  it("when a persisted query's hash is unknown, then the answer is PERSISTED_QUERY_NOT_FOUND", async () => {
    const response = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: "ab".repeat(32) } },
    });

    expect(response.body.errors).toEqual([
      { message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } },
    ]);
  });
});

describe("introspection and suggestions", () => {
  it("when GRAPHQL_INTROSPECTION is not set, then it is off", () => {
    expect(parseConfig({}).GRAPHQL_INTROSPECTION).toBe(false);
    expect(parseConfig({ GRAPHQL_INTROSPECTION: "true" }).GRAPHQL_INTROSPECTION).toBe(true);
  });

  it("when introspection is left off, then the schema cannot be read and errors suggest no field names", async () => {
    const introspection = await post({ query: "{ __schema { queryType { name } } }" });
    const misspelt = await post({ query: "{ schol(urn: 100000) { name } }" });

    expect(introspection.body.errors?.[0]?.extensions["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(misspelt.body.errors?.[0]?.extensions["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(misspelt.body)).not.toMatch(/did you mean|"school"/i);
  });

  it("when introspection is switched on, then the schema can be read and errors suggest the field meant", async () => {
    const introspection = await explorable().executeText("{ __schema { queryType { name } } }");
    const misspelt = await explorable().executeText("{ schol(urn: 100000) { name } }");

    expect(introspection.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect(misspelt.errors?.[0]?.message).toMatch(/Did you mean "school"/);
  });
});

describe("requests per caller", () => {
  it("when the limit settings are read, then the exemptions are a list and TRUST_PROXY takes Express's forms", () => {
    expect(parseConfig({})).toMatchObject({
      RATE_LIMIT_REQUESTS: 1_000,
      RATE_LIMIT_EXEMPT: [],
      TRUST_PROXY: false,
    });
    expect(parseConfig({ RATE_LIMIT_EXEMPT: "bench, 127.0.0.1", TRUST_PROXY: "2" })).toMatchObject({
      RATE_LIMIT_EXEMPT: ["bench", "127.0.0.1"],
      TRUST_PROXY: 2,
    });
    expect(parseConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY).toBe(
      "loopback, 10.0.0.0/8",
    );
  });

  const ask = (headers: Record<string, string>) =>
    fetch(`${limitedUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
  const burst = async (headers: Record<string, string>, count: number) => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < count; i++) {
      last = await ask(headers);
      statuses.push(last.status);
      if (i < count - 1) await last.arrayBuffer();
    }
    return { statuses, last: last! };
  };

  it("when a client passes the limit, then it gets 429 with Retry-After and a coded error, while another client is not limited", async () => {
    const { statuses, last } = await burst({ "x-forwarded-for": "203.0.113.1" }, 4);

    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last.json()).toMatchObject({
      errors: [{ extensions: { code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) } }],
    });
    expect((await ask({ "x-forwarded-for": "203.0.113.2" })).status).toBe(200);
  });

  it("when callers carry tokens, then each token subject is counted apart from the address it comes from", async () => {
    const first = await testToken({ role: "ADMIN", sub: "defences-caller-1" });
    const second = await testToken({ role: "ADMIN", sub: "defences-caller-2" });
    const from = { "x-forwarded-for": "203.0.113.3" };

    const { statuses } = await burst({ ...from, authorization: `Bearer ${first}` }, 4);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await ask({ ...from, authorization: `Bearer ${second}` })).status).toBe(200);
    expect((await ask(from)).status).toBe(200);
  });

  it("when a caller is exempted by address or token subject, then it is never limited", async () => {
    const token = await testToken({ role: "ADMIN", sub: "bench-runner" });
    const byAddress = await burst({ "x-forwarded-for": "198.51.100.9" }, 5);
    const bySubject = await burst(
      { "x-forwarded-for": "203.0.113.4", authorization: `Bearer ${token}` },
      5,
    );
    expect([...byAddress.statuses, ...bySubject.statuses].every((s) => s === 200)).toBe(true);
  });

  it("when /health is asked by a limited client, then it still answers", async () => {
    await burst({ "x-forwarded-for": "203.0.113.5" }, 4);
    const health = await fetch(`${limitedUrl}/health`, {
      headers: { "x-forwarded-for": "203.0.113.5" },
    });
    expect(health.status).toBe(200);
  });
});
