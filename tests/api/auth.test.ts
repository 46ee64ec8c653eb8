/**
 * Bearer tokens over real HTTP: who a token names, what a bad token gets back, what the logs
 * keep, and that `npm run token` mints tokens the server accepts.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { TokenVerifier } from "../../src/auth/tokens.js";
import { testToken, useApi } from "../helpers/api.js";

const api = useApi();
let baseUrl = "";

beforeAll(async () => {
  baseUrl = await api().app.listen(0, "127.0.0.1");
});

async function post(body: unknown, authorization?: string) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const VIEWER = { query: "{ viewer { role sub urn regionCodes } }" };

describe("bearer tokens over HTTP", () => {
  it("when no token is sent, then the request is anonymous and open data still reads", async () => {
    const response = await post({ query: "{ viewer { role } school(urn: 100000) { name } }" });
    expect(response.body).toEqual({
      data: { viewer: null, school: { name: "The Aldgate School" } },
    });
  });

  it("when a valid school token is sent, then viewer names the school", async () => {
    const token = await testToken({ role: "SCHOOL", sub: "head@aldgate", urn: 100000 });
    const response = await post(VIEWER, `Bearer ${token}`);
    expect(response.body).toEqual({
      data: { viewer: { role: "SCHOOL", sub: "head@aldgate", urn: 100000, regionCodes: [] } },
    });
  });

  it.each([
    [
      "expired",
      async () => testToken({ role: "ADMIN", sub: "a" }, { expiresIn: "-1h" }),
      /expired/,
    ],
    [
      "signed with another key",
      async () =>
        new SignJWT({ role: "ADMIN" })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject("a")
          .setExpirationTime("1h")
          .sign(new TextEncoder().encode("an-attacker-secret-of-sufficient-length")),
      /not valid/,
    ],
    ["not a JWT", async () => "garbage", /not valid/],
    [
      "missing the role's claim",
      async () => testToken({ role: "OVERSIGHT", sub: "o" } as never),
      /regionCodes/,
    ],
  ])(
    "when the token is %s, then the whole request is 401 UNAUTHENTICATED with no data and no stack trace",
    async (_case, makeToken, message) => {
      const response = await post(VIEWER, `Bearer ${await makeToken()}`);
      const errors = response.body["errors"] as { message: string; extensions: object }[];

      expect(response.status).toBe(401);
      expect(response.body["data"]).toBeUndefined();
      expect(errors[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
      expect(errors[0]?.message).toMatch(message);
      expect(JSON.stringify(response.body)).not.toMatch(/stacktrace|at .*\.ts/);
    },
  );

  it("when the Authorization header uses another scheme, then it is refused with how to send it", async () => {
    const response = await post(VIEWER, "Basic dXNlcjpwYXNz");
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body)).toMatch(/Bearer/);
  });

  it("when a signed-in request completes, then the log line names the role and subject but never the token", async () => {
    const token = await testToken({ role: "ADMIN", sub: "log-check-admin" });
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "x-request-id": "auth-log-1",
      },
      body: JSON.stringify(VIEWER),
    });
    expect(response.status).toBe(200);

    const line = api()
      .logs.map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry["requestId"] === "auth-log-1" && entry["msg"] === "request completed");
    expect(line).toMatchObject({ role: "ADMIN", sub: "log-check-admin", status: 200 });
    expect(api().logs.join("\n")).not.toContain(token);
  });
});

describe("npm run token", () => {
  it("when run with a role and its claim, then it prints a token the server's key accepts", async () => {
    const secret = "a-development-secret-for-the-token-script-test";
    const printed = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(projectRoot, "scripts", "token.ts"),
        "--role",
        "SCHOOL",
        "--urn",
        "100000",
      ],
      { cwd: projectRoot, env: { ...process.env, JWT_SECRET: secret }, encoding: "utf8" },
    ).trim();

    const verifier = new TokenVerifier({
      key: { kind: "secret", secret: new TextEncoder().encode(secret) },
    });
    expect(await verifier.verify(printed)).toEqual({
      role: "SCHOOL",
      sub: "dev-school",
      urn: 100000,
    });
  });

  it("when a role's claim is missing, then it refuses and prints no token", () => {
    expect(() =>
      execFileSync(
        process.execPath,
        ["--import", "tsx", path.join(projectRoot, "scripts", "token.ts"), "--role", "SCHOOL"],
        {
          cwd: projectRoot,
          env: { ...process.env, JWT_SECRET: "x".repeat(40) },
          stdio: "pipe",
        },
      ),
    ).toThrow(/urn/);
  });
});
