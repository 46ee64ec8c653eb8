/**
 * Recognition (`supportRecognition`): system leaders, and the schools they are based at, ranked
 * by points for supporting schools in need in disadvantaged areas, each contribution's points
 * explained in the service's words.
 */
import { Link } from "react-router-dom";
import { RecognitionDocument, type RecognitionQuery } from "../../__generated__/graphql";
import { DownloadCsv, toCsv } from "../../csv";
import { designationName } from "../../format";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, count, csvName, type PanelScope } from "./panel";

type Recognition = RecognitionQuery["supportRecognition"];

export function Recognition({ scope }: { scope: PanelScope }) {
  const state = useQuery(RecognitionDocument, { regionCode: scope.region || null });
  return (
    <>
      <p className="hint">
        System leaders ranked by points for supporting schools in need (bands 1 and 2) in
        disadvantaged areas{scope.region ? ` of ${scope.areaName}` : ""}, wherever the leader is
        based. The ranking, points and rule are public; which school was supported is shown only to
        those who may read the engagement (the school, the leader, oversight of the region, admins).
      </p>
      <Pending state={state} loading="Weighing recorded support engagements…" />
      {state.status === "done" && (
        <RecognitionFigures recognition={state.data.supportRecognition} scope={scope} />
      )}
    </>
  );
}

function RecognitionFigures({
  recognition,
  scope,
}: {
  recognition: Recognition;
  scope: PanelScope;
}) {
  return (
    <>
      <p>
        {count(recognition.engagementsConsidered)} support engagements with schools in{" "}
        {scope.areaName} were considered; {count(recognition.engagementsCounted)} earn points.
      </p>
      {recognition.note && <p>{recognition.note}</p>}
      {!recognition.note && recognition.leaders.length === 0 && (
        <p>No leader has earned points for support given in {scope.areaName} yet.</p>
      )}
      <details className="rule">
        <summary>How points are counted (rule version {recognition.rule.version})</summary>
        <p>{recognition.rule.description}</p>
      </details>
      {recognition.leaders.length > 0 && (
        <>
          <DownloadCsv
            label="Download as CSV"
            filename={csvName("recognised-leaders", scope)}
            csv={() =>
              toCsv(
                [
                  "rank",
                  "leader id",
                  "leader",
                  "designation",
                  "based at",
                  "points",
                  "engagements counted",
                  "engagements not counted",
                ],
                recognition.leaders.map((leader) => [
                  leader.rank,
                  leader.systemLeader?.id ?? null,
                  leader.systemLeader?.name ?? null,
                  leader.systemLeader?.designation ?? null,
                  leader.baseSchool?.name ?? null,
                  leader.points,
                  leader.engagementsCounted,
                  leader.engagementsNotCounted,
                ]),
              )
            }
          />
          <Table
            className="panel-table"
            caption="Recognised leaders, most points first"
            columns={[
              "Rank",
              "Leader",
              "Points",
              "Engagements counted, not counted",
              "How the points were reached",
            ]}
          >
            {recognition.leaders.map((leader) => (
              <tr key={leader.systemLeader?.id ?? leader.rank}>
                <td className="number">{leader.rank}</td>
                <td>
                  {leader.systemLeader ? (
                    <Link to={`/leaders/${leader.systemLeader.id}`}>
                      {leader.systemLeader.name}
                    </Link>
                  ) : (
                    "A leader no longer designated"
                  )}
                  <span className="meta block">
                    {[
                      leader.systemLeader && designationName(leader.systemLeader.designation),
                      leader.baseSchool && `based at ${leader.baseSchool.name}`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </td>
                <td className="number">{leader.points.toFixed(2)}</td>
                <td className="number">
                  {leader.engagementsCounted}, {leader.engagementsNotCounted}
                </td>
                <td>
                  <ul className="reasons">
                    {leader.contributions.map((contribution) => (
                      <li key={contribution.engagementId}>
                        {contribution.school && (
                          <>
                            <Link to={`/schools/${contribution.school.urn}`}>
                              {contribution.school.name}
                            </Link>
                            :{" "}
                          </>
                        )}
                        {contribution.reason}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
      {recognition.schools.length > 0 && (
        <>
          <DownloadCsv
            label="Download as CSV"
            filename={csvName("recognised-schools", scope)}
            csv={() =>
              toCsv(
                ["rank", "urn", "school", "points", "leaders"],
                recognition.schools.map((row) => [
                  row.rank,
                  row.school?.urn ?? null,
                  row.school?.name ?? null,
                  row.points,
                  row.leaders.map((leader) => leader.name).join("; "),
                ]),
              )
            }
          />
          <Table
            className="panel-table"
            caption="Recognised schools, by the points of the leaders based there"
            columns={["Rank", "School", "Points", "Leaders based there"]}
          >
            {recognition.schools.map((row) => (
              <tr key={row.school?.urn ?? row.rank}>
                <td className="number">{row.rank}</td>
                <td>
                  {row.school ? (
                    <Link to={`/schools/${row.school.urn}`}>{row.school.name}</Link>
                  ) : (
                    "A closed school"
                  )}
                </td>
                <td className="number">{row.points.toFixed(2)}</td>
                <td>{row.leaders.map((leader) => leader.name).join(", ")}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}
