/**
 * Regional oversight: where schools in need have least support within reach, by local authority
 * or district, in a region or all of England, with every figure explained in words. A row opens
 * the schools in need behind it. The table downloads as CSV.
 */
import { Fragment, lazy, Suspense, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  RegionsDocument,
  SupportGapsDocument,
  type AreaLevel,
  type GapKind,
  type SupplyMode,
  type SupportGapsQuery,
} from "../__generated__/graphql";
import { Choice } from "../controls";
import { DownloadCsv, toCsv } from "../csv";
import { RegionSelect } from "../RegionSelect";
import { Table } from "../Table";
import { useQuery } from "../useQuery";
import { OversightPanels } from "./oversight/OversightPanels";

// d3-geo and the shapes load only with the map.
const SupportMap = lazy(() => import("../map/SupportMap").then((m) => ({ default: m.SupportMap })));

type Gap = SupportGapsQuery["supportGaps"][number];

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function gapsCsv(gaps: readonly Gap[]): string {
  return toCsv(
    [
      "rank",
      "area code",
      "area",
      "level",
      "local authority",
      "gap index",
      "state-funded schools",
      "schools in need",
      "pupils in need",
      "unmet need",
      "support places in reach",
      "coverage",
      "partnership rate",
      "leaders in reach",
      "hubs in reach",
      "rural",
      "coastal",
    ],
    gaps.map((gap, index) => [
      index + 1,
      gap.area.code,
      gap.area.name,
      gap.area.level,
      gap.localAuthority?.name ?? null,
      gap.gapIndex.toFixed(1),
      gap.totalSchools,
      gap.needSchools,
      gap.needPupils,
      gap.unmetNeed.toFixed(2),
      gap.supply.toFixed(2),
      gap.coverage.toFixed(3),
      gap.partnershipRate.toFixed(3),
      gap.leadersWithinReach,
      gap.hubsWithinReach,
      gap.rural,
      gap.coastal,
    ]),
  );
}

export function Oversight() {
  const { region = "" } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const level = (params.get("level") ?? "LOCAL_AUTHORITY") as AreaLevel;
  const kind = (params.get("kind") ?? "ALL") as GapKind;
  const supply = (params.get("supply") ?? "REAL") as SupplyMode;
  const [open, setOpen] = useState<string | null>(null);
  const regions = useQuery(RegionsDocument, {});
  const gaps = useQuery(SupportGapsDocument, {
    regionCode: region || null,
    level,
    kind,
    supply,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const regionName =
    regions.status === "done"
      ? (regions.data.regions.find((r) => r.code === region)?.name ?? "England")
      : "";

  return (
    <main className="wide">
      <h1>Support gaps{regionName && `: ${regionName}`}</h1>
      <p className="hint">
        Ranked by gap index: need left without support per 100 schools. Choose an area to read what
        each figure means and see its schools in need. Where schools in need (bands 1 and 2) have
        least support within reach: system leaders&apos; free places, Teaching School Hubs and
        strong schools in their own trusts.
      </p>
      <div className="filters">
        <RegionSelect
          regions={regions.status === "done" ? regions.data.regions : []}
          value={region}
          emptyLabel="England"
          onChange={(code) => navigate(`/oversight${code ? `/${code}` : ""}?${params}`)}
        />
        <Choice
          legend="Areas"
          name="level"
          value={level}
          onChange={(v) => set("level", v)}
          options={[
            ["LOCAL_AUTHORITY", "Local authorities"],
            ["DISTRICT", "Districts"],
          ]}
        />
        <Choice
          legend="Which areas"
          name="kind"
          value={kind}
          onChange={(v) => set("kind", v)}
          options={[
            ["ALL", "All"],
            ["RURAL", "Rural"],
            ["COASTAL", "Coastal"],
          ]}
        />
        <Choice
          legend="Supply"
          name="supply"
          value={supply}
          onChange={(v) => set("supply", v)}
          options={[
            ["REAL", "Real designations"],
            ["MODELLED", "Modelled (adds synthetic leaders)"],
          ]}
        />
      </div>
      {supply === "MODELLED" && (
        <p className="notice">
          Modelled supply counts synthetic system leaders generated from DfE&apos;s criteria: a
          what-if, not today&apos;s support.
        </p>
      )}
      <Suspense fallback={<p aria-live="polite">Loading the map…</p>}>
        <SupportMap
          regionCode={region || null}
          regionName={regionName}
          kind={kind}
          supply={supply}
        />
      </Suspense>
      {gaps.status === "loading" && (
        <p aria-live="polite">
          Working out the gaps (a few seconds the first time after a restart)…
        </p>
      )}
      {gaps.status === "failed" && (
        <p className="error" role="alert">
          {gaps.error.message}
        </p>
      )}
      {gaps.status === "done" && (
        <>
          <DownloadCsv
            label="Download as CSV"
            filename={`support-gaps-${region || "england"}-${level.toLowerCase()}-${kind.toLowerCase()}-${supply.toLowerCase()}.csv`}
            csv={() => gapsCsv(gaps.data.supportGaps)}
          />
          <Table
            className="gaps"
            caption="Support gaps"
            columns={[
              "Rank",
              "Area",
              "Gap index",
              "Schools in need",
              "Unmet need",
              "Support places in reach",
              "Coverage",
              "Leaders, hubs in reach",
            ]}
          >
            {gaps.data.supportGaps.map((gap, index) => (
              <Fragment key={gap.area.code}>
                <tr>
                  <td className="number">{index + 1}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-expanded={open === gap.area.code}
                      onClick={() => setOpen(open === gap.area.code ? null : gap.area.code)}
                    >
                      {gap.area.name}
                    </button>
                    <span className="meta block">
                      {[
                        gap.area.level === "DISTRICT" ? gap.localAuthority?.name : null,
                        gap.rural ? "rural" : null,
                        gap.coastal ? "coastal" : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td className="number">{gap.gapIndex.toFixed(1)}</td>
                  <td className="number">
                    {gap.needSchools} of {gap.totalSchools}
                  </td>
                  <td className="number">{gap.unmetNeed.toFixed(1)}</td>
                  <td className="number">{gap.supply.toFixed(1)}</td>
                  <td className="number">{percent(gap.coverage)}</td>
                  <td className="number">
                    {gap.leadersWithinReach}, {gap.hubsWithinReach}
                  </td>
                </tr>
                {open === gap.area.code && (
                  <tr className="detail">
                    <td />
                    <td colSpan={7}>
                      <strong>What the figures say</strong>
                      <ul className="reasons">
                        {gap.explanations.map((line) => (
                          <li key={line.figure}>{line.text}</li>
                        ))}
                      </ul>
                      <strong>Schools in need, neediest and least covered first</strong>
                      <ul>
                        {gap.schools.map((school) => (
                          <li key={school.urn}>
                            <Link to={`/schools/${school.urn}`}>{school.name}</Link>{" "}
                            <span className="meta">
                              {[school.town, school.need && `band ${school.need.band}`]
                                .filter(Boolean)
                                .join(" · ")}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </Table>
        </>
      )}
      <OversightPanels
        region={region}
        regionName={regionName}
        level={level}
        kind={kind}
        supply={supply}
      />
    </main>
  );
}
