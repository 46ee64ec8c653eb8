/** What the service tells the app about signing in (GET /app-config.json, src/web.ts). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  resource: string | null;
  /** Shown as "Sign in with <name>". */
  name: string;
}

export interface AppConfig {
  /** null: the service has no identity provider to sign in with. */
  oidc: OidcSettings | null;
  /** Whether the service takes development tokens (`npm run token`) pasted on the sign-in page. */
  developmentSignIn: boolean;
  /** The largest request the service reads, in bytes. */
  maxRequestBytes: number;
}

let loading: Promise<AppConfig> | undefined;

/** Fetched once per page load; a failed fetch is tried again on the next call. */
export function appConfig(): Promise<AppConfig> {
  loading ??= fetch("/app-config.json", { headers: { accept: "application/json" } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`The service answered ${response.status}.`);
      return (await response.json()) as AppConfig;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
