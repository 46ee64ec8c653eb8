/**
 * Sensitivity of the ranking (`gapSensitivity`): each threshold of the gap detector moved down and
 * up by 10%, one at a time, and the areas that enter or leave the top of the support gaps list.
 */
import { useState } from "react";
import {
  GapSensitivityDocument,
  type GapParameter,
  type GapSensitivityQuery,
} from "../../__generated__/graphql";
import { Select } from "../../controls";
import { DownloadCsv, toCsv } from "../../csv";
import { Table } from "../../Table";
import { useQuery } from "../../useQuery";
import { Pending, csvName, percent, supplyWords, type PanelScope } from "./panel";

type Sensitivity = GapSensitivityQuery["gapSensitivity"];

/** What each threshold is, and its value under a scenario in its own units. */
const PARAMETERS: Record<GapParameter, { name: string; value: (value: number) => string }> = {
  REACH_KM: { name: "Every leader's reach", value: (v) => `×${v.toFixed(2)} the usual reach` },
  LEADER_CAPACITY: {
    name: "Every leader's capacity",
    value: (v) => `×${v.toFixed(2)} the usual capacity`,
  },
  PARTNERSHIP_CREDIT: {
    name: "How much support a partnership counts for",
    value: (v) => `${v.toFixed(2)} (usually 0.5)`,
  },
  AREA_SHARE: {
    name: "Share of rural (or coastal) schools that makes an area rural (or coastal)",
    value: (v) => `${percent(v)} (usually 50%)`,
  },
  COAST_DISTANCE_KM: {
    name: "Distance from the coastline that makes a school coastal, where the ONS does not classify its town",
    value: (v) => `${v.toFixed(1)} km (usually 5 km)`,
  },
};

const TOPS = [5, 10, 20] as const;

function names(areas: readonly { area: { name: string } }[]): string {
  return areas.map((gap) => gap.area.name).join(", ");
}

export function GapSensitivity({ scope }: { scope: PanelScope }) {
  const [top, setTop] = useState<number>(10);
  const state = useQuery(GapSensitivityDocument, {
    regionCode: scope.region || null,
    level: scope.level,
    kind: scope.kind,
    supply: scope.supply,
    top,
  });
  return (
    <>
      <p className="hint">
        How much the support gaps ranking above depends on the thresholds behind it: each one is
        moved down and up by 10%, one at a time, for the same areas, level and supply (
        {supplyWords(scope.supply)}). An area in the top under every change is robust: no reasonable
        choice of threshold takes it off the list.
        {scope.kind === "ALL" &&
          " The rural or coastal share and the coastline distance only decide which areas count as rural or coastal, so they move only the rural and coastal lists."}
      </p>
      <div className="filters">
        <Select
          id="sensitivity-top"
          label="Areas at the top"
          value={String(top)}
          options={TOPS.map((size) => [String(size), `Top ${size}`] as const)}
          onChange={(value) => setTop(Number(value))}
        />
      </div>
      <Pending
        state={state}
        loading="Ranking the gaps again under each change (a few seconds the first time after a restart)…"
      />
      {state.status === "done" && (
        <SensitivityTable sensitivity={state.data.gapSensitivity} scope={scope} />
      )}
    </>
  );
}

function SensitivityTable({ sensitivity, scope }: { sensitivity: Sensitivity; scope: PanelScope }) {
  const { top, baseline, robust, scenarios } = sensitivity;
  const moving = scenarios.filter((s) => s.entering.length > 0 || s.leaving.length > 0).length;
  return (
    <>
      <p>
        The top {top} as ranked: {names(baseline) || "no area"}.{" "}
        {robust.length === baseline.length
          ? `All ${robust.length} stay in the top ${top} under every change.`
          : `${robust.length} stay in the top ${top} under every change${robust.length ? `: ${names(robust)}` : ""}.`}{" "}
        {moving === 0
          ? "No change moves an area in or out."
          : `${moving} of the ${scenarios.length} changes move an area in or out.`}
      </p>
      <DownloadCsv
        label="Download as CSV"
        filename={csvName(
          "gap-sensitivity",
          scope,
          scope.level,
          scope.kind,
          scope.supply,
          `top-${top}`,
        )}
        csv={() =>
          toCsv(
            ["threshold", "factor", "value", "entering", "leaving"],
            scenarios.map((s) => [
              s.parameter,
              s.factor,
              s.value,
              s.entering.map((gap) => `${gap.area.name} (${gap.area.code})`).join("; "),
              s.leaving.map((gap) => `${gap.area.name} (${gap.area.code})`).join("; "),
            ]),
          )
        }
      />
      <Table
        className="panel-table"
        caption={`Sensitivity of the ranking: areas entering or leaving the top ${top}`}
        columns={["Threshold", "Moved to", `Enter the top ${top}`, `Leave the top ${top}`]}
      >
        {scenarios.map((s) => (
          <tr key={`${s.parameter}-${s.factor}`}>
            <td>
              {PARAMETERS[s.parameter].name}, {s.factor < 1 ? "down" : "up"}{" "}
              {Math.round(Math.abs(1 - s.factor) * 100)}%
            </td>
            <td>{PARAMETERS[s.parameter].value(s.value)}</td>
            <td>{names(s.entering) || "None"}</td>
            <td>{names(s.leaving) || "None"}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
