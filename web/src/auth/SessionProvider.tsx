/**
 * Who is signed in, for every page: the service's `viewer` answer for the kept token. A token the
 * service refuses (expired, or signed with a key it no longer takes) is forgotten, so the open
 * pages keep working, and the reason is kept to show.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { ViewerDocument, type ViewerQuery } from "../__generated__/graphql";
import { ApiError, request } from "../api";
import { appConfig, type AppConfig } from "./app-config";
import { currentSignIn, forgetSignIn, signOut, userManager, type SignInMethod } from "./session";

export type Viewer = NonNullable<ViewerQuery["viewer"]>;

export type Session =
  | { status: "checking" }
  /** `ended`: why the last sign-in stopped working, when it did. */
  | { status: "anonymous"; ended?: string }
  | {
      status: "signed-in";
      viewer: Viewer;
      /** The viewer's regions by name, in the order the token lists them. */
      regionNames: string[];
      method: SignInMethod;
    }
  | { status: "unknown"; error: string };

interface SessionValue {
  session: Session;
  /** null until /app-config.json has answered. */
  config: AppConfig | null;
  /** Why /app-config.json could not be read, when it could not. */
  configError: string | null;
  /** Asks the service again who the kept token names. */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function checkSession(): Promise<Session> {
  const signIn = await currentSignIn();
  if (!signIn) return { status: "anonymous" };
  try {
    const { viewer, regions } = await request(ViewerDocument, {});
    if (!viewer) return { status: "anonymous" };
    const names = new Map(regions.map((region) => [region.code, region.name]));
    return {
      status: "signed-in",
      viewer,
      regionNames: viewer.regionCodes.map((code) => names.get(code) ?? code),
      method: signIn.method,
    };
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      await forgetSignIn();
      return { status: "anonymous", ended: error.message };
    }
    return {
      status: "unknown",
      error: error instanceof ApiError ? error.message : "The service could not be reached.",
    };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "checking" });
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setSession(await checkSession());
  }, []);

  useEffect(() => {
    let current = true;
    const expired = () => void checkSession().then((checked) => current && setSession(checked));
    appConfig().then(
      (loaded) => current && setConfig(loaded),
      (error: unknown) =>
        current &&
        setConfigError(
          error instanceof Error ? error.message : "The service could not be reached.",
        ),
    );
    checkSession().then((checked) => current && setSession(checked));
    // When the provider's token runs out, requests go anonymous; the masthead should say so.
    const manager = userManager().catch(() => null);
    void manager.then((m) => m?.events.addAccessTokenExpired(expired));
    return () => {
      current = false;
      void manager.then((m) => m?.events.removeAccessTokenExpired(expired));
    };
  }, []);

  const leave = useCallback(async () => {
    if (await signOut()) return;
    setSession({ status: "anonymous" });
  }, []);

  return (
    <SessionContext.Provider value={{ session, config, configError, refresh, signOut: leave }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession() needs a <SessionProvider> around the app.");
  return value;
}
