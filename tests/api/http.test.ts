import { beforeAll, describe, expect, it } from "vitest";
import { useApi } from "../helpers/api.js";

const api = useApi();
let baseUrl = "";

// useApi's teardown stops Apollo, which drains and closes the listening server.
beforeAll(async () => {
  baseUrl = await api().app.listen(0, "127.0.0.1");
});

async function postGraphQL(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("over HTTP on a real port", () => {
  it("when the README's curl query is posted to /graphql, then the README's answer comes back", async () => {
    const response = await postGraphQL({
      query: "{ school(urn: 100000) { name localAuthority { code } } }",
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { school: { name: "The Aldgate School", localAuthority: { code: 201 } } },
    });
  });

  it("when a client that takes gzip asks for a large answer, then it comes compressed, and a small one as it is", async () => {
    const large = await postGraphQL(
      { query: '{ supportMap(regionCode: "E12000002") { schools { urn latitude longitude } } }' },
      { "accept-encoding": "gzip" },
    );
    expect(large.headers.get("content-encoding")).toBe("gzip");
    const body = (await large.json()) as { data: { supportMap: { schools: unknown[] } } };
    expect(body.data.supportMap.schools.length).toBeGreaterThan(3000);

    const small = await postGraphQL(
      { query: "{ school(urn: 100000) { name } }" },
      { "accept-encoding": "gzip" },
    );
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ data: { school: { name: "The Aldgate School" } } });
  });

  it("when /health is asked, then the process says it is up", async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("when /ready is asked with the database up, then it is ready", async () => {
    const response = await fetch(`${baseUrl}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, database: "up", schema: "applied" });
  });

  it("when a request carries an X-Request-Id, then the response echoes it and the logs carry it", async () => {
    const response = await postGraphQL(
      { query: "{ regions { code } }" },
      { "x-request-id": "test-abc-123" },
    );

    expect(response.headers.get("x-request-id")).toBe("test-abc-123");
    const line = api()
      .logs.map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry["requestId"] === "test-abc-123" && entry["path"] === "/graphql");
    expect(line).toMatchObject({ msg: "request completed", status: 200, method: "POST" });
  });

  it("when a request has no id, then one is made up and returned", async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("when the argument is out of range, then the HTTP answer is a GraphQL BAD_USER_INPUT error", async () => {
    const response = await postGraphQL({ query: "{ schools(first: 101) { totalCount } }" });
    const body = (await response.json()) as { errors: { message: string; extensions: object }[] };

    expect(body.errors[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });

  it("when the query does not parse, then the error says so and no stack trace is sent", async () => {
    const response = await postGraphQL({ query: "{ school(urn: " });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };

    expect(response.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });

  it("when the body is not JSON, then a JSON 400 with the request id comes back", async () => {
    const response = await postGraphQL("{not json");
    const body = (await response.json()) as { error: string; requestId: string };

    expect(response.status).toBe(400);
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("when the body is larger than allowed, then a JSON 413 comes back", async () => {
    const response = await postGraphQL({ query: `{ regions { code } } # ${"x".repeat(200_000)}` });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ requestId: expect.any(String) });
  });

  it("when a path is unknown, then a JSON 404 comes back", async () => {
    const response = await fetch(`${baseUrl}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "Not found" });
  });
});
