/**
 * Signing in to the web app. Against a service that takes development tokens, a developer pastes
 * one minted here and the masthead says who is signed in; an expired or forged token is refused
 * with the service's reason in words; a page that needs sign-in says who may use it. Against a
 * service configured with an identity provider (a test issuer on another port), /sign-in offers
 * only that provider, whose login form brings the user back signed in, with the role in the
 * masthead; the page's policy lets it fetch from the issuer and nowhere else new.
 */
import { describe, expect, it } from "vitest";
import { testToken } from "../helpers/api.js";
import { eventually } from "../helpers/browser.js";
import {
  ISSUER_NAME,
  signInThroughIssuer,
  useSignInPages,
  type TestAccount,
} from "../helpers/oidc-issuer.js";

describe("Development sign-in", () => {
  const pages = useSignInPages();

  it("when a developer pastes an oversight token, then the masthead says who is signed in, and Sign out signs them out", async () => {
    const page = pages.page();
    const token = await testToken({
      role: "OVERSIGHT",
      sub: "dev-north-east",
      regionCodes: ["E12000001"],
    });
    await page.goto(`${pages.base()}/sign-in`);
    await expect.poll(() => page.getByText("npm run token").count()).toBeGreaterThan(0);

    await page.getByLabel("Development token").fill(token);
    await page.getByRole("button", { name: "Sign in with this token" }).click();

    const masthead = page.locator("header");
    await eventually(() => masthead.innerText()).toContain(
      "Signed in as dev-north-east (oversight, North East)",
    );
    expect(await page.locator("main").innerText()).toContain(
      "You are signed in as dev-north-east (oversight, North East).",
    );
    await page.goto(`${pages.base()}/import`);
    await eventually(() => page.getByLabel("CSV file").count()).toBe(1);

    await masthead.getByRole("button", { name: "Sign out" }).click();
    await eventually(() => masthead.getByRole("link", { name: "Sign in" }).count()).toBe(1);
    expect(await page.locator("main").innerText()).toContain(
      "Sign in as oversight (for your region) or admin to import",
    );
  });

  it.each([
    [
      "expired",
      () => testToken({ role: "ADMIN", sub: "dev-admin" }, { expiresIn: "-10m" }),
      /has expired; get a new one/,
    ],
    ["not a token", async () => "not-a-token", /The bearer token is not valid\./],
  ])(
    "when the pasted token is %s, then the service's reason is shown in words and nobody is signed in",
    async (_what, token, reason) => {
      const page = pages.page();
      pages.expectConsoleError(
        "Failed to load resource: the server responded with a status of 401 (Unauthorized)",
      );
      await page.goto(`${pages.base()}/sign-in`);
      await page.getByLabel("Development token").fill(await token());
      await page.getByRole("button", { name: "Sign in with this token" }).click();

      const alert = page.getByRole("alert");
      await eventually(() => alert.count()).toBe(1);
      const text = await alert.innerText();
      expect(text).toMatch(/^The service did not accept this token: /);
      expect(text).toMatch(reason);
      expect(text).not.toMatch(/[{}]|UNAUTHENTICATED/);
      expect(await page.locator("header").innerText()).not.toContain("Signed in as");
    },
  );

  it("when nobody is signed in, then the import page says who may import and links to sign-in and back", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/import`);

    const notice = page.getByRole("status");
    await eventually(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain(
      "Sign in as oversight (for your region) or admin to import advisers, adviser assignments and grants",
    );
    await notice.getByRole("link", { name: "Sign in" }).click();
    await eventually(() => page.url()).toBe(`${pages.base()}/sign-in?return=%2Fimport`);
  });
});

describe("Sign-in with an identity provider", () => {
  const accounts: Record<string, TestAccount> = {
    "lead-north-west": {
      password: "correct horse battery staple",
      claims: { role: "OVERSIGHT", regionCodes: ["E12000002"] },
    },
  };
  const pages = useSignInPages({ accounts });

  it("when an oversight lead signs in through the issuer's login form, then the app shows them signed in with their role and region", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/sign-in`);
    await eventually(() =>
      page.getByRole("button", { name: `Sign in with ${ISSUER_NAME}` }).count(),
    ).toBe(1);
    expect(await page.getByLabel("Development token").count()).toBe(0);

    await signInThroughIssuer(pages, "lead-north-west", "correct horse battery staple", "/import");

    await eventually(() => page.locator("header").innerText()).toContain(
      "Signed in as lead-north-west (oversight, North West)",
    );
    await eventually(() => page.getByLabel("CSV file").count()).toBe(1);
    // The token the app keeps is for this tab only.
    const kept = (await page.evaluate("Object.keys(sessionStorage)")) as string[];
    expect(kept.some((key) => key.startsWith("oidc.user:"))).toBe(true);
    expect(await page.evaluate("localStorage.length")).toBe(0);
  });

  it("when a signed-in lead signs out, then the issuer asks to confirm and the app is back at its home page signed out", async () => {
    const page = pages.page();
    await signInThroughIssuer(pages, "lead-north-west", "correct horse battery staple");
    const masthead = page.locator("header");
    await eventually(() => masthead.innerText()).toContain("Signed in as lead-north-west");

    await masthead.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${pages.issuer().url}/session/end**`);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();

    await page.waitForURL(`${pages.base()}/`);
    await eventually(() => masthead.getByRole("link", { name: "Sign in" }).count()).toBe(1);
    const kept = (await page.evaluate("Object.keys(sessionStorage)")) as string[];
    expect(kept.filter((key) => key.startsWith("oidc.user:"))).toEqual([]);
  });

  it("when a wrong password is given, then the issuer says so and the app is not signed in", async () => {
    const page = pages.page();
    await page.goto(`${pages.base()}/sign-in`);
    await page.getByRole("button", { name: `Sign in with ${ISSUER_NAME}` }).click();
    await page.waitForURL(`${pages.issuer().url}/interaction/**`);
    await page.getByLabel("Username").fill("lead-north-west");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();

    expect(await page.getByRole("alert").innerText()).toBe("Unknown username or wrong password.");
  });

  it("when the service has an issuer, then its pages may fetch from the issuer and from nowhere else new", async () => {
    const response = await fetch(`${pages.base()}/import`, { headers: { accept: "text/html" } });
    const policy = response.headers.get("content-security-policy") ?? "";
    const connect = /connect-src ([^;]*)/.exec(policy)?.[1];

    expect(connect).toBe(`'self' ${pages.issuer().url}`);
    expect(policy.replace(`connect-src ${connect}`, "")).not.toMatch(/https?:/);
    const config = await (await fetch(`${pages.base()}/app-config.json`)).json();
    expect(config).toEqual({
      oidc: {
        issuer: pages.issuer().url,
        clientId: "school-partnerships-web",
        scope: "openid api",
        resource: "urn:school-partnerships:api",
        name: ISSUER_NAME,
      },
      developmentSignIn: false,
      maxRequestBytes: 100_000,
    });
  });
});
