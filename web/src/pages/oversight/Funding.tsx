/**
 * Funding (`fundingReport`, `grants`): where the money of school improvement grants awarded in a
 * date range lands, by local authority, need band and fund, and the grants recorded.
 */
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  FundingDocument,
  GrantsDocument,
  type FundingQuery,
  type GrantsQuery,
} from "../../__generated__/graphql";
import { DateInput } from "../../controls";
import { DownloadCsv, toCsv } from "../../csv";
import { date, words } from "../../format";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, count, csvName, percent, pounds, type PanelScope } from "./panel";

type Report = FundingQuery["fundingReport"];
type Grant = GrantsQuery["grants"]["edges"][number]["node"];

/** "awarded between 1 April 2025 and 31 March 2026", or as much of that as was chosen. */
export function dateRangeWords(from: string | null, to: string | null): string {
  if (from && to) return `awarded between ${date(from)} and ${date(to)}`;
  if (from) return `awarded on or after ${date(from)}`;
  if (to) return `awarded on or before ${date(to)}`;
  return "awarded at any date";
}

function perPupil(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? "No pupils" : pounds(pence);
}

export function Funding({ scope }: { scope: PanelScope }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const state = useQuery(FundingDocument, {
    regionCode: scope.region || null,
    from: from || null,
    to: to || null,
  });
  return (
    <>
      <p className="hint">
        Where the money of school improvement grants lands. A grant to a school lands on it; one to
        a partnership is shared among its member schools when awarded, in proportion to pupils, and
        stays where it landed if schools later join or leave. No open data lists grants, so only
        grants recorded through the service count.
      </p>
      <div className="filters">
        <DateInput id="funding-from" label="Awarded from" value={from} onChange={setFrom} />
        <DateInput id="funding-to" label="Awarded to" value={to} onChange={setTo} />
      </div>
      <Pending state={state} loading="Adding up where the money landed…" />
      {state.status === "done" && (
        <FundingFigures report={state.data.fundingReport} scope={scope} />
      )}
      <h3>Grants recorded</h3>
      <Grants scope={scope} />
    </>
  );
}

function FundingFigures({ report, scope }: { report: Report; scope: PanelScope }) {
  const range = dateRangeWords(report.from ?? null, report.to ?? null);
  const file = (what: string) =>
    csvName(what, scope, ...[report.from, report.to].filter((d): d is string => Boolean(d)));
  // Tables of zeros say nothing a sentence cannot.
  if (report.grants === 0) {
    return (
      <p>
        No grant {range} has money landing in {scope.areaName}: grants appear here once recorded
        through the service (recordGrant).
      </p>
    );
  }
  return (
    <>
      <p>
        {count(report.grants)} grants {range} put {pounds(report.totalPence)} into {scope.areaName}{" "}
        ({pounds(report.awardedPence)} awarded, {pounds(report.matchedPence)} matched by others),
        landing on {count(report.schoolsFunded)} of its {count(report.schools)} open schools:{" "}
        {perPupil(report.perPupilPence)} per pupil across its {count(report.pupils)} pupils.{" "}
        {pounds(report.rural.pence)} ({percent(report.rural.share)}) landed on rural schools and{" "}
        {pounds(report.coastal.pence)} ({percent(report.coastal.share)}) on coastal ones.
        {report.unallocatedPence > 0 &&
          ` ${pounds(report.unallocatedPence)} was stored without shares on schools, so it landed nowhere.`}
      </p>
      <DownloadCsv
        label="Download as CSV"
        filename={file("funding-by-local-authority")}
        csv={() =>
          toCsv(
            [
              "la code",
              "local authority",
              "total pence",
              "awarded pence",
              "matched pence",
              "pupils",
              "pence per pupil",
              "schools funded",
            ],
            report.byArea.map((row) => [
              row.localAuthorityCode,
              row.name ?? null,
              row.pence,
              row.awardedPence,
              row.matchedPence,
              row.pupils,
              row.perPupilPence === null || row.perPupilPence === undefined
                ? null
                : row.perPupilPence.toFixed(2),
              row.schoolsFunded,
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={`Funding by local authority, most money first (${range})`}
        columns={[
          "Local authority",
          "Money landing",
          "Of which matched",
          "Per pupil",
          "Schools funded",
        ]}
      >
        {report.byArea.map((row) => (
          <tr key={row.localAuthorityCode}>
            <td>{row.name ?? `LA ${row.localAuthorityCode}`}</td>
            <td className="number">{pounds(row.pence)}</td>
            <td className="number">{pounds(row.matchedPence)}</td>
            <td className="number">{perPupil(row.perPupilPence)}</td>
            <td className="number">{count(row.schoolsFunded)}</td>
          </tr>
        ))}
      </Table>
      <DownloadCsv
        label="Download as CSV"
        filename={file("funding-by-need-band")}
        csv={() =>
          toCsv(
            ["need band", "total pence", "pupils", "pence per pupil", "schools", "schools funded"],
            report.byNeedBand.map((row) => [
              row.band ?? "not banded",
              row.pence,
              row.pupils,
              row.perPupilPence === null || row.perPupilPence === undefined
                ? null
                : row.perPupilPence.toFixed(2),
              row.schools,
              row.schoolsFunded,
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={`Funding by need band (${range})`}
        columns={["Need band", "Money landing", "Per pupil", "Schools funded"]}
      >
        {report.byNeedBand.map((row) => (
          <tr key={row.band ?? "none"}>
            <td>{row.band ? `Band ${row.band}` : "Not banded"}</td>
            <td className="number">{pounds(row.pence)}</td>
            <td className="number">{perPupil(row.perPupilPence)}</td>
            <td className="number">
              {count(row.schoolsFunded)} of {count(row.schools)}
            </td>
          </tr>
        ))}
      </Table>
      {report.byFund.length > 0 && (
        <>
          <DownloadCsv
            label="Download as CSV"
            filename={file("funding-by-fund")}
            csv={() =>
              toCsv(
                ["fund", "grants", "total pence", "awarded pence", "matched pence"],
                report.byFund.map((row) => [
                  words(row.fund),
                  row.grants,
                  row.pence,
                  row.awardedPence,
                  row.matchedPence,
                ]),
              )
            }
          />
          <Table
            className="panel-table"
            caption={`Funding by fund (${range})`}
            columns={["Fund", "Grants", "Money landing", "Of which matched"]}
          >
            {report.byFund.map((row) => (
              <tr key={row.fund}>
                <td>{words(row.fund)}</td>
                <td className="number">{count(row.grants)}</td>
                <td className="number">{pounds(row.pence)}</td>
                <td className="number">{pounds(row.matchedPence)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

/** The grants with a share landing in the area, newest award first, a page at a time. */
function Grants({ scope }: { scope: PanelScope }) {
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1] ?? null;
  const state = useQuery(GrantsDocument, { regionCode: scope.region || null, after });
  return (
    <>
      <p className="hint">
        Every grant with money landing in {scope.areaName}, whatever its dates, newest award first,
        twenty at a time.
      </p>
      <Pending state={state} loading="Listing grants…" />
      {state.status === "done" &&
        (state.data.grants.edges.length === 0 ? (
          <p>No grant with money landing in {scope.areaName} has been recorded.</p>
        ) : (
          <GrantTable
            grants={state.data.grants.edges.map((edge) => edge.node)}
            scope={scope}
            page={pages.length}
            onNext={
              state.data.grants.pageInfo.hasNextPage && state.data.grants.pageInfo.endCursor
                ? () => setPages([...pages, state.data.grants.pageInfo.endCursor ?? null])
                : null
            }
            onPrevious={pages.length > 1 ? () => setPages(pages.slice(0, -1)) : null}
          />
        ))}
    </>
  );
}

function GrantTable({
  grants,
  scope,
  page,
  onNext,
  onPrevious,
}: {
  grants: readonly Grant[];
  scope: PanelScope;
  page: number;
  onNext: (() => void) | null;
  onPrevious: (() => void) | null;
}) {
  return (
    <>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("grants", scope, `page-${page}`)}
        csv={() =>
          toCsv(
            [
              "id",
              "fund",
              "funder",
              "amount pence",
              "matched pence",
              "matched by",
              "awarded on",
              "starts on",
              "ends on",
              "recipient urn",
              "recipient partnership",
              "purpose",
            ],
            grants.map((grant) => [
              grant.id,
              grant.fundName,
              grant.funder,
              grant.amountPence,
              grant.matchedPence,
              grant.matchedBy ?? null,
              grant.awardedOn,
              grant.startsOn,
              grant.endsOn,
              grant.recipientUrn ?? null,
              grant.recipientPartnership?.name ?? null,
              grant.purpose,
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={`Grants, newest award first (page ${page})`}
        columns={["Awarded", "Fund", "To", "Amount", "Matched", "Purpose"]}
      >
        {grants.map((grant) => (
          <tr key={grant.id}>
            <td>{date(grant.awardedOn)}</td>
            <td>
              {grant.fundName}
              <span className="meta block">{grant.funder}</span>
            </td>
            <td>
              {grant.recipientSchool ? (
                <Link to={`/schools/${grant.recipientSchool.urn}`}>
                  {grant.recipientSchool.name}
                </Link>
              ) : (
                (grant.recipientPartnership?.name ??
                `URN ${grant.recipientUrn ?? "unknown"} (closed)`)
              )}
            </td>
            <td className="number">{pounds(grant.amountPence)}</td>
            <td className="number">
              {pounds(grant.matchedPence)}
              {grant.matchedBy && <span className="meta block">{grant.matchedBy}</span>}
            </td>
            <td>
              {grant.purpose}
              <span className="meta block">
                {date(grant.startsOn)} to {date(grant.endsOn)}
              </span>
            </td>
          </tr>
        ))}
      </Table>
      <div className="pager">
        {onPrevious && (
          <button type="button" className="secondary" onClick={onPrevious}>
            Previous grants
          </button>
        )}
        {onNext && (
          <button type="button" className="secondary" onClick={onNext}>
            More grants
          </button>
        )}
      </div>
    </>
  );
}
