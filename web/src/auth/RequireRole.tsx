/**
 * A view that needs sign-in: says who may use it (as the API's policy does, src/auth/policy.ts)
 * and offers the sign-in page until someone with one of `roles` is signed in.
 */
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import type { Role } from "../__generated__/graphql";
import { useSession, type Viewer } from "./SessionProvider";
import { ROLE_WORDS } from "./words";

export function RequireRole({
  roles,
  need,
  children,
}: {
  roles: readonly Role[];
  /** Who may do what, in words: "Sign in as oversight (for your region) or admin to …". */
  need: string;
  children: (viewer: Viewer) => ReactNode;
}) {
  const { session } = useSession();
  const location = useLocation();
  const signInLink = `/sign-in?return=${encodeURIComponent(location.pathname + location.search)}`;
  if (session.status === "checking") return <p className="hint">Checking who is signed in…</p>;
  if (session.status === "signed-in" && roles.includes(session.viewer.role)) {
    return children(session.viewer);
  }
  return (
    <div className="notice" role="status">
      {session.status === "anonymous" && session.ended ? (
        <p>Your sign-in has ended: {session.ended}</p>
      ) : null}
      {session.status === "unknown" ? <p>Could not check your sign-in: {session.error}</p> : null}
      {session.status === "signed-in" ? (
        <p>
          You are signed in as {ROLE_WORDS[session.viewer.role]}, which cannot do this. {need}
        </p>
      ) : (
        <p>{need}</p>
      )}
      <p>
        <Link to={signInLink}>
          {session.status === "signed-in" ? "Sign in as someone else" : "Sign in"}
        </Link>
      </p>
    </div>
  );
}

/** The words for an API refusal (UNAUTHENTICATED, FORBIDDEN) or any other error. */
export function refusalInWords(error: { code: string; message: string }): string {
  switch (error.code) {
    case "UNAUTHENTICATED":
      return `The service needs you to sign in: ${error.message}`;
    case "FORBIDDEN":
      return `The service refused: ${error.message}`;
    default:
      return error.message;
  }
}
