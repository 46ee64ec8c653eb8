/**
 * Adviser coverage (`adviserCoverage`): how many open state-funded schools of a local authority
 * (or of England) have a school improvement adviser, by need band and weighted by need, with the
 * unadvised schools neediest first. The service counts by local authority, so in a region the
 * panel asks for one of its authorities at a time.
 */
import { useState } from "react";
import { Link } from "react-router-dom";
import {
  AdviserCoverageDocument,
  LocalAuthoritiesOfRegionDocument,
  type AdviserCoverageQuery,
} from "../../__generated__/graphql";
import type { ApiError } from "../../api";
import { Select } from "../../controls";
import { DownloadCsv, toCsv } from "../../csv";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, count, csvName, percent, type PanelScope } from "./panel";

type Coverage = AdviserCoverageQuery["adviserCoverage"];

/** A refusal in words: who may see adviser coverage, rather than the service's code. */
function refusal(error: ApiError): string | null {
  if (error.code === "UNAUTHENTICATED") {
    return "Sign in as oversight of this region or as an admin to see adviser coverage.";
  }
  if (error.code === "FORBIDDEN") {
    return "Your sign-in does not let you see adviser coverage here: sign in as oversight of this region or as an admin.";
  }
  return null;
}

export function AdviserCoverage({ scope }: { scope: PanelScope }) {
  const authorities = useQuery(
    LocalAuthoritiesOfRegionDocument,
    scope.region ? { regionCode: scope.region } : null,
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const options = authorities.status === "done" ? authorities.data.localAuthorities : [];
  const code = scope.region ? (chosen ?? options[0]?.code ?? null) : null;
  const areaName = scope.region ? (options.find((la) => la.code === code)?.name ?? "") : "England";
  return (
    <>
      <p className="hint">
        How many open state-funded schools have a school improvement adviser (a council officer, an
        external school improvement partner or a trust&apos;s improvement lead). Weighted by need, a
        school in band 1 counts 4, band 2 counts 3, band 3 counts 2 and band 4 or unbanded 1, so an
        authority advising its neediest schools first scores higher than one advising as many chosen
        at random. The service counts by local authority or for all of England.
      </p>
      {scope.region && (
        <>
          <Pending state={authorities} loading="Listing the region's local authorities…" />
          {options.length > 0 && (
            <div className="filters">
              <Select
                id="adviser-la"
                label="Local authority"
                value={String(code ?? "")}
                options={options.map((la) => [String(la.code), la.name] as const)}
                onChange={(value) => setChosen(Number(value))}
              />
            </div>
          )}
        </>
      )}
      {(code !== null || !scope.region) && (
        <CoverageFor code={code} areaName={areaName} scope={scope} />
      )}
    </>
  );
}

function CoverageFor({
  code,
  areaName,
  scope,
}: {
  code: number | null;
  areaName: string;
  scope: PanelScope;
}) {
  const state = useQuery(AdviserCoverageDocument, { localAuthorityCode: code });
  if (state.status === "failed") {
    const words = refusal(state.error);
    if (words) return <p className="notice">{words}</p>;
  }
  if (state.status !== "done") {
    return <Pending state={state} loading={`Counting advised schools in ${areaName}…`} />;
  }
  return (
    <CoverageFigures
      coverage={state.data.adviserCoverage}
      areaName={areaName}
      scope={scope}
      file={code === null ? "england" : String(code)}
    />
  );
}

function CoverageFigures({
  coverage,
  areaName,
  scope,
  file,
}: {
  coverage: Coverage;
  areaName: string;
  scope: PanelScope;
  file: string;
}) {
  const unadvised = coverage.unadvisedSchools;
  return (
    <>
      <p>
        In {areaName}, {count(coverage.advised)} of {count(coverage.schools)} open state-funded
        schools ({percent(coverage.coverage)}) have an adviser. Weighted by need,{" "}
        {percent(coverage.weightedCoverage)}: {count(coverage.advisedWeight)} of{" "}
        {count(coverage.totalWeight)} need weight is advised.
        {coverage.advised === 0 &&
          " No open data names advisers, so none count until they are recorded through the service (registerAdviser, assignAdviser)."}
      </p>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("adviser-coverage", scope, file)}
        csv={() =>
          toCsv(
            ["need band", "weight", "schools", "advised", "unadvised"],
            coverage.byNeedBand.map((row) => [
              row.band ?? "not banded",
              row.weight,
              row.schools,
              row.advised,
              row.unadvised,
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={`Adviser coverage by need band in ${areaName}`}
        columns={["Need band", "Weight", "Schools", "Advised", "Unadvised"]}
      >
        {coverage.byNeedBand.map((row) => (
          <tr key={row.band ?? "none"}>
            <td>{row.band ? `Band ${row.band}` : "Not banded"}</td>
            <td className="number">{row.weight}</td>
            <td className="number">{count(row.schools)}</td>
            <td className="number">{count(row.advised)}</td>
            <td className="number">{count(row.unadvised)}</td>
          </tr>
        ))}
      </Table>
      {unadvised.edges.length > 0 && (
        <>
          <p>
            The neediest {unadvised.edges.length} of the {count(unadvised.totalCount)} schools
            without an adviser.
          </p>
          <DownloadCsv
            label="Download as CSV"
            filename={csvName("unadvised-schools", scope, file)}
            csv={() =>
              toCsv(
                ["urn", "school", "town", "need band", "weight"],
                unadvised.edges.map((edge) => [
                  edge.node.urn,
                  edge.node.name,
                  edge.node.town ?? null,
                  edge.needBand ?? "not banded",
                  edge.weight,
                ]),
              )
            }
          />
          <Table
            className="panel-table"
            caption={`Schools without an adviser in ${areaName}, neediest first`}
            columns={["School", "Need band", "Weight"]}
          >
            {unadvised.edges.map((edge) => (
              <tr key={edge.node.urn}>
                <td>
                  <Link to={`/schools/${edge.node.urn}`}>{edge.node.name}</Link>
                  <span className="meta block">{edge.node.town}</span>
                </td>
                <td>{edge.needBand ? `Band ${edge.needBand}` : "Not banded"}</td>
                <td className="number">{edge.weight}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}
