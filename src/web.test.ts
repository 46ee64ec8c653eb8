import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.js";
import { webAppConfig } from "./web.js";

describe("webAppConfig", () => {
  it("when no identity provider is configured, then the app offers the development sign-in only", () => {
    expect(webAppConfig(parseConfig({ MAX_REQUEST_BYTES: "50000" }))).toEqual({
      oidc: null,
      developmentSignIn: true,
      maxRequestBytes: 50_000,
    });
  });

  it("when OIDC_ISSUER, its client and the key set are set, then the app signs in there and takes no pasted token", () => {
    const settings = webAppConfig(
      parseConfig({
        OIDC_ISSUER: "https://login.example.gov.uk/realm",
        OIDC_CLIENT_ID: "partnerships",
        JWT_JWKS_URL: "https://login.example.gov.uk/realm/keys",
      }),
    );

    expect(settings.oidc).toEqual({
      issuer: "https://login.example.gov.uk/realm",
      clientId: "partnerships",
      scope: "openid",
      resource: null,
      name: "login.example.gov.uk",
    });
    expect(settings.developmentSignIn).toBe(false);
  });

  it("when OIDC_ISSUER comes without a client id or key set, then start-up names both", () => {
    expect(() => parseConfig({ OIDC_ISSUER: "https://login.example.gov.uk" })).toThrow(
      /OIDC_CLIENT_ID: is required with OIDC_ISSUER[\s\S]*JWT_JWKS_URL: is required with OIDC_ISSUER/,
    );
  });
});
