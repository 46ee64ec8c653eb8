/**
 * Where the signed-in user's access token lives, for this browser tab only (sessionStorage):
 * oidc-client-ts's user store after an identity provider's sign-in (authorization code with
 * PKCE), or a development token pasted on the sign-in page.
 */
import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import { appConfig, type OidcSettings } from "./app-config";

const DEVELOPMENT_TOKEN = "school-partnerships.development-token";

export type SignInMethod = "provider" | "development";

let managerFor: { settings: OidcSettings; manager: UserManager } | undefined;

function managerOf(settings: OidcSettings): UserManager {
  if (managerFor?.settings !== settings) {
    const origin = window.location.origin;
    const manager = new UserManager({
      authority: settings.issuer,
      client_id: settings.clientId,
      redirect_uri: `${origin}/callback`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: "code",
      scope: settings.scope,
      ...(settings.resource ? { resource: settings.resource } : {}),
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      // Renewal without a refresh token runs in a hidden frame, which the page's policy forbids:
      // when the token expires, the user signs in again.
      automaticSilentRenew: false,
    });
    managerFor = { settings, manager };
  }
  return managerFor.manager;
}

/** The identity provider's client, or null when the service has none. */
export async function userManager(): Promise<UserManager | null> {
  const { oidc } = await appConfig();
  return oidc ? managerOf(oidc) : null;
}

/** The token to send, or null when nobody is signed in (or their token has expired). */
export async function accessToken(): Promise<string | null> {
  return (await currentSignIn())?.token ?? null;
}

/**
 * Whether a token's `exp` has passed, read without checking its signature (the service checks
 * that): an expired token would make every request fail, the open pages' too.
 */
function hasExpired(token: string): boolean {
  try {
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as {
      exp?: unknown;
    };
    return typeof claims.exp === "number" && claims.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}

export async function currentSignIn(): Promise<{ token: string; method: SignInMethod } | null> {
  const development = window.sessionStorage.getItem(DEVELOPMENT_TOKEN);
  if (development && hasExpired(development)) window.sessionStorage.removeItem(DEVELOPMENT_TOKEN);
  else if (development) return { token: development, method: "development" };
  const manager = await userManager().catch(() => null);
  const user = await manager?.getUser();
  return user && !user.expired ? { token: user.access_token, method: "provider" } : null;
}

/** Keeps a development token the service has accepted. */
export function keepDevelopmentToken(token: string): void {
  window.sessionStorage.setItem(DEVELOPMENT_TOKEN, token);
}

/** Forgets whoever is signed in, in this tab; the identity provider's own session is untouched. */
export async function forgetSignIn(): Promise<void> {
  window.sessionStorage.removeItem(DEVELOPMENT_TOKEN);
  await (await userManager().catch(() => null))?.removeUser();
}

/** Leaves for the identity provider's sign-in, coming back to `returnTo` afterwards. */
export async function signInWithProvider(returnTo: string): Promise<void> {
  const manager = await userManager();
  if (!manager) throw new Error("This service has no identity provider to sign in with.");
  await manager.signinRedirect({ url_state: returnTo });
}

let completing: Promise<string> | undefined;

/**
 * Finishes the provider's sign-in on /callback (the code exchanged for tokens, checked against
 * the PKCE verifier and state kept before leaving) and resolves with where to go back to. Once
 * per page load: a second call would find the state already used.
 */
export function completeSignInWithProvider(): Promise<string> {
  completing ??= (async () => {
    const manager = await userManager();
    if (!manager) throw new Error("This service has no identity provider to sign in with.");
    window.sessionStorage.removeItem(DEVELOPMENT_TOKEN);
    const user = await manager.signinRedirectCallback();
    return safeReturnPath(user.url_state);
  })();
  return completing;
}

/**
 * Signs out of the app and, when the provider offers it, of the provider too (it returns to `/`).
 * Resolves with false when the page stays here.
 */
export async function signOut(): Promise<boolean> {
  const signIn = await currentSignIn();
  const manager = await userManager().catch(() => null);
  if (signIn?.method === "provider" && manager) {
    const metadata = await manager.metadataService.getMetadata().catch(() => null);
    if (metadata?.end_session_endpoint) {
      await manager.signoutRedirect();
      return true;
    }
  }
  await forgetSignIn();
  return false;
}

/** A path in this app to return to: anything else (another site, `//host`) gives the home page. */
export function safeReturnPath(path: string | null | undefined): string {
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
    ? path
    : "/";
}
