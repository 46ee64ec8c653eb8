/**
 * Convertor academies supporting others (`convertorAcademiesSupport`): academies that converted
 * (rather than being sponsored), whether a system leader is based at each, and whether one of
 * those leaders supports another school now.
 */
import { Link } from "react-router-dom";
import {
  ConvertorAcademiesDocument,
  type ConvertorAcademiesQuery,
} from "../../__generated__/graphql";
import { DownloadCsv, toCsv } from "../../csv";
import { designationName, judgement } from "../../format";
import { Table } from "../../Table";
import {
  Pending,
  ShowMore,
  count,
  csvName,
  percent,
  supplyWords,
  useLongList,
  type PanelScope,
} from "./panel";

type Support = ConvertorAcademiesQuery["convertorAcademiesSupport"];
type Academy = Support["academies"][number];

function academiesCsv(academies: readonly Academy[]): string {
  return toCsv(
    [
      "urn",
      "academy",
      "local authority",
      "ofsted grade",
      "system leaders based there",
      "supporting another school",
      "open engagements",
      "past engagements",
    ],
    academies.map((academy) => [
      academy.school?.urn ?? null,
      academy.school?.name ?? null,
      academy.school?.localAuthority?.name ?? null,
      judgement(academy.school?.ofsted?.grade),
      academy.systemLeaders.map((leader) => `${leader.name} (${leader.designation})`).join("; "),
      academy.supporting,
      academy.openEngagements,
      academy.pastEngagements,
    ]),
  );
}

export function ConvertorAcademies({ scope }: { scope: PanelScope }) {
  const { state, hasMore, showMore } = useLongList(ConvertorAcademiesDocument, scope);
  return (
    <>
      <p className="hint">
        Academies that chose to convert, usually strong schools, are expected to help others. This
        counts, for {scope.areaName}, those where a system leader is based (counting{" "}
        {supplyWords(scope.supply)}) and those where such a leader supports another school now (an
        open support engagement elsewhere).
      </p>
      <Pending state={state} loading="Counting convertor academies and their system leaders…" />
      {state.status === "done" && (
        <ConvertorFigures
          support={state.data.convertorAcademiesSupport}
          scope={scope}
          more={
            hasMore(state.data.convertorAcademiesSupport.academies.length) &&
            state.data.convertorAcademiesSupport.convertors >
              state.data.convertorAcademiesSupport.academies.length
          }
          onMore={showMore}
        />
      )}
    </>
  );
}

function ConvertorFigures({
  support,
  scope,
  more,
  onMore,
}: {
  support: Support;
  scope: PanelScope;
  more: boolean;
  onMore: () => void;
}) {
  if (support.convertors === 0) return <p>{scope.areaName} has no convertor academy.</p>;
  return (
    <>
      <p>
        {scope.areaName} has {count(support.convertors)} convertor academies. A system leader is
        based at {count(support.withSystemLeader)} of them; at {count(support.supporting)} (
        {percent(support.supportingShare)}) one supports another school now.
      </p>
      <p>
        The first {support.academies.length} of {count(support.convertors)}: supporting academies
        first, then by Ofsted grade, best placed to help first.
      </p>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("convertor-academies", scope, support.supplyMode)}
        csv={() => academiesCsv(support.academies)}
      />
      <Table
        className="panel-table"
        caption="Convertor academies, supporting ones first"
        columns={[
          "Academy",
          "Ofsted",
          "System leaders based there",
          "Supporting another school",
          "Engagements open, past",
        ]}
      >
        {support.academies.map((academy, index) => (
          <tr key={academy.school?.urn ?? index}>
            <td>
              {academy.school ? (
                <Link to={`/schools/${academy.school.urn}`}>{academy.school.name}</Link>
              ) : (
                "A closed school"
              )}
              <span className="meta block">{academy.school?.localAuthority?.name}</span>
            </td>
            <td>{judgement(academy.school?.ofsted?.grade) ?? "Not graded"}</td>
            <td>
              {academy.systemLeaders.length === 0
                ? "None"
                : academy.systemLeaders.map((leader, position) => (
                    <span key={leader.id}>
                      {position > 0 && "; "}
                      <Link to={`/leaders/${leader.id}`}>{leader.name}</Link> (
                      {designationName(leader.designation)}
                      {leader.synthetic ? ", synthetic" : ""})
                    </span>
                  ))}
            </td>
            <td>{academy.supporting ? "Yes" : "No"}</td>
            <td className="number">
              {academy.openEngagements}, {academy.pastEngagements}
            </td>
          </tr>
        ))}
      </Table>
      {more && <ShowMore onClick={onMore} />}
    </>
  );
}
