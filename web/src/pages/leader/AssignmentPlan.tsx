/**
 * The region's assignment plan on a leader's page (`supportAssignments`): the schools this leader
 * is given when the region's leaders are assigned to its schools in need by minimum-cost flow, and
 * the plan for the whole region with the need left over by area. A synthetic leader takes part
 * only in the modelled supply, so its page shows that plan.
 */
import { Link } from "react-router-dom";
import { AssignmentPlanDocument, type AssignmentPlanQuery } from "../../__generated__/graphql";
import { DownloadCsv, toCsv } from "../../csv";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";

type Plan = AssignmentPlanQuery["supportAssignments"];
type Assignment = Plan["assignments"][number];

function share(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : "0%";
}

export function AssignmentPlan({
  leaderId,
  regionCode,
  synthetic,
}: {
  leaderId: string;
  regionCode: string | null;
  synthetic: boolean;
}) {
  const supply = synthetic ? "MODELLED" : "REAL";
  const state = useQuery(AssignmentPlanDocument, regionCode ? { regionCode, supply } : null);
  return (
    <section aria-labelledby="assignment-plan">
      <h2 id="assignment-plan">The region&apos;s assignment plan</h2>
      <p className="hint">
        The region&apos;s system leaders with free places are assigned to its schools in need (bands
        1 and 2, without an open engagement) so that the most need is covered that any assignment
        within every leader&apos;s capacity can cover; then matching specialisms and shorter
        journeys are preferred. Each school gets at most one leader. Support within a trust is not
        assigned.
        {synthetic && " This leader is synthetic, so the plan counts the modelled supply."}
      </p>
      {regionCode === null && <p>This leader has no region, so no regional plan includes it.</p>}
      {state.status === "loading" && (
        <p aria-live="polite" aria-busy="true">
          Working out the region&apos;s plan (a few seconds the first time after a restart)…
        </p>
      )}
      {state.status === "failed" && (
        <p className="error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === "done" && (
        <PlanFigures plan={state.data.supportAssignments} leaderId={leaderId} />
      )}
    </section>
  );
}

function PlanFigures({ plan, leaderId }: { plan: Plan; leaderId: string }) {
  const mine = plan.assignments.filter((a) => a.systemLeader?.id === leaderId);
  const region = plan.region?.name ?? "the region";
  const file = `${plan.region?.code ?? "region"}-${plan.supplyMode.toLowerCase()}`;
  return (
    <>
      <h3>Schools assigned to this leader</h3>
      {mine.length === 0 ? (
        <p>
          The plan assigns this leader no school: it has no free place, or the schools it reaches
          are better served by other leaders.
        </p>
      ) : (
        <MyAssignments assignments={mine} file={`assigned-schools-${leaderId}-${file}`} />
      )}

      <h3>The plan for {region}</h3>
      <p>
        {plan.leaders} leaders with {plan.availableCapacity} free places between them are assigned
        to {plan.assignedSchools} of {region}&apos;s {plan.needSchools} schools in need, covering{" "}
        {plan.coveredWeight} of {plan.needWeight} need weight (
        {share(plan.coveredWeight, plan.needWeight)}; a band 1 school weighs 2, a band 2 school 1).{" "}
        {plan.unmet.length === 0
          ? "No need is left over."
          : `Need is left over in ${plan.unmet.length} areas.`}{" "}
        Counting {plan.supplyMode === "MODELLED" ? "modelled supply" : "real designations only"}.
      </p>
      <p className="meta">Method: {plan.method}</p>
      <DownloadCsv
        label="Download as CSV"
        filename={`assignment-plan-summary-${file}.csv`}
        csv={() =>
          toCsv(
            [
              "region",
              "supply",
              "leaders",
              "free places",
              "schools in need",
              "schools assigned",
              "need weight",
              "need weight covered",
            ],
            [
              [
                plan.region?.code ?? null,
                plan.supplyMode,
                plan.leaders,
                plan.availableCapacity,
                plan.needSchools,
                plan.assignedSchools,
                plan.needWeight,
                plan.coveredWeight,
              ],
            ],
          )
        }
      />
      <table>
        <caption>The region&apos;s plan: need covered</caption>
        <tbody>
          <tr>
            <th scope="row">Leaders with a free place</th>
            <td className="number">{plan.leaders}</td>
          </tr>
          <tr>
            <th scope="row">Free places</th>
            <td className="number">{plan.availableCapacity}</td>
          </tr>
          <tr>
            <th scope="row">Schools in need</th>
            <td className="number">{plan.needSchools}</td>
          </tr>
          <tr>
            <th scope="row">Schools assigned a leader</th>
            <td className="number">{plan.assignedSchools}</td>
          </tr>
          <tr>
            <th scope="row">Need weight covered</th>
            <td className="number">
              {plan.coveredWeight} of {plan.needWeight}
            </td>
          </tr>
        </tbody>
      </table>
      {plan.unmet.length > 0 && (
        <>
          <DownloadCsv
            label="Download as CSV"
            filename={`assignment-plan-left-over-${file}.csv`}
            csv={() =>
              toCsv(
                [
                  "area code",
                  "area",
                  "level",
                  "local authority",
                  "schools left",
                  "pupils",
                  "need weight",
                ],
                plan.unmet.map((row) => [
                  row.area.code,
                  row.area.name,
                  row.area.level,
                  row.localAuthority?.name ?? null,
                  row.needSchools,
                  row.needPupils,
                  row.needWeight,
                ]),
              )
            }
          />
          <Table
            caption="Need left over by area, most first"
            columns={["Area", "Schools in need left", "Their pupils", "Need weight"]}
          >
            {plan.unmet.map((row) => (
              <tr key={row.area.code}>
                <td>
                  {row.area.name}
                  {row.area.level === "DISTRICT" && row.localAuthority && (
                    <span className="meta block">{row.localAuthority.name}</span>
                  )}
                </td>
                <td className="number">{row.needSchools}</td>
                <td className="number">{row.needPupils.toLocaleString("en-GB")}</td>
                <td className="number">{row.needWeight}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

function MyAssignments({ assignments, file }: { assignments: Assignment[]; file: string }) {
  return (
    <>
      <DownloadCsv
        label="Download as CSV"
        filename={`${file}.csv`}
        csv={() =>
          toCsv(
            ["urn", "school", "town", "need band", "distance km", "fits weakest area"],
            assignments.map((a) => [
              a.school?.urn ?? null,
              a.school?.name ?? null,
              a.school?.town ?? null,
              a.needBand,
              a.distanceKm.toFixed(1),
              a.fitsWeakestArea,
            ]),
          )
        }
      />
      <Table
        caption="Schools this leader is assigned, neediest first"
        columns={["School", "Need band", "Distance", "Specialism fits its weakest area"]}
      >
        {assignments.map((a, index) => (
          <tr key={a.school?.urn ?? index}>
            <td>
              {a.school ? (
                <Link to={`/schools/${a.school.urn}`}>{a.school.name}</Link>
              ) : (
                "A closed school"
              )}
              <span className="meta block">{a.school?.town}</span>
            </td>
            <td>
              <span className={`band band-${a.needBand}`}>{a.needBand}</span>
            </td>
            <td className="number">{a.distanceKm.toFixed(1)} km</td>
            <td>{a.fitsWeakestArea ? "Yes" : "No"}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
