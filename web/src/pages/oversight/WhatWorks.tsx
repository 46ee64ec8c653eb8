/**
 * What works (`impactByPartnershipType`): for each partnership type with members in the area, its
 * members' outcomes against comparison schools in no partnership of that type, year by year and
 * before and after joining, with the caveats the service gives.
 */
import { useState } from "react";
import {
  WhatWorksDocument,
  type ComparisonBasis,
  type WhatWorksQuery,
} from "../../__generated__/graphql";
import { Choice } from "../../controls";
import { DownloadCsv, toCsv } from "../../csv";
import { featureName, words } from "../../format";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, count, csvName, type PanelScope } from "./panel";

type TypeImpact = WhatWorksQuery["impactByPartnershipType"][number];

const MEASURES: Record<string, string> = {
  KS2_RWM_EXPECTED: featureName("KS2_RWM_EXPECTED"),
  KS4_PROGRESS_8: "KS4 Progress 8",
};

function measureName(measure: string): string {
  return MEASURES[measure] ?? words(measure) ?? measure;
}

function fixed(value: number | null | undefined, digits: number): string | null {
  return value === null || value === undefined ? null : value.toFixed(digits);
}

function impactCsv(types: readonly TypeImpact[]): string {
  return toCsv(
    [
      "type",
      "comparison",
      "partnerships",
      "members",
      "members compared",
      "measure",
      "verdict",
      "year by year",
      "before/after verdict",
      "before/after schools",
      "before/after mean gap",
      "ci low",
      "ci high",
      "effect size",
      "before/after",
    ],
    types.flatMap((type) =>
      type.measures.map((measure) => [
        words(type.type),
        type.comparison,
        type.partnerships,
        type.members,
        type.membersWithComparisonSchools,
        measureName(measure.measure),
        measure.verdict,
        measure.explanation,
        measure.beforeAfter.verdict,
        measure.beforeAfter.n,
        fixed(measure.beforeAfter.mean, 2),
        fixed(measure.beforeAfter.confidenceLow, 2),
        fixed(measure.beforeAfter.confidenceHigh, 2),
        fixed(measure.beforeAfter.effectSize, 3),
        measure.beforeAfter.explanation,
      ]),
    ),
  );
}

export function WhatWorks({ scope }: { scope: PanelScope }) {
  const [comparison, setComparison] = useState<ComparisonBasis>("FAMILY");
  const state = useQuery(WhatWorksDocument, { regionCode: scope.region || null, comparison });
  return (
    <>
      <p className="hint">
        Do partnerships&apos; schools do better than similar schools? For each kind of partnership
        with members in {scope.areaName}, its members&apos; results against comparison schools in no
        partnership of that kind, year by year and before and after joining. An association, not
        proof of cause: read the caveats below the table.
      </p>
      <Choice
        legend="Compare members with"
        name="comparison"
        value={comparison}
        onChange={setComparison}
        options={[
          ["FAMILY", "Their families of similar schools"],
          ["CONTEXT_NEIGHBOURS", "Their 20 nearest schools on context alone"],
        ]}
      />
      <Pending
        state={state}
        loading="Comparing members with similar schools (a few seconds the first time, while every school's results and families are read)…"
      />
      {state.status === "done" && (
        <ImpactTable types={state.data.impactByPartnershipType} scope={scope} />
      )}
    </>
  );
}

function ImpactTable({ types, scope }: { types: readonly TypeImpact[]; scope: PanelScope }) {
  if (types.length === 0) return <p>No partnership has members in {scope.areaName}.</p>;
  const caveats = [...new Set(types.flatMap((type) => type.caveats))];
  return (
    <>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName("what-works", scope, types[0]?.comparison ?? "")}
        csv={() => impactCsv(types)}
      />
      <Table
        className="panel-table"
        caption="What works: partnership types' members against comparison schools"
        columns={["Kind of partnership", "Measure", "Year by year", "Before and after joining"]}
      >
        {types.flatMap((type) =>
          type.measures.map((measure, index) => (
            <tr key={`${type.type}-${measure.measure}`}>
              {index === 0 && (
                <th scope="row" rowSpan={type.measures.length}>
                  {words(type.type)}
                  <span className="meta block">
                    {count(type.partnerships)} partnerships, {count(type.members)} member schools,{" "}
                    {count(type.membersWithComparisonSchools)} compared
                  </span>
                </th>
              )}
              <td>{measureName(measure.measure)}</td>
              <td>{measure.explanation}</td>
              <td>{measure.beforeAfter.explanation}</td>
            </tr>
          )),
        )}
      </Table>
      <h3>Caveats</h3>
      <ul className="caveats">
        {caveats.map((caveat) => (
          <li key={caveat}>{caveat}</li>
        ))}
      </ul>
    </>
  );
}
