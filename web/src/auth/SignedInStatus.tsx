/** The masthead's "Signed in as …" with a Sign out button, or a link to sign in. */
import { Link, useLocation } from "react-router-dom";
import { useSession, type Session } from "./SessionProvider";
import { ROLE_WORDS } from "./words";

/** "dev-oversight (oversight, North East)". */
export function whoIsSignedIn(session: Extract<Session, { status: "signed-in" }>): string {
  const { viewer, regionNames } = session;
  const details = [
    ROLE_WORDS[viewer.role],
    ...(viewer.urn !== null ? [`school ${viewer.urn}`] : []),
    ...(viewer.systemLeaderId !== null ? [`leader ${viewer.systemLeaderId}`] : []),
    ...regionNames,
  ];
  return `${viewer.sub} (${details.join(", ")})`;
}

export function SignedInStatus() {
  const { session, signOut } = useSession();
  const location = useLocation();
  if (session.status === "checking") return null;
  if (session.status === "signed-in") {
    return (
      <p className="signed-in" aria-live="polite">
        <span>Signed in as {whoIsSignedIn(session)}</span>{" "}
        <button type="button" className="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
    );
  }
  if (location.pathname === "/sign-in" || location.pathname === "/callback") return null;
  const returnTo = encodeURIComponent(location.pathname + location.search);
  return (
    <p className="signed-in">
      <Link to={`/sign-in?return=${returnTo}`}>Sign in</Link>
    </p>
  );
}
