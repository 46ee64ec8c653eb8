/** A system leader: who and where, capacity and reach, and the schools it could support, ranked. */
import { lazy, Suspense, useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import {
  LeaderPageDocument,
  SchoolsToSupportDocument,
  type SchoolsToSupportQuery,
} from "../__generated__/graphql";
import { designationName, phaseName, specialismName } from "../format";
import { Table } from "../Table";
import { useQuery } from "../useQuery";
import { AssignmentPlan } from "./leader/AssignmentPlan";

const LeaderMap = lazy(() => import("../map/LeaderMap").then((m) => ({ default: m.LeaderMap })));

interface Base {
  name: string;
  latitude: number;
  longitude: number;
  reachKm: number;
}

/**
 * The schools a leader could support. A synthetic leader is counted only in the modelled supply
 * (the service refuses it in the real one), and the page says which supply it is.
 */
function SchoolsToSupport({
  id,
  synthetic,
  base,
}: {
  id: string;
  synthetic: boolean;
  base: Base | null;
}) {
  const state = useQuery(SchoolsToSupportDocument, {
    id,
    supply: synthetic ? "MODELLED" : "REAL",
  });
  if (state.status === "failed") return <p className="error">{state.error.message}</p>;
  if (state.status !== "done") return <p aria-busy="true">Ranking schools…</p>;
  const candidates = state.data.schoolsToSupport;
  const placed = candidates.flatMap((school, index) =>
    school.school?.location
      ? [
          {
            urn: school.urn,
            name: school.name ?? `URN ${school.urn}`,
            needBand: school.needBand,
            rank: index + 1,
            ...school.school.location,
          },
        ]
      : [],
  );
  return (
    <>
      {base && (
        <Suspense fallback={<p aria-live="polite">Loading the map…</p>}>
          <LeaderMap leader={base} schools={placed} />
        </Suspense>
      )}
      <Candidates candidates={candidates} synthetic={synthetic} />
    </>
  );
}

function Candidates({
  candidates,
  synthetic,
}: {
  candidates: SchoolsToSupportQuery["schoolsToSupport"];
  synthetic: boolean;
}) {
  if (candidates.length === 0) {
    return <p>No school within reach needs support that this leader is not already giving.</p>;
  }
  return (
    <Table
      caption={`Ranked by need, fit and reach, best first${synthetic ? " (modelled supply: synthetic leaders included)" : ""}`}
      columns={["School", "Need band", "Distance", "Why"]}
    >
      {candidates.map((school, index) => (
        <tr key={school.urn}>
          <td>
            {index + 1}.{" "}
            <Link to={`/schools/${school.urn}`}>{school.name ?? `URN ${school.urn}`}</Link>
          </td>
          <td>
            <span className={`band band-${school.needBand}`}>{school.needBand}</span>
          </td>
          <td className="number">{school.distanceKm.toFixed(1)} km</td>
          <td>
            <ul className="reasons">
              {school.reasons.map((reason) => (
                <li key={reason.factor}>{reason.detail}</li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function LeaderPage() {
  const { id = "" } = useParams();
  const state = useQuery(LeaderPageDocument, { id });
  const leader = state.status === "done" ? state.data.systemLeader : null;
  useEffect(() => {
    document.title = leader ? `${leader.name} · School partnerships` : "School partnerships";
  }, [leader]);

  if (state.status === "failed") {
    return (
      <main>
        <h1>
          {state.error.code === "NOT_FOUND" ? `No system leader ${id}` : "Something went wrong"}
        </h1>
        <p className={state.error.code === "NOT_FOUND" ? undefined : "error"}>
          {state.error.code === "NOT_FOUND" ? (
            <Link to="/leaders">Find a system leader</Link>
          ) : (
            state.error.message
          )}
        </p>
      </main>
    );
  }
  if (!leader || state.status !== "done") return <main aria-busy="true">Loading…</main>;
  return (
    <main>
      <h1>
        {leader.name}
        {leader.synthetic && <span className="synthetic">synthetic</span>}
      </h1>
      <p className="lede">
        {[
          designationName(leader.designation),
          leader.holder?.name === leader.name ? null : leader.holder?.name,
          phaseName(leader.phase),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <p className="meta">
        {leader.baseSchool && (
          <>
            Based at <Link to={`/schools/${leader.baseSchool.urn}`}>{leader.baseSchool.name}</Link>
            {" · "}
          </>
        )}
        {[leader.localAuthority?.name, leader.region?.name].filter(Boolean).join(" · ")} · source:{" "}
        {leader.source.title}
      </p>
      {leader.synthetic && leader.generator && (
        <p className="notice">
          A synthetic designation for planning, not a real person: made by {leader.generator.name}{" "}
          version {leader.generator.version} with seed {leader.generator.seed}.
        </p>
      )}
      <table>
        <caption>Capacity and reach</caption>
        <tbody>
          <tr>
            <th scope="row">Places free</th>
            <td>
              {leader.availableCapacity} of {leader.capacity} ({leader.openEngagements} open
              engagements)
            </td>
          </tr>
          <tr>
            <th scope="row">Reach</th>
            <td>{leader.reachKm.toFixed(0)} km, wider for rural and sparse schools</td>
          </tr>
          <tr>
            <th scope="row">Specialisms</th>
            <td>{leader.specialisms.map(specialismName).join(", ") || "None recorded"}</td>
          </tr>
        </tbody>
      </table>

      <section aria-labelledby="to-support">
        <h2 id="to-support">Schools it could support</h2>
        <SchoolsToSupport
          id={leader.id}
          synthetic={leader.synthetic}
          base={
            leader.location
              ? { name: leader.name, reachKm: leader.reachKm, ...leader.location }
              : null
          }
        />
      </section>
      <AssignmentPlan
        leaderId={leader.id}
        regionCode={leader.region?.code ?? null}
        synthetic={leader.synthetic}
      />
    </main>
  );
}
