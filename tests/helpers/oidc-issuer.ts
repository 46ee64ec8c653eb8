/**
 * An OpenID Connect issuer for the browser tests (oidc-provider on 127.0.0.1, a port of its own):
 * one public client for the web app (authorization code with PKCE, back to its /callback), a login
 * form of its own (oidc-provider's development pages load fonts from the internet), and JWT access
 * tokens for the API carrying each account's role claims. `useSignInPages()` serves the API,
 * configured with this issuer's key set or taking development tokens, and gives each test a page.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { errors, type Configuration } from "oidc-provider";
import { TokenVerifier, type TokenClaims } from "../../src/auth/tokens.js";
import { startApi } from "./api.js";
import { useBrowserPages, type BrowserPages } from "./browser.js";

/** The API as a resource server (RFC 8707): the access tokens' audience. */
export const API_RESOURCE = "urn:school-partnerships:api";
export const CLIENT_ID = "school-partnerships-web";
export const ISSUER_NAME = "Test issuer";

/** A role's claims without the subject, which is the account's username. */
type RoleClaims = TokenClaims extends infer Claims
  ? Claims extends unknown
    ? Omit<Claims, "sub">
    : never
  : never;

export interface TestAccount {
  password: string;
  /** The role claims its access tokens carry. */
  claims: RoleClaims;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${ISSUER_NAME}: sign in</title><link rel="icon" href="data:,"></head>
<body><main><h1>${ISSUER_NAME}</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

/** `form` is oidc-provider's hidden form (id op.logoutForm) the buttons submit. */
function logoutPage(form: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${ISSUER_NAME}: sign out</title><link rel="icon" href="data:,"></head>
<body><main><h1>Sign out of ${ISSUER_NAME}?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>
</main></body></html>`;
}

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export class TestIssuer {
  private provider: Provider | undefined;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    private readonly accounts: Readonly<Record<string, TestAccount>>,
  ) {}

  /** Listens on a free port at once; the client is registered once the app's address is known. */
  static async start(accounts: Readonly<Record<string, TestAccount>>): Promise<TestIssuer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const issuer = new TestIssuer(server, `http://127.0.0.1:${port}`, accounts);
    server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
      issuer.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(error instanceof Error ? error.message : "error");
      });
    });
    return issuer;
  }

  get jwksUri(): string {
    return `${this.url}/jwks`;
  }

  /** Registers the web app served at `appBase` as the issuer's one client. */
  async registerClient(appBase: string): Promise<void> {
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const signingKey = { ...(await exportJWK(privateKey)), kid: "test", alg: "RS256", use: "sig" };
    const accounts = this.accounts;
    const configuration: Configuration = {
      clients: [
        {
          client_id: CLIENT_ID,
          token_endpoint_auth_method: "none",
          redirect_uris: [`${appBase}/callback`],
          post_logout_redirect_uris: [`${appBase}/`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      jwks: { keys: [signingKey as never] },
      cookies: { keys: [randomBytes(32).toString("hex")] },
      pkce: { required: () => true },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) =>
        accounts[sub] ? { accountId: sub, claims: () => ({ sub }) } : undefined,
      extraTokenClaims: (_ctx, token) =>
        "accountId" in token && token.accountId ? accounts[token.accountId]?.claims : undefined,
      clientBasedCORS: (_ctx, origin, client) =>
        client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => {
            ctx.type = "html";
            ctx.body = logoutPage(form);
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
            return {
              scope: "api",
              audience: API_RESOURCE,
              accessTokenFormat: "jwt",
              accessTokenTTL: 600,
            };
          },
        },
      },
    };
    this.provider = new Provider(this.url, configuration);
    this.provider.on("server_error", (_ctx, error) => console.error("test issuer:", error));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const provider = this.provider;
    if (!provider) {
      res.statusCode = 503;
      res.end("No client registered yet.");
      return;
    }
    const path = new URL(req.url ?? "/", this.url).pathname;
    const interaction = /^\/interaction\/[^/]+(\/login)?$/.exec(path);
    if (!interaction) {
      provider.callback()(req, res);
      return;
    }
    const details = await provider.interactionDetails(req, res);
    const page = (error?: string) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(loginPage(details.uid, error));
    };
    if (req.method !== "POST" || !interaction[1]) return page();
    const form = await formOf(req);
    const username = form.get("username") ?? "";
    if (this.accounts[username]?.password !== form.get("password")) {
      return page("Unknown username or wrong password.");
    }
    // A first-party app: consent is granted with the sign-in.
    const grant = new provider.Grant({ accountId: username, clientId: CLIENT_ID });
    grant.addOIDCScope("openid");
    grant.addResourceScope(API_RESOURCE, "api");
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: username }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

export interface SignInPages extends BrowserPages {
  /** The test issuer; only with `accounts`. */
  issuer(): TestIssuer;
}

/**
 * useBrowserPages with the API configured for sign-in. With `accounts`, as with OIDC_ISSUER and
 * JWT_JWKS_URL naming a test issuer holding them (only its tokens are accepted; no development
 * sign-in); without, taking development tokens (`testToken`) pasted on /sign-in.
 */
export function useSignInPages(
  options: { accounts?: Record<string, TestAccount> } = {},
): SignInPages {
  let issuer: TestIssuer | undefined;
  const pages = useBrowserPages({
    server: async () => {
      if (!options.accounts) {
        const api = await startApi({ app: { signIn: { oidc: null, developmentSignIn: true } } });
        return { api, close: () => api.close() };
      }
      const started = await TestIssuer.start(options.accounts);
      issuer = started;
      const api = await startApi({
        app: {
          tokens: new TokenVerifier({
            key: { kind: "jwks", url: started.jwksUri },
            issuer: started.url,
            audience: API_RESOURCE,
          }),
          signIn: {
            oidc: {
              issuer: started.url,
              clientId: CLIENT_ID,
              scope: "openid api",
              resource: API_RESOURCE,
              name: ISSUER_NAME,
            },
            developmentSignIn: false,
          },
        },
      });
      return {
        api,
        listening: (base) => started.registerClient(base),
        close: async () => {
          await api.close();
          await started.close();
        },
      };
    },
  });
  return {
    ...pages,
    issuer: () => {
      if (!issuer) throw new Error("No issuer: pass `accounts` to useSignInPages().");
      return issuer;
    },
  };
}

/** Signs in through the issuer's login form from the app's /sign-in page. */
export async function signInThroughIssuer(
  pages: SignInPages,
  username: string,
  password: string,
  returnTo = "/",
): Promise<void> {
  const page = pages.page();
  await page.goto(`${pages.base()}/sign-in?return=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: `Sign in with ${ISSUER_NAME}` }).click();
  await page.waitForURL(`${pages.issuer().url}/interaction/**`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${pages.base()}${returnTo}`);
}
