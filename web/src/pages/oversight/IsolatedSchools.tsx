/**
 * Isolated schools (`isolatedSchools`): state-funded schools in no partnership and with no person
 * designation serving their phase within reach, neediest first, each with why it is isolated.
 */
import { Link } from "react-router-dom";
import {
  IsolatedSchoolsDocument,
  type IsolatedSchoolsQuery,
  type SupplyMode,
} from "../../__generated__/graphql";
import { DownloadCsv, toCsv } from "../../csv";
import { designationName, phaseName } from "../../format";
import { Table } from "../../Table";
import { Pending, ShowMore, csvName, supplyWords, useLongList, type PanelScope } from "./panel";

type Isolated = IsolatedSchoolsQuery["isolatedSchools"][number];

/** Why a school counts as isolated, in words, from what the service answered. */
export function whyIsolated(row: Isolated, supply: SupplyMode): string {
  const counted = supply === "MODELLED" ? "real or synthetic" : "real";
  if (row.nearestLeaderKm === null || row.nearestLeaderKm === undefined) {
    return `In no partnership, and no ${counted} national, local or specialist leader of education or national leader of governance serving its phase is on record, at any distance.`;
  }
  const leader = row.nearestLeader
    ? `${row.nearestLeader.name} (${designationName(row.nearestLeader.designation)})`
    : "a leader no longer on record";
  return `In no partnership, and the nearest ${counted} leader serving its phase, ${leader}, is ${row.nearestLeaderKm.toFixed(1)} km away: beyond its reach.`;
}

function isolatedCsv(rows: readonly Isolated[], supply: SupplyMode): string {
  return toCsv(
    [
      "rank",
      "urn",
      "school",
      "town",
      "local authority",
      "phase",
      "need band",
      "nearest leader id",
      "nearest leader",
      "nearest leader km",
      "supply",
      "why isolated",
    ],
    rows.map((row, index) => [
      index + 1,
      row.school?.urn ?? null,
      row.school?.name ?? null,
      row.school?.town ?? null,
      row.school?.localAuthority?.name ?? null,
      phaseName(row.school?.phase),
      row.needBand ?? null,
      row.nearestLeader?.id ?? null,
      row.nearestLeader?.name ?? null,
      row.nearestLeaderKm === null || row.nearestLeaderKm === undefined
        ? null
        : row.nearestLeaderKm.toFixed(1),
      row.supplyMode,
      whyIsolated(row, supply),
    ]),
  );
}

export function IsolatedSchools({ scope }: { scope: PanelScope }) {
  const { state, hasMore, showMore } = useLongList(IsolatedSchoolsDocument, scope);
  return (
    <>
      <p className="hint">
        State-funded schools in {scope.areaName} in no partnership, with no national, local or
        specialist leader of education or national leader of governance serving their phase within
        reach, counting {supplyWords(scope.supply)}. Neediest first, then the furthest from such a
        leader. Teaching School Hubs are not counted: every local authority has one.
      </p>
      <Pending
        state={state}
        loading="Finding isolated schools (a few seconds the first time after a restart, while every school and leader is read)…"
      />
      {state.status === "done" && (
        <IsolatedTable
          rows={state.data.isolatedSchools}
          scope={scope}
          more={hasMore(state.data.isolatedSchools.length)}
          onMore={showMore}
        />
      )}
    </>
  );
}

function IsolatedTable({
  rows,
  scope,
  more,
  onMore,
}: {
  rows: readonly Isolated[];
  scope: PanelScope;
  more: boolean;
  onMore: () => void;
}) {
  if (rows.length === 0) {
    return <p>No school in {scope.areaName} is isolated under this supply.</p>;
  }
  return (
    <>
      <p>
        The {rows.length} neediest isolated schools
        {more ? ": the first page, and there may be more" : ""}.
      </p>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("isolated-schools", scope, scope.supply)}
        csv={() => isolatedCsv(rows, scope.supply)}
      />
      <Table
        className="panel-table"
        caption="Isolated schools, neediest first"
        columns={["School", "Need band", "Nearest leader", "Why isolated"]}
      >
        {rows.map((row, index) => (
          <tr key={row.school?.urn ?? index}>
            <td>
              {row.school ? (
                <Link to={`/schools/${row.school.urn}`}>{row.school.name}</Link>
              ) : (
                "A closed school"
              )}
              <span className="meta block">
                {[row.school?.town, row.school?.localAuthority?.name, phaseName(row.school?.phase)]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </td>
            <td>
              {row.needBand ? (
                <span className={`band band-${row.needBand}`}>{row.needBand}</span>
              ) : (
                "Not banded"
              )}
            </td>
            <td className="number">
              {row.nearestLeaderKm === null || row.nearestLeaderKm === undefined
                ? "None"
                : `${row.nearestLeaderKm.toFixed(1)} km`}
            </td>
            <td>{whyIsolated(row, scope.supply)}</td>
          </tr>
        ))}
      </Table>
      {more && <ShowMore onClick={onMore} />}
    </>
  );
}
