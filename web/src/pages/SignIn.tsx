/**
 * /sign-in: with the service's identity provider ("Sign in with …"), or, on a service that takes
 * development tokens (no JWT_JWKS_URL), by pasting one `npm run token` printed. A pasted token is
 * checked with the `viewer` query before it is kept.
 */
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ViewerDocument } from "../__generated__/graphql";
import { ApiError, request } from "../api";
import { keepDevelopmentToken, safeReturnPath, signInWithProvider } from "../auth/session";
import { useSession } from "../auth/SessionProvider";
import { whoIsSignedIn } from "../auth/SignedInStatus";

const TOKEN_COMMAND = "npm run token -- --role OVERSIGHT --region E12000002";

function ProviderSignIn({ name, returnTo }: { name: string; returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  return (
    <section aria-labelledby="provider-heading">
      <h2 id="provider-heading">Your organisation&apos;s account</h2>
      <button
        type="button"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          setError(null);
          signInWithProvider(returnTo).catch((failure: unknown) => {
            setLeaving(false);
            setError(
              `${name} could not be reached (${failure instanceof Error ? failure.message : "no answer"}).`,
            );
          });
        }}
      >
        Sign in with {name}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function DevelopmentSignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pasted = token.trim();
    if (pasted === "") {
      setError(`Paste the token \`${TOKEN_COMMAND}\` printed.`);
      return;
    }
    setChecking(true);
    setError(null);
    try {
      const { viewer } = await request(ViewerDocument, {}, undefined, pasted);
      if (!viewer) throw new ApiError("The service did not recognise the token.", "ERROR");
      keepDevelopmentToken(pasted);
      await onSignedIn();
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? `The service did not accept this token: ${failure.message}`
          : "The service could not be reached.",
      );
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="development-heading">
      <h2 id="development-heading">Development sign-in</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor="development-token">Development token</label>
        <p className="hint" id="development-token-hint">
          This service takes tokens signed with its own development key. In the project, run{" "}
          <code>{TOKEN_COMMAND}</code> (or <code>--role ADMIN</code>,{" "}
          <code>--role SCHOOL --urn …</code>) and paste what it prints.
        </p>
        <textarea
          id="development-token"
          aria-describedby="development-token-hint"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <p>
          <button type="submit" disabled={checking}>
            {checking ? "Checking…" : "Sign in with this token"}
          </button>
        </p>
      </form>
    </section>
  );
}

export function SignIn() {
  const { session, config, configError, refresh, signOut } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnParam = params.get("return");
  const returnTo = safeReturnPath(returnParam);

  if (session.status === "signed-in") {
    return (
      <main>
        <h1>Signed in</h1>
        <p>You are signed in as {whoIsSignedIn(session)}.</p>
        <p>
          {returnParam ? <Link to={returnTo}>Continue</Link> : <Link to="/">Find a school</Link>}{" "}
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </p>
      </main>
    );
  }

  return (
    <main>
      <h1>Sign in</h1>
      <p className="lede">
        Anyone may read the open data about schools. Signing in lets schools, system leaders,
        regional oversight and admins see and record what their role allows.
      </p>
      {session.status === "anonymous" && session.ended ? (
        <p className="notice">Your last sign-in has ended: {session.ended}</p>
      ) : null}
      {config === null ? (
        configError === null ? (
          <p className="hint">Asking the service how to sign in…</p>
        ) : (
          <p className="error" role="alert">
            The service could not say how to sign in ({configError}). Reload the page to try again.
          </p>
        )
      ) : (
        <>
          {config.oidc ? <ProviderSignIn name={config.oidc.name} returnTo={returnTo} /> : null}
          {config.developmentSignIn ? (
            <DevelopmentSignIn
              onSignedIn={async () => {
                await refresh();
                if (returnParam) navigate(returnTo, { replace: true });
              }}
            />
          ) : null}
          {!config.oidc && !config.developmentSignIn ? (
            <p className="notice">
              This service offers no sign-in from the browser: it has no identity provider
              configured (OIDC_ISSUER).
            </p>
          ) : null}
        </>
      )}
    </main>
  );
}
