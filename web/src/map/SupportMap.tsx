/**
 * The oversight map: a region's local authorities (or England's) shaded by gap index, its
 * located state-funded schools as points coloured by need band, how many have no location, and
 * the Teaching School Hubs and system leaders counting under the chosen supply.
 */
import { useMemo } from "react";
import {
  SupportMapDocument,
  type GapKind,
  type SupplyMode,
  type SupportMapQuery,
} from "../__generated__/graphql";
import { useQuery } from "../useQuery";
import { AreaMap, type MapMarker, type MapPoint } from "./AreaMap";
import type { LaShape } from "./shapes";
import { useLaShapes } from "./useLaShapes";

const BANDS = [
  [1, "Band 1: most need"],
  [2, "Band 2"],
  [3, "Band 3"],
  [4, "Band 4: least need"],
] as const;

/** Gap index classes: five equal steps up to the highest gap shown. */
const STEPS = 5;

type Data = SupportMapQuery;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export function SupportMap({
  regionCode,
  regionName,
  kind,
  supply,
}: {
  regionCode: string | null;
  regionName: string;
  kind: GapKind;
  supply: SupplyMode;
}) {
  const shapes = useLaShapes();
  const map = useQuery(SupportMapDocument, { regionCode, kind, supply });
  if (shapes.status === "failed") return <p className="error">{shapes.message}</p>;
  if (map.status === "failed") {
    return (
      <p className="error" role="alert">
        The map could not be drawn: {map.error.message}
      </p>
    );
  }
  if (shapes.status === "loading" || map.status !== "done") {
    return <p aria-live="polite">Drawing the map of schools and local authorities…</p>;
  }
  return (
    <DrawnMap
      data={map.data}
      shapes={shapes.shapes}
      regionCode={regionCode}
      regionName={regionName}
      kind={kind}
    />
  );
}

function DrawnMap({
  data,
  shapes,
  regionCode,
  regionName,
  kind,
}: {
  data: Data;
  shapes: LaShape[];
  regionCode: string | null;
  regionName: string;
  kind: GapKind;
}) {
  const { schools, leaders, withoutLocation, supplyMode } = data.supportMap;
  const inArea = useMemo(
    () =>
      shapes.filter((shape) => regionCode === null || shape.properties.regionCode === regionCode),
    [shapes, regionCode],
  );
  const gaps = useMemo(
    () => new Map(data.localAuthorityGaps.map((gap) => [gap.area.code, gap])),
    [data.localAuthorityGaps],
  );
  const highest = Math.max(0, ...data.localAuthorityGaps.map((gap) => gap.gapIndex));
  const step = highest > 0 ? highest / STEPS : 1;
  const stepOf = (gapIndex: number) => Math.min(STEPS - 1, Math.floor(gapIndex / step));

  const points: MapPoint[] = useMemo(
    () =>
      // Most need drawn last, on top.
      [...schools]
        .sort((a, b) => (b.needBand ?? 5) - (a.needBand ?? 5))
        .map((school) => ({
          urn: school.urn,
          name: school.name,
          latitude: school.latitude,
          longitude: school.longitude,
          kind: school.needBand === null ? "need-none" : `need-${school.needBand}`,
          title: `${school.name} (URN ${school.urn})${
            school.needBand === null ? ", no need band" : `, need band ${school.needBand}`
          }`,
        })),
    [schools],
  );
  const markers: MapMarker[] = useMemo(
    () =>
      // Hubs last, so they are drawn over the leaders near them.
      [...leaders]
        .sort(
          (a, b) =>
            Number(a.designation === "TEACHING_SCHOOL_HUB") -
            Number(b.designation === "TEACHING_SCHOOL_HUB"),
        )
        .map((leader) => ({
          id: leader.id,
          latitude: leader.latitude,
          longitude: leader.longitude,
          kind: leader.designation === "TEACHING_SCHOOL_HUB" ? "hub" : "leader",
          title: `${leader.name} (${leader.designation.replaceAll("_", " ").toLowerCase()}${
            leader.synthetic ? ", synthetic" : ""
          })`,
        })),
    [leaders],
  );
  const byBand = new Map<number | null, number>();
  for (const school of schools) byBand.set(school.needBand, (byBand.get(school.needBand) ?? 0) + 1);
  const hubs = leaders.filter((leader) => leader.designation === "TEACHING_SCHOOL_HUB").length;
  const others = leaders.length - hubs;
  const area = regionCode === null ? "England" : regionName;

  return (
    <figure className="map-figure">
      <AreaMap
        label={`${area}: ${count(inArea.length, "local authority", "local authorities")} shaded by gap index, ${count(schools.length, "school")} coloured by need band, ${count(hubs, "Teaching School Hub")} and ${count(others, "system leader")}.`}
        shapes={inArea}
        points={points}
        markers={markers}
        shade={(shape) => {
          const gap = gaps.get(shape.properties.gssCode);
          if (!gap) {
            return {
              className: "la",
              title: `${shape.properties.name}: no gap figure${kind === "ALL" ? "" : ` (not a ${kind.toLowerCase()} area)`}`,
            };
          }
          return {
            className: `la gap-${stepOf(gap.gapIndex)}`,
            title: `${shape.properties.name}: gap index ${gap.gapIndex.toFixed(1)}, ${gap.needSchools} of ${gap.totalSchools} schools in need`,
          };
        }}
      />
      <figcaption>
        <ul className="legend" aria-label="Key">
          {BANDS.map(([band, label]) => (
            <li key={band}>
              <svg width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" className={`need-${band}`} />
              </svg>{" "}
              {label}: {(byBand.get(band) ?? 0).toLocaleString("en-GB")}
            </li>
          ))}
          {byBand.has(null) && (
            <li>
              <svg width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" className="need-none" />
              </svg>{" "}
              No need band: {byBand.get(null)!.toLocaleString("en-GB")}
            </li>
          )}
          <li>
            <svg width="14" height="14" aria-hidden="true">
              <path d="M1,1H13V13H1Z" className="marker hub" />
            </svg>{" "}
            Teaching School Hub: {hubs}
          </li>
          {others > 0 && (
            <li>
              <svg width="12" height="12" aria-hidden="true">
                <path d="M6,1L11,6L6,11L1,6Z" className="marker leader" />
              </svg>{" "}
              System leader{supplyMode === "MODELLED" ? " (most synthetic)" : ""}: {others}
            </li>
          )}
        </ul>
        <ul className="legend" aria-label="Gap index shading">
          {Array.from({ length: STEPS }, (_, index) => (
            <li key={index}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" className={`la gap-${index}`} />
              </svg>{" "}
              Gap index {(index * step).toFixed(0)}–{((index + 1) * step).toFixed(0)}
            </li>
          ))}
        </ul>
        <p className="meta">
          {withoutLocation === 0
            ? `Every state-funded school in ${area} has a location and is drawn.`
            : `${count(withoutLocation, "state-funded school")} in ${area} ${withoutLocation === 1 ? "has" : "have"} no known location and ${withoutLocation === 1 ? "is" : "are"} not drawn.`}{" "}
          Boundaries: ONS local authority districts, May 2024, joined into education authorities
          (contains OS data © Crown copyright and database right 2024). Choose a school to open its
          page.
        </p>
      </figcaption>
    </figure>
  );
}
