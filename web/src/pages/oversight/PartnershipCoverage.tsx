/**
 * Partnership coverage by type (`Region.coverage`): how many of an area's state-funded schools
 * are in at least one partnership, and in which kinds. For England, which has no coverage field of
 * its own, each region's coverage, with the types added up over the nine regions (every school is
 * in one region, so the counts add).
 */
import {
  EnglandCoverageDocument,
  RegionCoverageDocument,
  type PartnershipType,
} from "../../__generated__/graphql";
import { DownloadCsv, toCsv } from "../../csv";
import { words } from "../../format";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, count, csvName, percent, type PanelScope } from "./panel";

interface TypeRow {
  type: PartnershipType;
  schools: number;
  share: number;
}

const LOADING = "Counting schools in partnerships…";

export function PartnershipCoverage({ scope }: { scope: PanelScope }) {
  return (
    <>
      <p className="hint">
        Of the state-funded schools (the schools partnerships are for), how many are in at least one
        partnership, and how many in each kind. A school in two kinds (a federation inside a
        multi-academy trust, say) counts in each, so the kinds can add up to more than the schools
        in a partnership.
      </p>
      {scope.region ? <RegionCoverage scope={scope} /> : <EnglandCoverage scope={scope} />}
    </>
  );
}

function Summary({
  name,
  schools,
  inPartnership,
  share,
}: {
  name: string;
  schools: number;
  inPartnership: number;
  share: number;
}) {
  return (
    <p>
      Of {name}&apos;s {count(schools)} state-funded schools, {count(inPartnership)} (
      {percent(share)}) are in at least one partnership.
    </p>
  );
}

function TypeTable({ rows, scope }: { rows: readonly TypeRow[]; scope: PanelScope }) {
  if (rows.length === 0) return <p>No school in {scope.areaName} is in a partnership.</p>;
  return (
    <>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("partnership-coverage-by-type", scope)}
        csv={() =>
          toCsv(
            ["type", "schools", "share of all schools"],
            rows.map((row) => [words(row.type), row.schools, row.share.toFixed(4)]),
          )
        }
      />
      <Table
        className="panel-table"
        caption="Partnership coverage by type, most common first"
        columns={["Kind of partnership", "Schools in one", "Share of all schools"]}
      >
        {rows.map((row) => (
          <tr key={row.type}>
            <td>{words(row.type)}</td>
            <td className="number">{count(row.schools)}</td>
            <td className="number">{percent(row.share)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

interface AreaRow {
  code: string;
  name: string;
  coverage: { schools: number; schoolsInPartnership: number; share: number };
}

function AreaTable({
  rows,
  scope,
  caption,
  what,
  file,
}: {
  rows: readonly AreaRow[];
  scope: PanelScope;
  caption: string;
  what: string;
  file: string;
}) {
  return (
    <>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName(file, scope)}
        csv={() =>
          toCsv(
            ["code", what, "state-funded schools", "in a partnership", "share"],
            rows.map((row) => [
              row.code,
              row.name,
              row.coverage.schools,
              row.coverage.schoolsInPartnership,
              row.coverage.share.toFixed(4),
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={caption}
        columns={[words(what) ?? what, "State-funded schools", "In a partnership", "Share"]}
      >
        {rows.map((row) => (
          <tr key={row.code}>
            <td>{row.name}</td>
            <td className="number">{count(row.coverage.schools)}</td>
            <td className="number">{count(row.coverage.schoolsInPartnership)}</td>
            <td className="number">{percent(row.coverage.share)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function RegionCoverage({ scope }: { scope: PanelScope }) {
  const state = useQuery(RegionCoverageDocument, { regionCode: scope.region });
  if (state.status !== "done") return <Pending state={state} loading={LOADING} />;
  const region = state.data.region;
  if (!region) return <p>The service knows no region {scope.region}.</p>;
  return (
    <>
      <Summary
        name={region.name}
        schools={region.coverage.schools}
        inPartnership={region.coverage.schoolsInPartnership}
        share={region.coverage.share}
      />
      <TypeTable rows={region.coverage.byType} scope={scope} />
      <AreaTable
        // An authority with no state-funded school (Cumbria since its 2023 split) has nothing to show.
        rows={region.localAuthorities
          .filter((la) => la.coverage.schools > 0)
          .map((la) => ({ ...la, code: String(la.code) }))}
        scope={scope}
        caption="Partnership coverage by local authority"
        what="local authority"
        file="partnership-coverage-by-local-authority"
      />
    </>
  );
}

function EnglandCoverage({ scope }: { scope: PanelScope }) {
  const state = useQuery(EnglandCoverageDocument, {});
  if (state.status !== "done") return <Pending state={state} loading={LOADING} />;
  const regions = state.data.regions;
  const schools = regions.reduce((sum, region) => sum + region.coverage.schools, 0);
  const inPartnership = regions.reduce(
    (sum, region) => sum + region.coverage.schoolsInPartnership,
    0,
  );
  const byType = new Map<PartnershipType, number>();
  for (const region of regions) {
    for (const row of region.coverage.byType) {
      byType.set(row.type, (byType.get(row.type) ?? 0) + row.schools);
    }
  }
  const types = [...byType]
    .map(([type, typeSchools]) => ({
      type,
      schools: typeSchools,
      share: schools ? typeSchools / schools : 0,
    }))
    .sort((a, b) => b.schools - a.schools || a.type.localeCompare(b.type));
  return (
    <>
      <Summary
        name="England"
        schools={schools}
        inPartnership={inPartnership}
        share={schools ? inPartnership / schools : 0}
      />
      <TypeTable rows={types} scope={scope} />
      <AreaTable
        rows={regions}
        scope={scope}
        caption="Partnership coverage by region"
        what="region"
        file="partnership-coverage-by-region"
      />
    </>
  );
}
