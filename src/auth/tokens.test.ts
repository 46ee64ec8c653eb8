import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "./principal.js";
import { InvalidTokenError, TokenVerifier, bearerToken, mintToken } from "./tokens.js";

const SECRET = new TextEncoder().encode("a-test-secret-that-is-long-enough-to-use");
const OTHER_SECRET = new TextEncoder().encode("another-secret-that-is-also-long-enough!");
const verifier = new TokenVerifier({ key: { kind: "secret", secret: SECRET } });

async function rejection(promise: Promise<unknown>): Promise<InvalidTokenError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the token to be refused");
    },
    (refused: unknown) => refused,
  );
  expect(error).toBeInstanceOf(InvalidTokenError);
  expect((error as InvalidTokenError).extensions).toMatchObject({
    code: "UNAUTHENTICATED",
    http: { status: 401 },
  });
  return error as InvalidTokenError;
}

describe("TokenVerifier", () => {
  it("when each role's token is verified, then the principal carries that role's claim", async () => {
    const school = await mintToken({ role: "SCHOOL", sub: "s1", urn: 100000 }, SECRET);
    const leader = await mintToken(
      { role: "SYSTEM_LEADER", sub: "l1", systemLeaderId: "sl-9" },
      SECRET,
    );
    const oversight = await mintToken(
      { role: "OVERSIGHT", sub: "o1", regionCodes: ["E12000007", "E12000007", "E12000008"] },
      SECRET,
    );
    const admin = await mintToken({ role: "ADMIN", sub: "a1" }, SECRET);

    expect(await verifier.verify(school)).toEqual({ role: "SCHOOL", sub: "s1", urn: 100000 });
    expect(await verifier.verify(leader)).toEqual({
      role: "SYSTEM_LEADER",
      sub: "l1",
      systemLeaderId: "sl-9",
    });
    expect(await verifier.verify(oversight)).toEqual({
      role: "OVERSIGHT",
      sub: "o1",
      regionCodes: ["E12000007", "E12000008"],
    });
    expect(await verifier.verify(admin)).toEqual({ role: "ADMIN", sub: "a1" });
  });

  it("when there is no Authorization header, then the request is anonymous", async () => {
    expect(await verifier.principalFor(undefined)).toBe(ANONYMOUS);
    expect(await verifier.principalFor("")).toBe(ANONYMOUS);
  });

  it("when the token has expired, then it is refused with a message saying so", async () => {
    const token = await new SignJWT({ role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a1")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3_600)
      .sign(SECRET);
    expect((await rejection(verifier.verify(token))).message).toMatch(/expired/);
  });

  it("when the token is signed with another key, unsigned, or not a JWT, then it is refused", async () => {
    await rejection(verifier.verify(await mintToken({ role: "ADMIN", sub: "a" }, OTHER_SECRET)));
    const unsecured = new UnsecuredJWT({ role: "ADMIN" })
      .setSubject("a")
      .setExpirationTime("1h")
      .encode();
    await rejection(verifier.verify(unsecured));
    await rejection(verifier.verify("not.a.token"));
  });

  it("when a role's own claim is missing or malformed, then the token is refused naming the claim", async () => {
    const noUrn = await mintToken({ role: "SCHOOL", sub: "s" } as never, SECRET);
    expect((await rejection(verifier.verify(noUrn))).message).toMatch(/urn/);
    const badRegion = await mintToken(
      { role: "OVERSIGHT", sub: "o", regionCodes: ["London"] },
      SECRET,
    );
    expect((await rejection(verifier.verify(badRegion))).message).toMatch(/regionCodes/);
    const badRole = await mintToken({ role: "SUPERUSER", sub: "x" } as never, SECRET);
    await rejection(verifier.verify(badRole));
  });

  it("when a token has no expiry, then it is refused: tokens must expire", async () => {
    const token = await new SignJWT({ role: "ADMIN" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a1")
      .sign(SECRET);
    await rejection(verifier.verify(token));
  });

  it("when an issuer and audience are configured, then tokens for others are refused", async () => {
    const strict = new TokenVerifier({
      key: { kind: "secret", secret: SECRET },
      issuer: "https://id.example",
      audience: "school-partnerships",
    });
    const good = await mintToken({ role: "ADMIN", sub: "a" }, SECRET, {
      issuer: "https://id.example",
      audience: "school-partnerships",
    });
    const wrongAudience = await mintToken({ role: "ADMIN", sub: "a" }, SECRET, {
      issuer: "https://id.example",
      audience: "someone-else",
    });
    expect((await strict.verify(good)).role).toBe("ADMIN");
    await rejection(strict.verify(wrongAudience));
  });

  it("when the server has no key, then every token is refused but anonymous requests work", async () => {
    const keyless = new TokenVerifier({ key: { kind: "none" } });
    await rejection(keyless.verify(await mintToken({ role: "ADMIN", sub: "a" }, SECRET)));
    expect(await keyless.principalFor(undefined)).toBe(ANONYMOUS);
  });
});

describe("bearerToken", () => {
  it("when the header uses the Bearer scheme, then the token is taken from it", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc")).toBe("abc");
  });

  it("when the header uses another scheme or is malformed, then it is refused", () => {
    expect(() => bearerToken("Basic dXNlcjpwYXNz")).toThrow(InvalidTokenError);
    expect(() => bearerToken("Bearer")).toThrow(InvalidTokenError);
    expect(() => bearerToken("Bearer a b")).toThrow(InvalidTokenError);
  });
});
