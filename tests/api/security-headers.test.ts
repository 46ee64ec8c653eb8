/**
 * Security headers over HTTP: every response carries helmet's headers with a policy that admits
 * only the service's own origin (and blob: workers for the web app's GraphQL IDE), the pages of
 * the web app and the IDE included: they load nothing from anywhere else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useApi } from "../helpers/api.js";

const api = useApi();
let baseUrl = "";

beforeAll(async () => {
  baseUrl = await api().app.listen(0, "127.0.0.1");
});

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const [name = "", ...values] = part.split(/\s+/);
        return [name, values.join(" ")];
      }),
  );
}

function expectCommonHeaders(headers: Headers): void {
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(headers.get("referrer-policy")).toBe("no-referrer");
  expect(headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(headers.get("x-powered-by")).toBeNull();
}

describe("security headers", () => {
  it.each([
    ["a GraphQL query", () => post("{ regions { code } }")],
    ["the health probe", () => fetch(`${baseUrl}/health`)],
    ["an unknown path", () => fetch(`${baseUrl}/nowhere`)],
    [
      "a GraphQL query by GET",
      () =>
        fetch(`${baseUrl}/graphql?query=${encodeURIComponent("{ regions { code } }")}`, {
          headers: { accept: "*/*", "apollo-require-preflight": "true" },
        }),
    ],
  ])(
    "when answering %s, then the response carries a same-origin policy with blob: workers and helmet's headers",
    async (_what, request) => {
      const response = await request();
      const policy = directives(response.headers.get("content-security-policy"));

      expect(policy.get("worker-src")).toBe("'self' blob:");
      expect(policy.get("script-src")).toBe("'self'");
      expect(policy.get("style-src")).toBe("'self'");
      expect(policy.get("default-src")).toBe("'self'");
      expect(policy.get("frame-ancestors")).toBe("'none'");
      expect(policy.get("object-src")).toBe("'none'");
      for (const value of policy.values()) expect(value).not.toMatch(/https?:|\*/);
      expectCommonHeaders(response.headers);
    },
  );

  it.each([
    ["/graphql", /<div id="graphiql">/],
    ["/", /<div id="root">/],
    ["/schools/109092", /<div id="root">/],
  ])(
    "when a browser opens %s, then the page comes from the service under the same policy and loads nothing from elsewhere",
    async (page, marker) => {
      const response = await fetch(`${baseUrl}${page}`, { headers: { accept: "text/html" } });
      const html = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(html).toMatch(marker);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).not.toMatch(/apollographql\.com/);
      expect(directives(response.headers.get("content-security-policy")).get("script-src")).toBe(
        "'self'",
      );
      expectCommonHeaders(response.headers);
    },
  );

  it("when a tool asks for the schema, then its SDL is served even with introspection off", async () => {
    const response = await fetch(`${baseUrl}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^type School \{/m);
  });
});

function post(query: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
}
