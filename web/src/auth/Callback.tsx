/** /callback: where the identity provider sends the browser back after sign-in. */
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { completeSignInWithProvider } from "./session";
import { useSession } from "./SessionProvider";

export function Callback() {
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    completeSignInWithProvider().then(
      async (returnTo) => {
        await refresh();
        navigate(returnTo, { replace: true });
      },
      (failure: unknown) => {
        const { error_description: description, message } = failure as {
          error_description?: string | null;
          message?: string;
        };
        setError(description ?? message ?? "The sign-in could not be completed.");
      },
    );
  }, [navigate, refresh]);

  return (
    <main>
      <h1>Signing in</h1>
      {error === null ? (
        <p className="hint">Finishing the sign-in…</p>
      ) : (
        <>
          <p className="error" role="alert">
            The sign-in did not complete: {error}
          </p>
          <p>
            <Link to="/sign-in">Try again</Link>
          </p>
        </>
      )}
    </main>
  );
}
